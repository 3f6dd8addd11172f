{{/*
Connection strings and keys. A value left empty comes from the in-chart server when that one is enabled; the in-chart
servers' passwords are plain letters, digits, ".", "_" and "-" (values.schema.json), so they need no escaping here.
*/}}

{{/* The connection strings the chart's own Secret holds, as a YAML map. */}}
{{- define "lodestar.connectionStrings" -}}
{{- $fullname := include "lodestar.fullname" . -}}
{{- $strings := .Values.connectionStrings -}}
{{- $rabbit := .Values.rabbitmq -}}
{{- $redis := .Values.redis -}}
{{- $pg := .Values.postgresql -}}
eventbus: {{ ternary (printf "amqp://%s:%s@%s-rabbitmq:5672/%%2F" $rabbit.auth.username $rabbit.auth.password $fullname) $strings.eventbus (and $rabbit.enabled (eq $strings.eventbus "")) | quote }}
redis: {{ ternary (printf "%s-redis:6379,password=%s" $fullname $redis.auth.password) $strings.redis (and $redis.enabled (eq $strings.redis "")) | quote }}
{{- range $component, $facts := include "lodestar.components" . | fromYaml }}
{{- $configured := index $strings $facts.database }}
{{ $facts.database }}: {{ ternary (printf "Host=%s-postgresql;Port=5432;Database=lodestar_%s;Username=%s;Password=%s" $fullname $component $pg.auth.username $pg.auth.password) $configured (and $pg.enabled (eq $configured "")) | quote }}
{{- end }}
{{- end -}}

{{/* The keys the chart's own auth Secret holds, as a YAML map. */}}
{{- define "lodestar.authKeys" -}}
jwt-signing-key: {{ .Values.auth.jwt.signingKey | quote }}
{{- if not .Values.auth.users.authority }}
users-signing-key: {{ .Values.auth.users.signingKey | quote }}
{{- end }}
{{- end -}}

{{- define "lodestar.secretsChecksum" -}}
{{- list .Values.connectionStrings .Values.auth .Values.rabbitmq.auth .Values.redis.auth .Values.postgresql.auth | toJson | sha256sum -}}
{{- end -}}

{{/* Refuses values that would install a platform that cannot start, naming the value to set. */}}
{{- define "lodestar.validate" -}}
{{- $strings := .Values.connectionStrings -}}
{{- if $strings.existingSecret -}}
{{- if or .Values.rabbitmq.enabled .Values.redis.enabled .Values.postgresql.enabled -}}
{{- fail "connectionStrings.existingSecret and the in-chart servers (rabbitmq/redis/postgresql.enabled) exclude each other: the Secret must then hold every connection string." -}}
{{- end -}}
{{- else -}}
{{- range $key, $value := include "lodestar.connectionStrings" . | fromYaml -}}
{{- if eq $value "" -}}
{{- fail (printf "connectionStrings.%s is empty: set it, set connectionStrings.existingSecret, or enable the in-chart server for it (values-laptop.yaml)." $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $server := list "rabbitmq" "redis" "postgresql" -}}
{{- $values := index $.Values $server -}}
{{- if and $values.enabled (eq $values.auth.password "") -}}
{{- fail (printf "%s.auth.password is required when %s.enabled is true." $server $server) -}}
{{- end -}}
{{- end -}}
{{- if not .Values.auth.existingSecret -}}
{{- if lt (len .Values.auth.jwt.signingKey) 32 -}}
{{- fail "auth.jwt.signingKey must be at least 32 characters (or set auth.existingSecret)." -}}
{{- end -}}
{{- if and (not .Values.auth.users.authority) (lt (len .Values.auth.users.signingKey) 32) -}}
{{- fail "Users' tokens need auth.users.authority (OIDC) or auth.users.signingKey of at least 32 characters (or auth.existingSecret)." -}}
{{- end -}}
{{- end -}}
{{- end -}}
