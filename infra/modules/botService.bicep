// The Azure Bot registration: single tenant (an Entra app of one tenant) or the web app's
// user-assigned managed identity, messaging endpoint on the web app, Teams channel on.

param botName string
param displayName string
param sku string
param endpoint string

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string
param appId string
param appTenantId string

@description('Resource id of the user-assigned identity when appType is UserAssignedMSI; empty otherwise.')
param identityResourceId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: appTenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output resourceId string = bot.id
output teamsChannelId string = teamsChannel.id
