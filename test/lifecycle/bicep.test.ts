/**
 * Structural checks of infra/: what can be verified without a Bicep compiler (none can be
 * installed from the registries this project reaches). They catch broken module paths,
 * parameters passed but not declared or declared but not passed, secrets in plain
 * parameters or outputs, and committed secret values; they do not type-check Bicep.
 */
import path from 'node:path';
import {
  bicepModules,
  bicepOutputs,
  bicepParameters,
  bicepResourceTypes,
  filesUnder,
  isSecure,
  placeholdersIn,
  readRepositoryFile,
  repositoryFileExists,
  type BicepParameter,
} from './lifecycleSources';

const MAIN = 'infra/main.bicep';

/** main.bicep and every module it reaches, as repository-relative paths. */
function bicepFiles(): string[] {
  const seen: string[] = [];
  const visit = (file: string) => {
    if (seen.includes(file) || !repositoryFileExists(file)) return;
    seen.push(file);
    for (const module of bicepModules(readRepositoryFile(file))) visit(path.join(path.dirname(file), module.path));
  };
  visit(MAIN);
  return seen;
}

// Names of values that must be @secure(); a Key Vault secret's URI is not one.
const SECRET_NAME = /^(?!.*Uri$).*(password|secret|token|credential)/i;

/** Committed-secret patterns: a leaked value, not a name or a placeholder. */
export function secretValuesIn(text: string): string[] {
  const patterns: Array<[string, RegExp]> = [
    ['SECRET_ variable with a value', /^[ \t]*SECRET_[A-Z0-9_]+[ \t]*=[ \t]*[^\s#]+/m],
    ['Entra client secret', /[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}/],
    ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
    ['storage account key', /AccountKey=[A-Za-z0-9+/=]{20,}/],
    ['Application Insights key', /InstrumentationKey=[0-9a-f-]{36}/i],
    ['connection string with a password', /postgres(ql)?:\/\/[^:\s/'"]+:[^@\s$'"{]+@/],
    ['password literal', /password['"]?\s*[:=]\s*['"][^'"$\s]{6,}['"]/i],
  ];
  return patterns.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

describe('infra/ Bicep (structural checks, not compilation)', () => {
  const files = bicepFiles();
  const main = readRepositoryFile(MAIN);
  const mainParameters = bicepParameters(main);

  it('reaches every module it references, and every module file is used', () => {
    const referenced = files.flatMap((file) =>
      bicepModules(readRepositoryFile(file)).map((module) => path.join(path.dirname(file), module.path)),
    );
    expect(referenced.length).toBeGreaterThanOrEqual(5);
    expect(referenced.filter((file) => !repositoryFileExists(file))).toEqual([]);
    const onDisk = filesUnder('infra').filter((file) => file.endsWith('.bicep'));
    expect(onDisk.filter((file) => !files.includes(file))).toEqual([]);
  });

  it('passes every module all its required parameters and only parameters it declares', () => {
    const problems = files.flatMap((file) =>
      bicepModules(readRepositoryFile(file)).flatMap((use) => {
        const declared = bicepParameters(readRepositoryFile(path.join(path.dirname(file), use.path)));
        const missing = declared.filter((p) => !p.hasDefault && !use.params.includes(p.name)).map((p) => `${use.symbol} lacks ${p.name}`);
        const unknown = use.params.filter((name) => !declared.some((p) => p.name === name)).map((name) => `${use.symbol} has no parameter ${name}`);
        return [...missing, ...unknown];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('declares every parameter of main.parameters.json, and the file gives every required one', () => {
    const parameterFile = JSON.parse(readRepositoryFile('infra/main.parameters.json')) as { parameters: Record<string, unknown> };
    const given = Object.keys(parameterFile.parameters);
    expect(given.filter((name) => !mainParameters.some((p) => p.name === name))).toEqual([]);
    expect(mainParameters.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
  });

  it('marks every secret parameter @secure(), with no default value, and never outputs one', () => {
    const parameterFile = readRepositoryFile('infra/main.parameters.json');
    const fedBySecrets = Object.entries(JSON.parse(parameterFile).parameters as Record<string, { value: string }>)
      .filter(([, entry]) => [...placeholdersIn(JSON.stringify(entry))].some((name) => name.startsWith('SECRET_')))
      .map(([name]) => name);
    expect(fedBySecrets.length).toBeGreaterThanOrEqual(2);

    const problems = files.flatMap((file) => {
      const source = readRepositoryFile(file);
      const parameters = bicepParameters(source);
      const secretLike = (p: BicepParameter) => (p.type === 'string' && SECRET_NAME.test(p.name)) || (file === MAIN && fedBySecrets.includes(p.name));
      const secure = parameters.filter(isSecure);
      const outputsLines = source.split('\n').filter((line) => /^output\s/.test(line));
      return [
        ...parameters.filter((p) => secretLike(p) && !isSecure(p)).map((p) => `${file}: ${p.name} is not @secure()`),
        ...secure
          .filter((p) => new RegExp(`^param ${p.name} \\w+ = '.+'`, 'm').test(source))
          .map((p) => `${file}: ${p.name} has a default value`),
        ...secure
          .filter((p) => outputsLines.some((line) => new RegExp(`\\b${p.name}\\b`).test(line)))
          .map((p) => `${file}: an output uses ${p.name}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('commits no secret values in infra/, env/ or the lifecycle files', () => {
    const committed = [...filesUnder('infra'), ...filesUnder('env'), 'teamsapp.yml', 'teamsapp.local.yml'].filter(
      (file) => !/\.user$/.test(file), // the toolkit's own secret files, ignored by git
    );
    const leaks = committed.flatMap((file) => secretValuesIn(readRepositoryFile(file)).map((kind) => `${file}: ${kind}`));
    expect(leaks).toEqual([]);
  });

  it('creates the resources Tandem needs, each with an explicit API version', () => {
    const types = files.flatMap((file) => bicepResourceTypes(readRepositoryFile(file)));
    expect(types.filter((type) => !/^[A-Za-z.]+\/[A-Za-z/]+@\d{4}-\d{2}-\d{2}(-preview)?$/.test(type))).toEqual([]);
    const kinds = new Set(types.map((type) => type.split('@')[0]));
    for (const kind of [
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.Web/sites/config',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.DBforPostgreSQL/flexibleServers',
      'Microsoft.DBforPostgreSQL/flexibleServers/databases',
      'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
      'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.Authorization/roleAssignments',
      'Microsoft.OperationalInsights/workspaces',
      'Microsoft.Insights/components',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('hosts the app as the README promises: Node 20 on Linux, npm start, HTTPS only, Always On, /healthz', () => {
    const webApp = readRepositoryFile('infra/modules/webApp.bicep');
    expect(webApp).toMatch(/linuxFxVersion: 'NODE\|20-lts'/);
    expect(webApp).toMatch(/appCommandLine: 'npm start'/);
    expect(webApp).toMatch(/httpsOnly: true/);
    expect(webApp).toMatch(/alwaysOn: true/);
    expect(webApp).toMatch(/healthCheckPath: '\/healthz'/);
    expect(webApp).toMatch(/keyVaultReferenceIdentity: identityResourceId/);
    const bot = readRepositoryFile('infra/modules/botService.bicep');
    expect(bot).toMatch(/msaAppTenantId: appTenantId/);
    expect(main).toMatch(/endpoint: 'https:\/\/\$\{webApp\.outputs\.hostName\}\/api\/messages'/);
  });

  it('keeps the database on PostgreSQL 16 with TLS required, and the secrets reader role on the vault', () => {
    const postgres = readRepositoryFile('infra/modules/postgres.bicep');
    expect(postgres).toMatch(/version: '16'/);
    expect(postgres).toMatch(/name: 'require_secure_transport'[\s\S]*?value: 'on'/);
    expect(main).toMatch(/var databaseName = 'tandem'/);
    const keyVault = readRepositoryFile('infra/modules/keyVault.bicep');
    expect(keyVault).toMatch(/enableRbacAuthorization: true/);
    expect(keyVault).toMatch(/'4633458b-17de-408a-b874-0445c86b69e6'/); // Key Vault Secrets User
    expect(keyVault).toMatch(/\?sslmode=(require|verify-full)'/);
  });

  it('outputs what teamsapp.yml and the Teams manifest read from it', () => {
    const outputs = bicepOutputs(main);
    expect(outputs).toEqual(expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ID']));
    expect(outputs.filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name))).toEqual([]);
  });
});

describe('the secret scan itself', () => {
  it('finds planted secrets and passes names, placeholders and interpolations', () => {
    expect(secretValuesIn('SECRET_BOT_PASSWORD=abc123')).toEqual(['SECRET_ variable with a value']);
    expect(secretValuesIn('x = "Abc8Q~abcdefghijklmnopqrstuvwxyz0123456"')).toEqual(['Entra client secret']);
    expect(secretValuesIn("DATABASE_URL=postgres://tandem:hunter22@db/tandem")).toEqual(['connection string with a password']);
    expect(secretValuesIn("administratorLoginPassword: 'Sup3rS3cret!'")).toEqual(['password literal']);
    expect(secretValuesIn('SECRET_BOT_PASSWORD=\nadministratorLoginPassword: adminPassword')).toEqual([]);
    expect(secretValuesIn("'postgresql://${uriComponent(login)}:${uriComponent(password)}@${host}:5432/tandem'")).toEqual([]);
    expect(secretValuesIn('"value": "${{SECRET_POSTGRES_ADMIN_PASSWORD}}"')).toEqual([]);
  });
});
