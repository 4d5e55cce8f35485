// Blob Storage events into the API: a system topic on the account and, once the API is
// deployed, a subscription delivering BlobCreated in the documents container.
//
// Why the subscription is behind a flag: creating a WebHook subscription makes Event Grid
// call the endpoint at once with a SubscriptionValidationEvent; the API must answer
// {"validationResponse": "<validationCode>"} or the deployment fails. azd provisions
// infrastructure before it deploys code, so on the first `azd up` nothing answers yet.
// DEPLOY.md: `azd env set DEPLOY_BLOB_EVENT_SUBSCRIPTION true` then `azd provision`.

@description('Name of the Event Grid system topic.')
param name string

@description('Region of the storage account.')
param location string

@description('Tags for the system topic.')
param tags object

@description('Name of the storage account whose events are published.')
param storageAccountName string

@description('Blob container whose uploads are delivered.')
param documentsContainerName string

@description('Create the event subscription (only once the API answers the validation handshake).')
param deploySubscription bool

@secure()
@description('Webhook URL of the API, with the shared secret in its query string.')
param webhookUrl string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource documentsCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (deploySubscription) {
  parent: systemTopic
  name: 'documents-blob-created'
  properties: {
    // Event Grid schema: the handshake is the SubscriptionValidationEvent described above.
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
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

output name string = systemTopic.name
