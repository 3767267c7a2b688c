import {
  LIFECYCLE_STAGES,
  balancedBlock,
  bicepOutputs,
  configVariables,
  envFileComments,
  objectKeys,
  placeholdersIn,
  readEnvFile,
  readLifecycleFile,
  readRepositoryFile,
  repositoryFileExists,
  type LifecycleFile,
  type LifecycleStep,
} from './lifecycleSources';
import { TOOLKIT_ACTIONS, TOOLKIT_BUILT_IN_VARIABLES } from './toolkitActions';

/** Variables a step needs: its own placeholders and those of the files it fills in. */
function variablesNeeded(step: LifecycleStep): Set<string> {
  const needed = placeholdersIn(JSON.stringify(step));
  const parameters = step.with ?? {};
  const filled: string[] = [];
  if (step.uses === 'teamsApp/validateManifest' || step.uses === 'teamsApp/zipAppPackage' || step.uses === 'aadApp/update') {
    filled.push(parameters.manifestPath as string);
  }
  if (step.uses === 'arm/deploy') {
    for (const template of parameters.templates as Array<{ parameters?: string }>) if (template.parameters) filled.push(template.parameters);
  }
  for (const file of filled) for (const name of placeholdersIn(readRepositoryFile(file))) needed.add(name);
  return needed;
}

/** Variables a step writes back to the environment file. */
function variablesWritten(step: LifecycleStep): string[] {
  const written = Object.values(step.writeToEnvironmentFile ?? {});
  written.push(...(TOOLKIT_ACTIONS[step.uses]?.implicitOutputs ?? []));
  if (step.uses === 'arm/deploy') {
    for (const template of step.with?.templates as Array<{ path: string }>) written.push(...bicepOutputs(readRepositoryFile(template.path)));
  }
  return written;
}

/**
 * Walks a lifecycle file as the toolkit runs it on a fresh environment: a variable some
 * step writes counts as known only after that step, unless the env file already gives it
 * a value; inputs (variables no step writes) are known from the start even when empty,
 * since the toolkit asks for or tolerates those. Deploy and publish run after provision.
 */
function undefinedVariablesIn(lifecycle: LifecycleFile, envFile: Map<string, string>, secrets: Map<string, string>): string[] {
  const allSteps = LIFECYCLE_STAGES.flatMap((stage) => lifecycle[stage] ?? []);
  const writtenBySomeStep = new Set(allSteps.flatMap(variablesWritten));
  const known = new Set(TOOLKIT_BUILT_IN_VARIABLES);
  for (const [name, value] of [...envFile, ...secrets]) if (value !== '' || !writtenBySomeStep.has(name)) known.add(name);

  const problems: string[] = [];
  const walk = (stage: string, steps: LifecycleStep[], available: Set<string>) => {
    steps.forEach((step, index) => {
      // aadApp/update generates the scope id it fills in when the variable is empty.
      const generatedHere = TOOLKIT_ACTIONS[step.uses]?.implicitOutputs ?? [];
      for (const name of variablesNeeded(step)) if (!available.has(name) && !generatedHere.includes(name)) problems.push(`${stage}[${index}] ${step.uses} needs ${name} before anything defines it`);
      for (const name of variablesWritten(step)) available.add(name);
    });
  };
  const afterProvision = new Set(known);
  walk('provision', lifecycle.provision ?? [], afterProvision);
  walk('deploy', lifecycle.deploy ?? [], new Set(afterProvision));
  walk('publish', lifecycle.publish ?? [], new Set(afterProvision));
  return problems;
}

function undefinedVariables(lifecycleFile: string, environment: string): string[] {
  const userExample = `env/.env.${environment}.user.example`;
  return undefinedVariablesIn(
    readLifecycleFile(lifecycleFile),
    readEnvFile(`env/.env.${environment}`),
    repositoryFileExists(userExample) ? readEnvFile(userExample) : new Map(),
  );
}

/** Env file keys nothing reads or writes: left over from an old step, or a typo. */
function unusedEnvKeys(lifecycleFile: string, environment: string): string[] {
  const lifecycle = readLifecycleFile(lifecycleFile);
  const allSteps = LIFECYCLE_STAGES.flatMap((stage) => lifecycle[stage] ?? []);
  const used = new Set([...allSteps.flatMap((step) => [...variablesNeeded(step)]), ...allSteps.flatMap(variablesWritten)]);
  return [...readEnvFile(`env/.env.${environment}`).keys()].filter((name) => !used.has(name) && !TOOLKIT_BUILT_IN_VARIABLES.includes(name));
}

/** App settings infra/modules/webApp.bicep gives the web app, with their values as written. */
function bicepAppSettings(): Map<string, string> {
  const source = readRepositoryFile('infra/modules/webApp.bicep');
  const resourceAt = source.search(/^resource \w+ 'Microsoft\.Web\/sites\/config@[^']+' = \{/m);
  const resource = balancedBlock(source, source.indexOf('{', resourceAt));
  const union = /properties:\s*union\(([^)]*)\)/.exec(resource);
  const variableNames = union ? union[1]!.split(',').map((name) => name.trim()) : [];
  const settings = new Map<string, string>();
  for (const variable of variableNames) {
    const declaration = new RegExp(`^var ${variable} = [^\\n]*\\{`, 'm').exec(source);
    if (!declaration) throw new Error(`webApp.bicep: no var ${variable}`);
    const body = balancedBlock(source, declaration.index + declaration[0].length - 1);
    for (const key of objectKeys(body)) {
      const value = new RegExp(`^\\s*${key}:\\s*(.*)$`, 'm').exec(body)?.[1] ?? '';
      settings.set(key, value.trim());
    }
  }
  return settings;
}

