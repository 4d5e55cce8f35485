// The Event Grid system topic on the storage account. Its BlobCreated subscription is not
// here: creating a WebHook subscription makes Event Grid call the endpoint at once with a
// SubscriptionValidationEvent, and azd provisions before it deploys code. The postdeploy
// hook in azure.yaml deploys ../blob-subscription.bicep once the API is running.

@description('Name of the Event Grid system topic.')
param name string

@description('Region of the storage account.')
param location string

@description('Tags for the system topic.')
param tags object

@description('Name of the storage account whose events are published.')
param storageAccountName string

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

output name string = systemTopic.name
