// Tandem on Azure: App Service (Linux, Node 20) running `npm start`, the Azure Bot
// (single tenant, Teams channel) pointing at it, PostgreSQL flexible server with the
// `tandem` database, Key Vault holding every secret (read by the app through its
// user-assigned identity), and Application Insights over a Log Analytics workspace.
// Teams Toolkit deploys this with infra/main.parameters.json (see teamsapp.yml);
// outputs in UPPER_SNAKE_CASE land in env/.env.<environment> under the same names.

targetScope = 'resourceGroup'

@description('Short prefix for resource names; a hash of the subscription and resource group is appended so names stay unique and stable across redeployments.')
@minLength(3)
@maxLength(11)
param resourceBaseName string = 'tandem'

@description('Azure region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@description('How the bot authenticates to the Bot Connector. SingleTenant: an Entra app with a client secret (botAppId, botAppPassword). UserAssignedMSI: the web app\'s user-assigned managed identity, no secret.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('The bot\'s Entra application (client) id (SingleTenant); Teams Toolkit\'s BOT_ID.')
param botAppId string = ''

@secure()
@description('The bot\'s client secret (SingleTenant); stored in Key Vault, never in app settings.')
param botAppPassword string = ''

@description('The Entra tenant the bot and the Teams single sign-on app belong to.')
param botAppTenantId string = tenant().tenantId

@description('Display name of the Azure Bot.')
param botDisplayName string = 'Tandem'

@description('Azure Bot pricing tier; Teams is a standard channel, free on F0.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('The Entra app Teams single sign-on issues tab tokens for (AAD_APP_CLIENT_ID); empty means the bot\'s app.')
param aadAppClientId string = ''

@description('Comma-separated Entra object ids of the tenant admins (TENANT_ADMINS).')
param tenantAdmins string = ''

@description('An Entra group id whose members are tenant admins too (TENANT_ADMIN_GROUP); needs graphEnabled and GroupMember.Read.All. Empty: TENANT_ADMINS only.')
param tenantAdminGroup string = ''

@description('Use Microsoft Graph with the app\'s credentials (GRAPH_ENABLED). Needs the secret, so SingleTenant, and admin consent for the app\'s Graph permissions.')
@allowed([
  'true'
  'false'
])
param graphEnabled string = 'false'

@description('pino log level (LOG_LEVEL).')
@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@description('App Service plan SKU; Always On needs Basic or above.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param webAppSku string = 'B1'

@description('Web app instances behind App Service\'s load balancer; Tandem is safe with several (migrations take an advisory lock, card actions are idempotent).')
@minValue(1)
@maxValue(10)
param webAppInstanceCount int = 1

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'tandemadmin'

@secure()
@description('PostgreSQL administrator password; also written to Key Vault, and part of DATABASE_URL there.')
@minLength(12)
param postgresAdminPassword string

@description('PostgreSQL compute SKU name (Burstable B1ms by default).')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier matching postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
@allowed([
  32
  64
  128
  256
  512
])
param postgresStorageSizeGB int = 32

@description('Days of point-in-time restore backups.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key Vault purge protection. It cannot be turned off again once on; leave off for short-lived environments.')
param keyVaultPurgeProtection bool = false

var nameSuffix = take(uniqueString(subscription().id, resourceGroup().id), 8)
var names = {
  identity: 'id-${resourceBaseName}-${nameSuffix}'
  keyVault: 'kv-${resourceBaseName}-${nameSuffix}'
  postgres: 'psql-${resourceBaseName}-${nameSuffix}'
  plan: 'plan-${resourceBaseName}-${nameSuffix}'
  webApp: 'app-${resourceBaseName}-${nameSuffix}'
  bot: 'bot-${resourceBaseName}-${nameSuffix}'
  logs: 'log-${resourceBaseName}-${nameSuffix}'
  insights: 'appi-${resourceBaseName}-${nameSuffix}'
}
var databaseName = 'tandem'
var usesManagedIdentity = botAppType == 'UserAssignedMSI'
// The parameters file passes an empty string when the environment has no tenant yet.
var effectiveTenantId = empty(botAppTenantId) ? tenant().tenantId : botAppTenantId

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

// With UserAssignedMSI the identity is the bot: its client id is the bot id.
var effectiveBotAppId = usesManagedIdentity ? identity.properties.clientId : botAppId

module monitoring 'modules/monitoring.bicep' = {
  name: 'tandem-monitoring'
  params: {
    location: location
    workspaceName: names.logs
    insightsName: names.insights
    retentionInDays: logRetentionDays
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'tandem-postgres'
  params: {
    location: location
    serverName: names.postgres
    databaseName: databaseName
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'tandem-key-vault'
  params: {
    location: location
    vaultName: names.keyVault
    readerPrincipalId: identity.properties.principalId
    purgeProtection: keyVaultPurgeProtection
    storeBotAppPassword: !usesManagedIdentity
    botAppPassword: botAppPassword
    postgresHost: postgres.outputs.fullyQualifiedDomainName
    postgresDatabase: postgres.outputs.databaseName
    postgresAdminLogin: postgresAdminLogin
    postgresAdminPassword: postgresAdminPassword
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'tandem-web-app'
  params: {
    location: location
    planName: names.plan
    webAppName: names.webApp
    sku: webAppSku
    instanceCount: webAppInstanceCount
    identityResourceId: identity.id
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    appInsightsConnectionString: monitoring.outputs.connectionString
    botAppType: botAppType
    botAppId: effectiveBotAppId
    botAppTenantId: effectiveTenantId
    botAppPasswordSecretUri: keyVault.outputs.botAppPasswordSecretUri
    databaseUrlSecretUri: keyVault.outputs.databaseUrlSecretUri
    aadAppClientId: empty(aadAppClientId) ? effectiveBotAppId : aadAppClientId
    tenantAdmins: tenantAdmins
    tenantAdminGroup: tenantAdminGroup
    graphEnabled: graphEnabled
    logLevel: logLevel
  }
}

module bot 'modules/botService.bicep' = {
  name: 'tandem-bot'
  params: {
    botName: names.bot
    displayName: botDisplayName
    sku: botSku
    endpoint: 'https://${webApp.outputs.hostName}/api/messages'
    appType: botAppType
    appId: effectiveBotAppId
    appTenantId: effectiveTenantId
    identityResourceId: usesManagedIdentity ? identity.id : ''
  }
}

// Teams Toolkit's names: azureAppService/zipDeploy deploys to this resource id, and the
// manifest, the SSO app's identifier URI and the bot endpoint use this domain.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.resourceId
output BOT_DOMAIN string = webApp.outputs.hostName
output BOT_ENDPOINT string = 'https://${webApp.outputs.hostName}'
// Same value as the parameter for SingleTenant; for UserAssignedMSI the identity's client id,
// which the Teams manifest must then name as the bot.
output BOT_ID string = effectiveBotAppId
output BOT_AZURE_BOT_RESOURCE_ID string = bot.outputs.resourceId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.vaultName
output AZURE_POSTGRES_SERVER_FQDN string = postgres.outputs.fullyQualifiedDomainName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
