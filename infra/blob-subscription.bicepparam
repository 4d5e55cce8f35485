// Parameters of blob-subscription.bicep, read from the environment azd gives its hooks (the
// azd environment's values: main.bicep's outputs and the preprovision hook's secret), so the
// secret never appears on a command line.
using './blob-subscription.bicep'

param systemTopicName = readEnvironmentVariable('AZURE_EVENTGRID_SYSTEM_TOPIC_NAME')
param apiUri = readEnvironmentVariable('SERVICE_API_URI')
param documentsContainerName = readEnvironmentVariable('AZURE_STORAGE_DOCUMENTS_CONTAINER')
param inboundWebhookSecret = readEnvironmentVariable('CASEFY_INBOUND_WEBHOOK_SECRET')
