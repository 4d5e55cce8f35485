// Flex Consumption (FC1) Functions app for the API and the Durable Task orchestrations.
// Identity-based everything: the host, the Durable Task hub, the app's own Table/Blob and
// Event Grid clients and the deployment package all use the user-assigned identity.

@description('Name of the Functions app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the app; must include azd-service-name so azd deploy finds it.')
param tags object

@description('Tags for the plan: the environment tag only (azd refuses two resources naming the same service).')
param planTags object

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Name of the runtime storage account (host, task hub, package).')
param storageAccountName string

@description('Name of the case data storage account (case tables, documents).')
param dataStorageAccountName string

@description('Blob container Flex Consumption deploys the package to.')
param deploymentContainerName string

@description('Blob container for case documents.')
param documentsContainerName string

@description('Durable Task hub name.')
param taskHubName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Endpoint of the Event Grid custom topic for lifecycle events.')
param eventGridTopicEndpoint string

@description('Origin of the static portal, e.g. https://<name>.azurestaticapps.net: the one origin the API answers CORS for.')
param portalOrigin string

@description('Entra ID tenant that issues the API\'s tokens.')
param apiTenantId string

@description('Client id of the API\'s Entra ID app registration (empty until registered).')
param apiClientId string

@description('Audience the API accepts in tokens.')
param apiAudience string

@secure()
@description('Shared secret Event Grid sends in the webhook\'s delivery header.')
param inboundWebhookSecret string

@secure()
@description('The app\'s own signing key (upload metadata, continuation tokens).')
param uploadMetadataKey string

@description('Endpoint of the Communication Services resource mail is sent through; empty: no mail.')
param mailAcsEndpoint string = ''

@description('The From address of mail (the managed domain\'s DoNotReply@…); empty when mail is off.')
param mailSenderAddress string = ''

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: dataStorageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: planTags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // No platform CORS: the app's own pipeline answers preflights (Cors__AllowedOrigins__0
      // below), the same code the local host runs and the tests exercise.
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 100
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption takes the worker runtime from functionAppConfig: no
  // FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION here.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Functions host and Durable Task extension (needs blob, queue and table).
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      TaskHubName: taskHubName
      // The app's own Table/Blob clients: DefaultAzureCredential with this client id.
      Storage__TableServiceUri: dataStorage.properties.primaryEndpoints.table
      Storage__BlobServiceUri: dataStorage.properties.primaryEndpoints.blob
      Storage__ClientId: identityClientId
      Storage__DocumentsContainer: documentsContainerName
      // Bearer tokens from Entra ID (Microsoft.Identity.Web).
      AzureAd__Instance: environment().authentication.loginEndpoint
      AzureAd__TenantId: apiTenantId
      AzureAd__ClientId: apiClientId
      AzureAd__Audience: apiAudience
      // Lifecycle events out, Blob Storage events in.
      Events__TopicEndpoint: eventGridTopicEndpoint
      Events__ClientId: identityClientId
      Events__InboundSecret: inboundWebhookSecret
      Documents__MetadataSigningKey: uploadMetadataKey
      // Mail through Azure Communication Services with the app's identity (empty: mail off).
      Mail__AcsEndpoint: mailAcsEndpoint
      Mail__SenderAddress: mailSenderAddress
      Mail__ClientId: identityClientId
      // The portal is another origin (the Static Web App): the API's CORS policy allows it
      // alone, and portal links point at it.
      Cors__AllowedOrigins__0: portalOrigin
      Portal__Origin: portalOrigin
      // Telemetry with Entra auth (the component has local auth disabled).
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    }
  }

  // No FTP and no basic-auth SCM: azd deploys with Entra ID.
  resource ftpPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPolicy 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output id string = site.id
output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
