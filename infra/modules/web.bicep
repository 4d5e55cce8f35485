// Static Web App for the built portal (artifacts/portal). Free SKU: it serves static files
// only; the portal calls the Functions app's own URL (no linked backend, see DEPLOY.md).

@description('Name of the Static Web App.')
param name string

@description('Region of the Static Web App (only a few regions offer it).')
param location string

@description('Tags for the app; must include azd-service-name so azd deploy finds it.')
param tags object

resource web 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {
    // azd deploys the files itself; no GitHub/DevOps build is wired up.
    provider: 'Custom'
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

output name string = web.name
output uri string = 'https://${web.properties.defaultHostname}'
