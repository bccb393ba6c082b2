{{/* The name of every object of the release. */}}
{{- define "service.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the service's pods. */}}
{{- define "service.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every object of the release. */}}
{{- define "service.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "service.selectorLabels" . }}
app.kubernetes.io/version: {{ include "service.version" . | quote }}
app.kubernetes.io/part-of: {{ .Values.domain | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The version the release runs: the image tag, or the chart's appVersion. */}}
{{- define "service.version" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
