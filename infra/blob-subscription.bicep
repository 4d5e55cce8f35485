// The Blob Storage event subscription: BlobCreated in the documents container, delivered to
// the API's webhook. Deployed by azure.yaml's postdeploy hook (with blob-subscription.bicepparam),
// not by main.bicep: creating a WebHook subscription makes Event Grid post a
// SubscriptionValidationEvent to the endpoint at once, and the API must answer
// {"validationResponse": "<code>"}; azd provisions before it deploys code, so only after
// deploy is there code to answer.
//
// The shared secret travels in a delivery header marked secret, never in the URL: request
// URLs end up in telemetry and logs, and a secret delivery attribute is not shown back by
// the Event Grid APIs or the portal. The app compares the header with Events__InboundSecret.
targetScope = 'resourceGroup'

@description('Name of the Event Grid system topic on the storage account (main.bicep output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@description('Base URL of the API, e.g. https://func-api-xyz.azurewebsites.net (main.bicep output SERVICE_API_URI).')
param apiUri string

@description('Blob container whose uploads are delivered.')
param documentsContainerName string

@secure()
@minLength(16)
@description('The secret the API expects in the CaseFy-Webhook-Secret header (the same value as its Events__InboundSecret).')
param inboundWebhookSecret string

// The header the API reads (CaseFy.Application.Events.InboundSecret.HeaderName).
var secretHeaderName = 'CaseFy-Webhook-Secret'

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource documentsCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'documents-blob-created'
  properties: {
    // Event Grid schema: the handshake is the synchronous SubscriptionValidationEvent above.
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The property is typed secure because URLs used to carry webhook secrets; this one
        // carries none (the secret is the header below), so a plain value is right here.
        #disable-next-line use-secure-value-for-secure-inputs
        endpointUrl: '${apiUri}/api/events/eventgrid'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
        deliveryAttributeMappings: [
          {
            name: secretHeaderName
            type: 'Static'
            properties: {
              value: inboundWebhookSecret
              isSecret: true
            }
          }
        ]
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${documentsContainerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = documentsCreated.name
