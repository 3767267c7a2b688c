/**
 * The Teams Toolkit actions Tandem's lifecycle files may use, with what the v1.7 YAML
 * schema (aka.ms/teams-toolkit/v1.7/yaml.schema.json) requires of each: the `with`
 * parameters it needs and allows, which of them name files that must already be in
 * the repository, and the outputs `writeToEnvironmentFile` may map. A step outside this
 * list is a typo or an action nobody has checked.
 */
export interface ToolkitAction {
  requiredWith: string[];
  allowedWith: string[];
  /** `with` parameters that name an input file in the repository (paths relative to the YAML). */
  inputPaths: string[];
  /** Outputs `writeToEnvironmentFile` may name; absent means the action writes none that way. */
  outputs?: { required: string[]; allowed: string[] };
  /** Variables the action writes without being asked (aadApp/update's scope id). */
  implicitOutputs?: string[];
}

export const TOOLKIT_ACTIONS: Record<string, ToolkitAction> = {
  'teamsApp/create': {
    requiredWith: ['name'],
    allowedWith: ['name'],
    inputPaths: [],
    outputs: { required: ['teamsAppId'], allowed: ['teamsAppId'] },
  },
  'aadApp/create': {
    requiredWith: ['name', 'generateClientSecret', 'signInAudience'],
    allowedWith: ['name', 'generateClientSecret', 'signInAudience', 'serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription'],
    inputPaths: [],
    outputs: { required: ['clientId', 'objectId'], allowed: ['clientId', 'objectId', 'clientSecret', 'tenantId', 'authority', 'authorityHost'] },
  },
  'aadApp/update': {
    requiredWith: ['manifestPath', 'outputFilePath'],
    allowedWith: ['manifestPath', 'outputFilePath'],
    inputPaths: ['manifestPath'],
    implicitOutputs: ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
  },
  'botAadApp/create': {
    requiredWith: ['name'],
    allowedWith: ['name'],
    inputPaths: [],
    outputs: { required: ['botId', 'botPassword'], allowed: ['botId', 'botPassword'] },
  },
  'botFramework/create': {
    requiredWith: ['botId', 'name', 'messagingEndpoint'],
    allowedWith: ['botId', 'name', 'messagingEndpoint', 'description', 'iconUrl', 'channels'],
    inputPaths: [],
  },
  'arm/deploy': {
    requiredWith: ['subscriptionId', 'resourceGroupName', 'templates'],
    allowedWith: ['subscriptionId', 'resourceGroupName', 'templates', 'bicepCliVersion'],
    inputPaths: [],
  },
  'teamsApp/validateManifest': {
    requiredWith: ['manifestPath'],
    allowedWith: ['manifestPath'],
    inputPaths: ['manifestPath'],
  },
  'teamsApp/zipAppPackage': {
    requiredWith: ['manifestPath', 'outputZipPath', 'outputFolder'],
    allowedWith: ['manifestPath', 'outputZipPath', 'outputFolder'],
    inputPaths: ['manifestPath'],
  },
  'teamsApp/validateAppPackage': {
    requiredWith: ['appPackagePath'],
    allowedWith: ['appPackagePath'],
    inputPaths: [],
  },
  'teamsApp/update': {
    requiredWith: ['appPackagePath'],
    allowedWith: ['appPackagePath'],
    inputPaths: [],
  },
  'teamsApp/publishAppPackage': {
    requiredWith: ['appPackagePath'],
    allowedWith: ['appPackagePath'],
    inputPaths: [],
    outputs: { required: ['publishedAppId'], allowed: ['publishedAppId'] },
  },
  'cli/runNpmCommand': {
    requiredWith: ['args'],
    allowedWith: ['args', 'workingDirectory'],
    inputPaths: [],
  },
  'azureAppService/zipDeploy': {
    requiredWith: ['artifactFolder', 'resourceId'],
    allowedWith: ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'],
    inputPaths: ['artifactFolder', 'ignoreFile'],
  },
  'file/createOrUpdateEnvironmentFile': {
    requiredWith: ['target', 'envs'],
    allowedWith: ['target', 'envs'],
    inputPaths: [],
  },
};

/** Variables Teams Toolkit itself provides (it asks for the Azure ones when they are empty). */
export const TOOLKIT_BUILT_IN_VARIABLES = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];
