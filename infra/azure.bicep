// Belong on Azure: one Linux App Service (Node) running the bot, the tab and the workers as a
// user-assigned managed identity; Azure Bot (Teams channel) using that identity; Table Storage
// and Key Vault reached with the identity (no keys, no connection strings); Log Analytics +
// Application Insights for operational telemetry only (the app never logs pupil data; client
// IP addresses are masked).

@minLength(4)
@maxLength(16)
@description('Lowercase letters and digits; prefixes every resource name.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. Basic or higher: the background workers need Always On.')
param webAppSku string = 'B1'

@description('Linux runtime stack: a supported Node.js LTS (Node 20 reached end of life on 30 April 2026). package.json `engines` and the deploy smoke test (tests/deploy) match it.')
param linuxFxVersion string = 'NODE|24-lts'

@description('Startup command: the compiled server with its production Node.js flags (package.json `serve`; decision 017). Never `npm start`, which is the local stack.')
param startupCommand string = 'npm run serve'

@maxLength(42)
param botDisplayName string = 'Belong'

@description('Azure Bot SKU: F0 is enough for Teams (standard channels are free).')
param botSku string = 'F0'

@description('Client id of the Entra app used for tab SSO (webApplicationInfo.id). It receives RSC consent, so the server calls Graph as this app (GRAPH_CLIENT_ID), through a federated credential that trusts the managed identity (decision 028).')
param aadAppClientId string

@description('Comma-separated Entra tenant ids allowed to use this deployment.')
param allowedTenantIds string

@minLength(36)
@description('Comma-separated Entra object ids of the school\'s first admins: while a school has no admin, Belong gives them the admin role at start; after that, admins give roles (decision 035).')
param firstAdminObjectIds string

@secure()
@minLength(32)
@description('HMAC key for check-in pseudonyms. Generate once and keep it: changing it unlinks earlier answers.')
param pseudonymSecret string

param storageSku string = 'Standard_ZRS'
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var storageName = take(toLower('${resourceBaseName}${suffix}'), 24)
var keyVaultName = take('${resourceBaseName}-kv-${suffix}', 24)
// Built-in role definition ids.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-identity'
  location: location
}

// ---- Monitoring ------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableIpMasking: false // client IPs are not stored
    IngestionMode: 'LogAnalytics'
  }
}

// ---- Storage (Azure Tables) --------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Entra (managed identity) access only
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableDataRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- Key Vault (RBAC) ----------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
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
    enablePurgeProtection: true // losing the pseudonym key would unlink all stored answers
  }
}

resource pseudonymSecretResource 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'PSEUDONYM-SECRET'
  properties: {
    value: pseudonymSecret
    contentType: 'HMAC key for check-in pseudonyms'
  }
}

resource secretsUserRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---- App Service -------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-app-${suffix}'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: startupCommand
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'BELONG_MODE', value: 'production' }
        { name: 'NODE_ENV', value: 'production' }
        // App Service Linux forwards to the PORT it sets in the container; listen on every
        // interface. PUBLIC_URL comes from the platform's WEBSITE_HOSTNAME (server/config.ts).
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId } // for DefaultAzureCredential
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        // Graph is called as the SSO app, which holds the RSC grants, in the first allowed tenant,
        // with the managed identity's token as its client assertion (no secret; decision 028).
        { name: 'GRAPH_CLIENT_ID', value: aadAppClientId }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'FIRST_ADMIN_IDS', value: firstAdminObjectIds }
        {
          name: 'PSEUDONYM_SECRET'
          value: '@Microsoft.KeyVault(SecretUri=${pseudonymSecretResource.properties.secretUri})'
        }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
  dependsOn: [
    secretsUserRole
    tableDataRole
  ]
}

// App Service console and platform logs to Log Analytics. HTTP access logs are deliberately not
// collected (they hold client IP addresses).
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

// ---- Azure Bot (Teams channel), authenticating as the managed identity ---------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
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
    }
  }
}

// Outputs are written back to env/.env.<env> by the Agents Toolkit (arm/deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
// The federated credential on the SSO app trusts tokens whose subject is this principal id.
output IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output STORAGE_ACCOUNT_URL string = storage.properties.primaryEndpoints.table