/** Settings App Service or its agents read, not Tandem. */
const PLATFORM_SETTINGS = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION'];

const mentions = (text: string, name: string) => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`, 'm').test(text);

describe('environment variables', () => {
  const appVariables = configVariables();

  it('reads the variable list from src/config.ts', () => {
    expect(appVariables).toEqual(expect.arrayContaining(['DATABASE_URL', 'MicrosoftAppId', 'MicrosoftAppPassword', 'PORT', 'LOG_LEVEL']));
  });

  it('gives every variable the app reads an App Service setting or a line in env/.env.dev', () => {
    const settings = bicepAppSettings();
    const devFile = readRepositoryFile('env/.env.dev');
    expect(appVariables.filter((name) => !settings.has(name) && !mentions(devFile, name))).toEqual([]);
  });

  it('sets on App Service only settings the app or the platform reads (no typos)', () => {
    const settings = bicepAppSettings();
    expect(settings.size).toBeGreaterThan(8);
    expect([...settings.keys()].filter((name) => !appVariables.includes(name) && !PLATFORM_SETTINGS.includes(name))).toEqual([]);
  });

  it('passes secrets to the app only as Key Vault references', () => {
    const settings = bicepAppSettings();
    for (const secret of ['MicrosoftAppPassword', 'DATABASE_URL']) {
      expect(settings.get(secret)).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{\w+\}\)'$/);
    }
  });

  it('documents every variable the app reads for local debugging, and writes only those to .localConfigs', () => {
    const local = readLifecycleFile('teamsapp.local.yml');
    const step = (local.provision ?? []).find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
    const written = Object.keys((step?.with?.envs ?? {}) as Record<string, unknown>);
    expect(written.filter((name) => !appVariables.includes(name))).toEqual([]);
    const localFile = readRepositoryFile('env/.env.local');
    expect(appVariables.filter((name) => !written.includes(name) && !mentions(localFile, name))).toEqual([]);
  });

  it.each([
    ['teamsapp.yml', 'dev'],
    ['teamsapp.local.yml', 'local'],
  ])('%s: every ${{VAR}} (steps, Teams manifest, parameters, Entra manifest) is defined before the step that uses it', (file, environment) => {
    expect(undefinedVariables(file, environment)).toEqual([]);
  });

  it.each([
    ['teamsapp.yml', 'dev'],
    ['teamsapp.local.yml', 'local'],
  ])('%s: env/.env.%s lists no variable that nothing reads or writes', (file, environment) => {
    expect(unusedEnvKeys(file, environment)).toEqual([]);
  });

  it('lists the secrets by name only, in an example file git does not ignore', () => {
    const secrets = readEnvFile('env/.env.dev.user.example');
    expect([...secrets.keys()].sort()).toEqual(['SECRET_BOT_PASSWORD', 'SECRET_POSTGRES_ADMIN_PASSWORD']);
    expect([...secrets.values()].filter((value) => value !== '')).toEqual([]);
    expect(envFileComments('env/.env.dev.user.example')).toMatch(/env\/\.env\.dev\.user/);
  });

  it('keeps every secret the parameters file passes in a SECRET_ variable', () => {
    const parameters = readRepositoryFile('infra/main.parameters.json');
    const referenced = [...placeholdersIn(parameters)];
    const devFile = readEnvFile('env/.env.dev');
    expect(referenced.filter((name) => name.startsWith('SECRET_') && devFile.has(name))).toEqual([]);
    expect(referenced.filter((name) => /PASSWORD|SECRET/.test(name) && !name.startsWith('SECRET_'))).toEqual([]);
  });
});

describe('the variable flow check itself', () => {
  const steps: LifecycleStep[] = [
    { uses: 'teamsApp/update', with: { appPackagePath: './build/${{TEAMS_APP_ID}}.zip' } },
    { uses: 'teamsApp/create', with: { name: '${{APP_NAME_SUFFIX}}' }, writeToEnvironmentFile: { teamsAppId: 'TEAMS_APP_ID' } },
  ];

  it('flags a step that uses a variable only a later step writes, or one nothing defines', () => {
    expect(undefinedVariablesIn({ version: 'v1.7', provision: steps }, new Map([['TEAMS_APP_ID', '']]), new Map())).toEqual([
      'provision[0] teamsApp/update needs TEAMS_APP_ID before anything defines it',
      'provision[1] teamsApp/create needs APP_NAME_SUFFIX before anything defines it',
    ]);
  });

  it('accepts a value the env file already holds, and lets deploy use what provision wrote', () => {
    const env = new Map([['TEAMS_APP_ID', 'set-by-hand'], ['APP_NAME_SUFFIX', '']]);
    expect(undefinedVariablesIn({ version: 'v1.7', provision: steps }, env, new Map())).toEqual([]);
    const deployUsesProvisionOutput = { version: 'v1.7', provision: [steps[1]!], deploy: [steps[0]!] };
    expect(undefinedVariablesIn(deployUsesProvisionOutput, new Map([['APP_NAME_SUFFIX', '']]), new Map())).toEqual([]);
  });
});
