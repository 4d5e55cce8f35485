// Links the Functions app as the Static Web App's /api backend. A separate step because
// the app's settings need the portal's URL (Portal__Origin): SWA first, then the app,
// then this link.

@description('Name of the existing Static Web App.')
param staticWebAppName string

@description('Name of the existing Functions app.')
param functionAppName string

@description('Region of the Functions app.')
param functionAppLocation string

resource web 'Microsoft.Web/staticSites@2024-04-01' existing = {
  name: staticWebAppName
}

resource api 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: web
  name: 'api'
  properties: {
    backendResourceId: api.id
    region: functionAppLocation
  }
}
