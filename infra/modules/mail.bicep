// Optional e-mail through Azure Communication Services (main.bicep deploys this module only when
// mailEnabled): an email service with an Azure-managed domain, a communication service linked to it,
// and the app identity's role on it, so the app sends with its managed identity and no keys.

@description('Name of the email service.')
param emailServiceName string

@description('Name of the communication service.')
param communicationServiceName string

@description('Where the services keep their data (an ACS data location, e.g. Europe, United States).')
param dataLocation string

@description('Name of the app\'s user-assigned managed identity (in this resource group).')
param appIdentityName string

@description('Tags for the resources.')
param tags object

// Communication and Email Service Owner: the built-in role that allows emails:send with an Entra token.
var communicationEmailServiceOwner = '09976791-48a7-449e-bb21-39d1a415f350'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [domain.id]
  }
}

resource appSendsMail 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, appIdentity.id, communicationEmailServiceOwner)
  scope: communication
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', communicationEmailServiceOwner)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('The endpoint the app posts emails:send to.')
output endpoint string = 'https://${communication.properties.hostName}'

@description('The sender address of the Azure-managed domain.')
output senderAddress string = 'DoNotReply@${domain.properties.fromSenderDomain}'
