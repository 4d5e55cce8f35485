// CaseFy on Azure, deployed by `azd up` (see docs/DEPLOY.md).
// One resource group: two storage accounts (Entra ID only; runtime and case data), Flex Consumption Functions app (API +
// Durable Task), Static Web App (portal, not linked: it calls the API's own URL), Event
// Grid, monitoring. The Blob event subscription is deployed after the code, by the
// postdeploy hook (blob-subscription.bicep), so Event Grid's handshake reaches running code.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Region for all resources except the Static Web App. Must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region of the Static Web App: only centralus, eastus2, eastasia, westeurope and westus2 offer it.')
@allowed([
  'centralus'
  'eastasia'
  'eastus2'
  'westeurope'
  'westus2'
])
param staticWebAppLocation string = 'westeurope'

@description('Object id of the deploying user or service principal (azd fills it in). Gets data roles on the case data account only with deployerDataRoles.')
param principalId string = ''

@description('Whether principalId gets Blob and Table data roles on the case data account (to inspect it or run locally against it). Off by default: production case data is not every deployer\'s.')
param deployerDataRoles bool = false

@description('Kind of principal principalId is.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Entra ID tenant that issues tokens for the API.')
param apiTenantId string = tenant().tenantId

@description('Client id of the API\'s Entra ID app registration. Empty until it is registered (DEPLOY.md).')
param apiClientId string = ''

@description('Audience the API accepts. Empty: api://<apiClientId>.')
param apiAudience string = ''

// azd passes stable values (azure.yaml preprovision hook): a secret that changed on every
// provision would lock Event Grid out until the next postdeploy, and a new signing key
// would void the signatures of uploads in flight and the continuation tokens handed out.
@secure()
@minLength(16)
@description('Secret Event Grid sends to the API webhook in a delivery header (the postdeploy hook sets it on the subscription).')
param inboundWebhookSecret string = newGuid()

@secure()
@minLength(16)
@description('The app\'s own signing key (Documents__MetadataSigningKey: upload metadata, continuation tokens); never leaves the app.')
param uploadMetadataKey string = newGuid()

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// Names are computed here, not read from module outputs, so What-If can predict every
// resource id (lint rule what-if-short-circuiting); dependsOn then states the order.
@description('Whether to provision Azure Communication Services Email (email service, Azure-managed domain, communication service, the app identity\'s send role). Off by default.')
param mailEnabled bool = false

@description('Data location of the Communication Services resources when mailEnabled.')
param mailDataLocation string = 'Europe'

var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  dataStorage: '${abbrs.storageStorageAccounts}data${resourceToken}'
  topic: '${abbrs.eventGridTopics}${resourceToken}'
  systemTopic: '${abbrs.eventGridSystemTopics}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  api: '${abbrs.webSitesFunctions}api-${resourceToken}'
  web: '${abbrs.webStaticSites}web-${resourceToken}'
  emailService: 'email-${resourceToken}'
  communication: 'acs-${resourceToken}'
}
var documentsContainerName = 'documents'
var deploymentContainerName = 'app-package-${resourceToken}'
var effectiveAudience = !empty(apiAudience) ? apiAudience : (!empty(apiClientId) ? 'api://${apiClientId}' : '')

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

// The runtime account: Functions host, Durable Task hub, deployment package.
module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

// The case data account: case tables and documents (direct uploads from the portal).
module dataStorage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: names.dataStorage
    location: location
    tags: tags
    documentsContainerName: documentsContainerName
    uploadCorsOrigins: [web.outputs.uri]
  }
}

module mail 'modules/mail.bicep' = if (mailEnabled) {
  scope: rg
  dependsOn: [identity]
  params: {
    emailServiceName: names.emailService
    communicationServiceName: names.communication
    dataLocation: mailDataLocation
    appIdentityName: names.identity
    tags: tags
  }
}

module events 'modules/events.bicep' = {
  scope: rg
  params: {
    name: names.topic
    location: location
    tags: tags
  }
}

module web 'modules/web.bicep' = {
  scope: rg
  params: {
    name: names.web
    location: staticWebAppLocation
    tags: union(tags, { 'azd-service-name': 'web' })
  }
}

module api 'modules/api.bicep' = {
  scope: rg
  params: {
    name: names.api
    planName: names.plan
    location: location
    // Only the site names the azd service: the plan carries the environment tag alone.
    tags: union(tags, { 'azd-service-name': 'api' })
    planTags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    dataStorageAccountName: names.dataStorage
    deploymentContainerName: deploymentContainerName
    documentsContainerName: documentsContainerName
    taskHubName: 'casefy'
    applicationInsightsName: names.applicationInsights
    eventGridTopicEndpoint: events.outputs.endpoint
    portalOrigin: web.outputs.uri
    apiTenantId: apiTenantId
    apiClientId: apiClientId
    apiAudience: effectiveAudience
    inboundWebhookSecret: inboundWebhookSecret
    uploadMetadataKey: uploadMetadataKey
    mailAcsEndpoint: mailEnabled ? mail!.outputs.endpoint : ''
    mailSenderAddress: mailEnabled ? mail!.outputs.senderAddress : ''
  }
  // Roles first, so the host's first start can reach storage, the topic and telemetry.
  dependsOn: [
    storage
    dataStorage
    monitoring
    rbac
  ]
}

module rbac 'modules/rbac.bicep' = {
  scope: rg
  params: {
    storageAccountName: names.storage
    dataStorageAccountName: names.dataStorage
    eventGridTopicName: names.topic
    applicationInsightsName: names.applicationInsights
    appIdentityName: names.identity
    userPrincipalId: deployerDataRoles ? principalId : ''
    userPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    dataStorage
    events
    monitoring
  ]
}

// The system topic only: its subscription is blob-subscription.bicep, deployed by the
// postdeploy hook once the API's code answers the validation handshake.
module blobEvents 'modules/blob-events.bicep' = {
  scope: rg
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountName: names.dataStorage
  }
  dependsOn: [
    dataStorage
  ]
}

// azd stores these in the environment (.azure/<env>/.env).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output SERVICE_WEB_NAME string = web.outputs.name
output SERVICE_WEB_URI string = web.outputs.uri
// The case data account: where direct uploads go (the portal's CSP) and what a local run reads.
output AZURE_STORAGE_ACCOUNT_NAME string = dataStorage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = dataStorage.outputs.blobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = dataStorage.outputs.tableEndpoint
output EVENTGRID_TOPIC_ENDPOINT string = events.outputs.endpoint
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = blobEvents.outputs.name
output AZURE_STORAGE_DOCUMENTS_CONTAINER string = documentsContainerName
output MAIL_ACS_ENDPOINT string = mailEnabled ? mail!.outputs.endpoint : ''
output MAIL_SENDER_ADDRESS string = mailEnabled ? mail!.outputs.senderAddress : ''
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
