import path from 'node:path';
import {
  LIFECYCLE_STAGES,
  readLifecycleFile,
  repositoryFileExists,
  type LifecycleFile,
  type LifecycleStep,
} from './lifecycleSources';
import { TOOLKIT_ACTIONS } from './toolkitActions';

const LIFECYCLE_FILES = ['teamsapp.yml', 'teamsapp.local.yml'];

function stepsOf(file: LifecycleFile): Array<{ stage: string; index: number; step: LifecycleStep }> {
  return LIFECYCLE_STAGES.flatMap((stage) => (file[stage] ?? []).map((step, index) => ({ stage, index, step })));
}

/** Problems with one step against the toolkit's schema for its action, as readable lines. */
function stepProblems(step: LifecycleStep): string[] {
  const action = TOOLKIT_ACTIONS[step.uses];
  if (!action) return [`unknown action ${step.uses}`];
  const problems: string[] = [];
  const given = Object.keys(step.with ?? {});
  for (const key of action.requiredWith) if (!given.includes(key)) problems.push(`missing with.${key}`);
  for (const key of given) if (!action.allowedWith.includes(key)) problems.push(`unexpected with.${key}`);
  const written = step.writeToEnvironmentFile ?? {};
  if (action.outputs) {
    for (const key of action.outputs.required) if (!(key in written)) problems.push(`writeToEnvironmentFile lacks ${key}`);
    for (const key of Object.keys(written)) if (!action.outputs.allowed.includes(key)) problems.push(`writeToEnvironmentFile.${key} is not an output`);
  } else if (Object.keys(written).length > 0) {
    problems.push('writeToEnvironmentFile on an action with no outputs');
  }
  // The toolkit encrypts and keeps SECRET_* values in the .user file; anything else would land in git.
  for (const secretOutput of ['clientSecret', 'botPassword']) {
    const variable = written[secretOutput];
    if (variable !== undefined && !variable.startsWith('SECRET_')) problems.push(`${secretOutput} written to ${variable}, not a SECRET_ variable`);
  }
  return problems;
}

function inputFiles(step: LifecycleStep): string[] {
  const action = TOOLKIT_ACTIONS[step.uses];
  const parameters = step.with ?? {};
  const named = (action?.inputPaths ?? []).map((key) => parameters[key]).filter((value): value is string => typeof value === 'string');
  if (step.uses === 'arm/deploy') {
    for (const template of parameters.templates as Array<{ path: string; parameters?: string }>) {
      named.push(template.path);
      if (template.parameters) named.push(template.parameters);
    }
  }
  return named;
}

describe.each(LIFECYCLE_FILES)('%s', (fileName) => {
  const lifecycle = readLifecycleFile(fileName);

  it('is a v1.7 lifecycle file with an existing environment folder and a provision stage', () => {
    expect(lifecycle.version).toBe('v1.7');
    expect(repositoryFileExists(lifecycle.environmentFolderPath ?? './env')).toBe(true);
    expect(lifecycle.provision?.length).toBeGreaterThan(0);
  });

  it('uses only known toolkit actions, each with the parameters and outputs its schema allows', () => {
    const problems = stepsOf(lifecycle).flatMap(({ stage, index, step }) =>
      stepProblems(step).map((problem) => `${stage}[${index}] ${step.uses}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('names only files that exist in the repository (manifests, Bicep, parameters, ignore file)', () => {
    const referenced = stepsOf(lifecycle).flatMap(({ step }) => inputFiles(step));
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((file) => !repositoryFileExists(path.normalize(file)))).toEqual([]);
  });
});

describe('teamsapp.yml (Azure)', () => {
  const lifecycle = readLifecycleFile('teamsapp.yml');
  const uses = (stage: 'provision' | 'deploy' | 'publish') => (lifecycle[stage] ?? []).map((step) => step.uses);

  it('provisions the Teams app, both single-tenant Entra apps, Azure from Bicep, then the package', () => {
    const provision = uses('provision');
    const order = ['teamsApp/create', 'arm/deploy', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update'];
    expect(order.map((action) => provision.indexOf(action))).toEqual([...order.map((action) => provision.indexOf(action))].sort((a, b) => a - b));
    expect(order.every((action) => provision.includes(action))).toBe(true);
    const entraApps = (lifecycle.provision ?? []).filter((step) => step.uses === 'aadApp/create');
    expect(entraApps.map((step) => step.with?.signInAudience)).toEqual(['AzureADMyOrg', 'AzureADMyOrg']);
    expect(entraApps.map((step) => step.writeToEnvironmentFile?.clientId).sort()).toEqual(['AAD_APP_CLIENT_ID', 'BOT_ID']);
  });

  it('deploys by building here and zip-deploying to the App Service the Bicep created', () => {
    expect(uses('deploy')).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    const zipDeploy = lifecycle.deploy?.[2]?.with ?? {};
    expect(zipDeploy.resourceId).toBe('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(lifecycle.deploy?.[1]?.with?.args).toBe('run build');
  });

  it('publishes the validated package to the tenant app catalog', () => {
    expect(uses('publish')).toEqual(['teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/publishAppPackage']);
  });
});

describe('teamsapp.local.yml (tunnel debugging)', () => {
  const lifecycle = readLifecycleFile('teamsapp.local.yml');

  it('registers the bot at the tunnel and writes the app settings to .localConfigs', () => {
    const provision = lifecycle.provision ?? [];
    const botRegistration = provision.find((step) => step.uses === 'botFramework/create');
    expect(botRegistration?.with?.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
    const settings = provision.find((step) => step.uses === 'file/createOrUpdateEnvironmentFile');
    expect(settings?.with?.target).toBe('./.localConfigs');
    expect(settings?.with?.envs).toMatchObject({
      MicrosoftAppId: '${{BOT_ID}}',
      MicrosoftAppPassword: '${{SECRET_BOT_PASSWORD}}',
      MicrosoftAppTenantId: '${{BOT_TENANT_ID}}',
      MicrosoftAppType: 'SingleTenant',
    });
  });
});

describe('the lifecycle checks themselves', () => {
  it('reject an unknown action, a missing parameter, an unknown output and a secret written outside SECRET_', () => {
    expect(stepProblems({ uses: 'teamsApp/deploy' })).toEqual(['unknown action teamsApp/deploy']);
    expect(stepProblems({ uses: 'teamsApp/zipAppPackage', with: { manifestPath: 'm.json', outputZipPath: 'a.zip' } })).toEqual(['missing with.outputFolder']);
    expect(
      stepProblems({
        uses: 'aadApp/create',
        with: { name: 'x', generateClientSecret: true, signInAudience: 'AzureADMyOrg' },
        writeToEnvironmentFile: { clientId: 'BOT_ID', objectId: 'BOT_OBJECT_ID', clientSecret: 'BOT_PASSWORD', secret: 'X' },
      }),
    ).toEqual(['writeToEnvironmentFile.secret is not an output', 'clientSecret written to BOT_PASSWORD, not a SECRET_ variable']);
  });
});
