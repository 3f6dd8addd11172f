{{/*
Names, labels and the facts about each component that templates share. Components are the gateway and the four
services; what each one needs (database, event bus, Redis) and which others it calls lives here, once, so the
ConfigMaps, Secrets and NetworkPolicies cannot disagree.
*/}}

{{- define "lodestar.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "lodestar.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The component table: name → database, eventbus, redis, calls (components whose gRPC/HTTP endpoints it uses). */}}
{{- define "lodestar.components" -}}
gateway:
  database: gatewaydb
  eventbus: false
  redis: true
  calls: [discovery, strategy, backlog, metrics]
discovery:
  database: discoverydb
  eventbus: true
  redis: false
  calls: []
strategy:
  database: strategydb
  eventbus: true
  redis: false
  calls: []
backlog:
  database: backlogdb
  eventbus: true
  redis: false
  calls: []
metrics:
  database: metricsdb
  eventbus: true
  redis: true
  calls: []
{{- end -}}

{{/* "<fullname>-<component>", the name of a component's Deployment, Service, ConfigMap and ServiceAccount. */}}
{{- define "lodestar.componentName" -}}
{{- printf "%s-%s" (include "lodestar.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "lodestar.selectorLabels" -}}
app.kubernetes.io/name: {{ include "lodestar.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "lodestar.labels" -}}
{{ include "lodestar.selectorLabels" . }}
app.kubernetes.io/part-of: lodestar
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "lodestar.annotations" -}}
{{- with .Values.commonAnnotations -}}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end -}}
{{- end -}}

{{/* registry/repository:tag or @digest; global.imageRegistry wins over the component's registry. */}}
{{- define "lodestar.image" -}}
{{- $image := .values.image -}}
{{- $registry := default $image.registry .root.Values.global.imageRegistry -}}
{{- $repository := ternary (printf "%s/%s" $registry $image.repository) $image.repository (ne $registry "") -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .root.Chart.AppVersion $image.tag | toString) -}}
{{- end -}}
{{- end -}}

{{- define "lodestar.serviceAccountName" -}}
{{- if .values.serviceAccount.create -}}
{{- default (include "lodestar.componentName" .) .values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding the connection strings: the user's existingSecret or the chart's own. */}}
{{- define "lodestar.connectionsSecret" -}}
{{- default (printf "%s-connections" (include "lodestar.fullname" .)) .Values.connectionStrings.existingSecret -}}
{{- end -}}

{{- define "lodestar.authSecret" -}}
{{- default (printf "%s-auth" (include "lodestar.fullname" .)) .Values.auth.existingSecret -}}
{{- end -}}

{{/* Whether migrations run as a pre-install/pre-upgrade Job; otherwise each service migrates at start-up. The
in-chart PostgreSQL starts only after pre-install hooks, so with it the services migrate themselves. */}}
{{- define "lodestar.migrationJob" -}}
{{- if and .Values.migrations.job.enabled (not .Values.postgresql.enabled) -}}true{{- end -}}
{{- end -}}
