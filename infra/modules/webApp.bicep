// Linux App Service running the built app with `npm start` on Node 20. Every setting the
// app reads (src/config.ts) is an app setting here; secrets are Key Vault references
// resolved with the user-assigned identity. PORT is not set: App Service gives the Node
// container its port in PORT, which the app reads.

param location string
param planName string
param webAppName string
param sku string
param instanceCount int
param identityResourceId string
param logAnalyticsWorkspaceId string
param appInsightsConnectionString string

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string
param botAppId string
param botAppTenantId string

@description('Versionless Key Vault URI of the bot\'s client secret; empty for UserAssignedMSI.')
param botAppPasswordSecretUri string

@description('Versionless Key Vault URI of DATABASE_URL.')
param databaseUrlSecretUri string

param aadAppClientId string
param tenantAdmins string
param tenantAdminGroup string
param graphEnabled string
param logLevel string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: false
    }
  }
}

// Every setting src/config.ts reads that has no good default on App Service.
var appSettingsForEveryBotType = {
  NODE_ENV: 'production'
  // The deploy step uploads the built app with its node_modules; no build on the server.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  DATABASE_URL: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecretUri})'
  MicrosoftAppType: botAppType
  MicrosoftAppId: botAppId
  MicrosoftAppTenantId: botAppTenantId
  AAD_APP_CLIENT_ID: aadAppClientId
  PUBLIC_HOSTNAME: site.properties.defaultHostName
  TENANT_ADMINS: tenantAdmins
  TENANT_ADMIN_GROUP: tenantAdminGroup
  GRAPH_ENABLED: graphEnabled
  LOG_LEVEL: logLevel
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
}

// A managed-identity bot has no secret; an empty Key Vault reference would not resolve.
var botSecretSettings = botAppType == 'SingleTenant' ? {
  MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${botAppPasswordSecretUri})'
} : {}

// A separate appsettings resource so the settings can name the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettingsForEveryBotType, botSecretSettings)
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output resourceId string = site.id
output hostName string = site.properties.defaultHostName
output name string = site.name
