// Key Vault with RBAC: the web app's user-assigned identity may read secrets (Key Vault
// Secrets User) and nothing else. Secrets are written through the control plane, so the
// deploying account needs no data-plane role.

param location string
param vaultName string

@description('Principal (object) id of the identity that reads the secrets at run time.')
param readerPrincipalId string

param purgeProtection bool

@description('False for UserAssignedMSI bots, which have no client secret.')
param storeBotAppPassword bool

@secure()
param botAppPassword string

param postgresHost string
param postgresDatabase string
param postgresAdminLogin string

@secure()
param postgresAdminPassword string

// Built-in role "Key Vault Secrets User".
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Key Vault rejects an explicit false; leaving it out means off.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource readerCanReadSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeBotAppPassword) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: botAppPassword
    contentType: 'Bot client secret (MicrosoftAppPassword)'
  }
}

resource postgresAdminPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-admin-password'
  properties: {
    value: postgresAdminPassword
    contentType: 'PostgreSQL administrator password'
  }
}

// verify-full: TLS with the server's certificate checked against Node's CA bundle and its
// host name. node-postgres 8 already treats sslmode=require this way but warns that the
// meaning will change; naming verify-full keeps the check and drops the warning.
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgresql://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgresHost}:5432/${postgresDatabase}?sslmode=verify-full'
    contentType: 'DATABASE_URL'
  }
}

output vaultName string = vault.name
// Versionless URIs, so App Service picks up a rotated secret on its next refresh.
output botAppPasswordSecretUri string = storeBotAppPassword ? botAppPasswordSecret.properties.secretUri : ''
output databaseUrlSecretUri string = databaseUrlSecret.properties.secretUri
output readerRoleAssignmentId string = readerCanReadSecrets.id
