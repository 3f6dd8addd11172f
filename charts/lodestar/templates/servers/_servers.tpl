{{/* The in-chart servers: port, data folder and how each reads its credentials (laptop clusters only). */}}
{{- define "lodestar.servers" -}}
rabbitmq:
  port: 5672
  dataPath: /var/lib/rabbitmq
  env:
    RABBITMQ_DEFAULT_USER: username
    RABBITMQ_DEFAULT_PASS: password
  args: []
redis:
  port: 6379
  dataPath: /data
  env:
    REDIS_PASSWORD: password
  args: ["--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes"]
postgresql:
  port: 5432
  dataPath: /var/lib/postgresql/data
  env:
    POSTGRES_USER: username
    POSTGRES_PASSWORD: password
  args: []
{{- end -}}
