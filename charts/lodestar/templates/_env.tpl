{{/*
What each component reads at start-up, as the services' configuration conventions name it (Aspire-style:
services__<name>__<endpoint>__0, ConnectionStrings__<name>). The Deployments take the plain settings from their
ConfigMap and the secrets from Secrets; the migration Jobs, which run before the ConfigMaps exist, take the same
settings inline.
*/}}

{{/* Plain settings of a component as a YAML map; dict: root, component. */}}
{{- define "lodestar.config" -}}
{{- $root := .root -}}
{{- $values := index $root.Values .component -}}
{{- $facts := index (include "lodestar.components" $root | fromYaml) .component -}}
ASPNETCORE_ENVIRONMENT: {{ $root.Values.environment | quote }}
DOTNET_ENVIRONMENT: {{ $root.Values.environment | quote }}
Kestrel__Endpoints__http__Url: {{ printf "http://+:%v" $values.containerPorts.http | quote }}
Kestrel__Endpoints__grpc__Url: {{ printf "http://+:%v" $values.containerPorts.grpc | quote }}
Database__MigrateOnStartup: {{ ternary "false" "true" (eq (include "lodestar.migrationJob" $root) "true") | quote }}
Authentication__Jwt__Issuer: {{ $root.Values.auth.jwt.issuer | quote }}
Authentication__Jwt__Audience: {{ $root.Values.auth.jwt.audience | quote }}
OTEL_SERVICE_NAME: {{ .component | quote }}
{{- with $root.Values.telemetry.otlp.endpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
OTEL_EXPORTER_OTLP_PROTOCOL: {{ $root.Values.telemetry.otlp.protocol | quote }}
{{- end }}
{{- if eq .component "gateway" }}
{{- with $root.Values.auth.users.authority }}
Authentication__Users__Authority: {{ . | quote }}
{{- end }}
{{- with $root.Values.auth.users.issuer }}
Authentication__Users__Issuer: {{ . | quote }}
{{- end }}
Authentication__Users__Audience: {{ $root.Values.auth.users.audience | quote }}
{{- end }}
{{- range $callee := $facts.calls }}
{{- $calleeValues := index $root.Values $callee }}
{{- $address := include "lodestar.componentName" (dict "root" $root "component" $callee) }}
services__{{ $callee }}__http__0: {{ printf "http://%s:%v" $address $calleeValues.service.ports.http | quote }}
services__{{ $callee }}__grpc__0: {{ printf "http://%s:%v" $address $calleeValues.service.ports.grpc | quote }}
{{- end }}
{{- range $key, $value := $values.config }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* Secret environment entries of a component; dict: root, component, connections (Secret), auth (Secret). */}}
{{- define "lodestar.secretEnv" -}}
{{- $root := .root -}}
{{- $facts := index (include "lodestar.components" $root | fromYaml) .component -}}
- name: ConnectionStrings__{{ $facts.database }}
  valueFrom:
    secretKeyRef:
      name: {{ .connections }}
      key: {{ $facts.database }}
{{- if $facts.eventbus }}
- name: ConnectionStrings__eventbus
  valueFrom:
    secretKeyRef:
      name: {{ .connections }}
      key: eventbus
{{- end }}
{{- if $facts.redis }}
- name: ConnectionStrings__redis
  valueFrom:
    secretKeyRef:
      name: {{ .connections }}
      key: redis
{{- end }}
- name: Authentication__Jwt__SigningKey
  valueFrom:
    secretKeyRef:
      name: {{ .auth }}
      key: jwt-signing-key
{{- if and (eq .component "gateway") (not $root.Values.auth.users.authority) }}
- name: Authentication__Users__SigningKey
  valueFrom:
    secretKeyRef:
      name: {{ .auth }}
      key: users-signing-key
{{- end }}
{{- end -}}

{{/* The pod's identity in telemetry, from the downward API. */}}
{{- define "lodestar.telemetryEnv" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ printf "service.namespace=lodestar,service.instance.id=$(POD_NAME),k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE)%s" (ternary (printf ",%s" .Values.telemetry.resourceAttributes) "" (ne .Values.telemetry.resourceAttributes "")) | quote }}
{{- end -}}

{{/* The pod and container security contexts, without their "enabled" switch. */}}
{{- define "lodestar.podSecurityContext" -}}
{{- if .Values.podSecurityContext.enabled -}}
securityContext:
  {{- omit .Values.podSecurityContext "enabled" | toYaml | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "lodestar.containerSecurityContext" -}}
{{- if .Values.containerSecurityContext.enabled -}}
securityContext:
  {{- omit .Values.containerSecurityContext "enabled" | toYaml | nindent 2 }}
{{- end }}
{{- end -}}
