import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { fillPlaceholders } from '../../scripts/appPackage/placeholders';

const repository = path.resolve(__dirname, '../..');
const template: unknown = JSON.parse(readFileSync(path.join(repository, 'manifest/manifest.json'), 'utf8'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run package` as a child process, with only the environment given (plus PATH), so the caller's shell cannot leak values in. */
function runPackage(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(repository, 'scripts/package.ts'), ...args],
      { cwd: repository, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

const ciValues = {
  TEAMS_APP_ID: '3f0c2b8e-5a41-4c1e-9d2a-7b6e8f901234',
  BOT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'tandem-ci.example.com',
  AAD_APP_CLIENT_ID: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f',
};

describe('npm run package', () => {
  let dir: string;
  let envDir: string;
  let outDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tandem-package-'));
    envDir = path.join(dir, 'env');
    outDir = path.join(dir, 'out');
    mkdirSync(envDir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits non-zero naming the variables with no value, and writes nothing', async () => {
    writeFileSync(path.join(envDir, '.env.ci'), `# ci\nTEAMS_APP_ID=${ciValues.TEAMS_APP_ID}\nBOT_ID=\nAPP_NAME_SUFFIX=\n`);
    const run = await runPackage(['--env', 'ci', '--env-dir', envDir, '--out', outDir], { BOT_DOMAIN: ciValues.BOT_DOMAIN });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing value for AAD_APP_CLIENT_ID, BOT_ID:');
    expect(run.stderr).not.toMatch(/APP_NAME_SUFFIX|TEAMS_APP_ID|BOT_DOMAIN/);
    expect(existsSync(outDir)).toBe(false);
  });

  it('writes a zip holding exactly manifest.json, color.png and outline.png, filled from the env files and the process environment', async () => {
    writeFileSync(path.join(envDir, '.env.ci'), `TEAMSFX_ENV=ci\nAPP_NAME_SUFFIX=" (ci)"\nTEAMS_APP_ID=${ciValues.TEAMS_APP_ID}\nBOT_ID=${ciValues.BOT_ID}\nBOT_DOMAIN=from-the-file.example.com\nAAD_APP_CLIENT_ID=\n`);
    writeFileSync(path.join(envDir, '.env.ci.user'), `AAD_APP_CLIENT_ID=${ciValues.AAD_APP_CLIENT_ID}\n`);
    // TEAMSFX_ENV picks the environment when --env is not given; the process environment wins over the files.
    const run = await runPackage(['--env-dir', envDir, '--out', outDir], { TEAMSFX_ENV: 'ci', BOT_DOMAIN: ciValues.BOT_DOMAIN });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('appPackage.ci.zip');
    expect(readdirSync(outDir).sort()).toEqual(['appPackage.ci.zip', 'manifest.ci.json']);

    const entries = unzipSync(readFileSync(path.join(outDir, 'appPackage.ci.zip')));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifestText = strFromU8(entries['manifest.json']!);
    expect(manifestText).not.toContain('${{');

    const expected = fillPlaceholders(template, (name) => ({ ...ciValues, APP_NAME_SUFFIX: ' (ci)' })[name]).filled;
    expect(JSON.parse(manifestText)).toEqual(expected);
    expect(JSON.parse(readFileSync(path.join(outDir, 'manifest.ci.json'), 'utf8'))).toEqual(expected);
    expect(expected).toMatchObject({ name: { short: 'Tandem (ci)' }, validDomains: ['tandem-ci.example.com'], webApplicationInfo: { id: ciValues.AAD_APP_CLIENT_ID } });

    expect(Buffer.from(entries['color.png']!)).toEqual(readFileSync(path.join(repository, 'manifest/color.png')));
    expect(Buffer.from(entries['outline.png']!)).toEqual(readFileSync(path.join(repository, 'manifest/outline.png')));
  });

  it('exits non-zero with the JSON path of each schema error, and with a domain given as a URL', async () => {
    writeFileSync(path.join(envDir, '.env.ci'), Object.entries(ciValues).map(([name, value]) => `${name}=${value}`).join('\n'));
    const run = await runPackage(['--env', 'ci', '--env-dir', envDir, '--out', outDir], { BOT_ID: 'tandem-bot', BOT_DOMAIN: 'https://tandem.example.com' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('/bots/0/botId must match pattern');
    expect(run.stderr).toContain('BOT_DOMAIN must be a host name');
    expect(existsSync(outDir)).toBe(false);
  });

  it('builds a valid package from the committed sample environment', async () => {
    const run = await runPackage(['--env', 'sample', '--out', outDir]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(strFromU8(unzipSync(readFileSync(path.join(outDir, 'appPackage.sample.zip')))['manifest.json']!));
    expect(manifest).toMatchObject({ name: { short: 'Tandem (sample)' }, validDomains: ['localhost:3978'] });
  });

  it('exits with 2 and the usage on an unknown argument', async () => {
    const run = await runPackage(['--output', outDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown argument --output');
    expect(run.stderr).toContain('usage: npm run package');
  });
});
