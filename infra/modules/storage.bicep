// A storage account, used twice by main.bicep: the runtime account (Functions host, Durable
// Task hub, the Flex Consumption deployment package) and the case data account (case tables
// and documents), so the app's rights on case data and on the host's package and secrets are
// separate. Entra ID only: shared keys are off, so every client (host, app, user) uses RBAC.

@description('Name of the storage account (3-24 lowercase letters and digits).')
param name string

@description('Azure region.')
param location string

@description('Tags for the account.')
param tags object

@description('Blob container that Flex Consumption deploys the app package to (the runtime account). Empty: none.')
param deploymentContainerName string = ''

@description('Blob container for case documents (the case data account). Empty: none.')
param documentsContainerName string = ''

@description('Origins whose browsers PUT direct uploads to the documents container (the portal). Empty: no CORS rule.')
param uploadCorsOrigins array = []

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Flex Consumption without a VNet reaches the account over its public endpoint.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Soft delete and versioning protect documents from accidental overwrite or delete.
// CORS: the portal PUTs direct uploads with create-only SAS URLs (the same rule the local host
// gives Azurite, see BlobDocumentStore.EnsureUploadCorsAsync).
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    cors: {
      corsRules: empty(uploadCorsOrigins) ? [] : [
        {
          allowedOrigins: uploadCorsOrigins
          allowedMethods: ['PUT']
          allowedHeaders: ['content-type', 'x-ms-blob-type', 'x-ms-meta-*', 'x-ms-version', 'x-ms-client-request-id']
          exposedHeaders: ['x-ms-request-id', 'x-ms-error-code']
          maxAgeInSeconds: 600
        }
      ]
    }
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = if (!empty(deploymentContainerName)) {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource documentsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = if (!empty(documentsContainerName)) {
  parent: blobService
  name: documentsContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Documents are never overwritten (each version is its own blob), so a previous version exists only for a document
// blob that was deleted: a refused upload (oversize or of the wrong type, a direct upload's size cannot be capped by
// its SAS) or an unsigned one nobody confirmed. Versioning would keep it for ever; this rule deletes it a day later
// (after which blob soft delete keeps it deleteRetentionPolicy.days more, then it is gone).
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = if (!empty(documentsContainerName)) {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'documents-previous-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${documentsContainerName}/']
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: 1
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [documentsContainer]
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainerName
output documentsContainerName string = documentsContainerName
