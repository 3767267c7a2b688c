// Log Analytics keeps the app's stdout (pino's JSON lines) and HTTP logs; Application
// Insights is workspace-based over it, fed by App Service's Node.js auto-instrumentation.

param location string
param workspaceName string
param insightsName string
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceId string = workspace.id
output connectionString string = insights.properties.ConnectionString
