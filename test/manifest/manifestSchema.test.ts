import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaFileFor, validateManifestOffline } from '../../scripts/appPackage/manifestSchema';
import { fillPlaceholders } from '../../scripts/appPackage/placeholders';

const template: unknown = JSON.parse(readFileSync(path.join(__dirname, '../../manifest/manifest.json'), 'utf8'));

const testValues: Record<string, string> = {
  APP_NAME_SUFFIX: ' (test)',
  TEAMS_APP_ID: '3f0c2b8e-5a41-4c1e-9d2a-7b6e8f901234',
  BOT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'tandem-test.example.com',
  AAD_APP_CLIENT_ID: '0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f',
};

interface FilledManifest {
  bots: { botId?: string }[];
  accentColor: string;
  [key: string]: unknown;
}

function filledManifest(): FilledManifest {
  const { filled, missing } = fillPlaceholders(template, (name) => testValues[name]);
  expect(missing).toEqual([]);
  return filled as FilledManifest;
}

describe('validating the manifest against the official schema, offline', () => {
  let fetchSpy: jest.SpyInstance;
  beforeEach(() => {
    // The network is the outside edge: any attempt to download a schema fails the test.
    fetchSpy = jest.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in this test'));
  });
  afterEach(() => fetchSpy.mockRestore());

  it('accepts the template filled from a test environment, against the 1.19 schema it declares', () => {
    const manifest = filledManifest();
    expect(manifest).toMatchObject({ manifestVersion: '1.19', $schema: expect.stringContaining('/v1.19/') });
    expect(validateManifestOffline(manifest)).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('names the path of a missing bot id', () => {
    const manifest = filledManifest();
    delete manifest.bots[0]!.botId;
    const errors = validateManifestOffline(manifest);
    expect(errors).toEqual([expect.stringMatching(/^\/bots\/0 must have required property 'botId'/)]);
  });

  it('names the path of an accent colour that is not #RRGGBB', () => {
    const manifest = { ...filledManifest(), accentColor: 'teal' };
    const errors = validateManifestOffline(manifest);
    expect(errors).toEqual([expect.stringMatching(/^\/accentColor must match pattern/)]);
  });

  it('rejects the unfilled template: placeholders are not GUIDs', () => {
    const errors = validateManifestOffline(template);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^\/id /), expect.stringMatching(/^\/bots\/0\/botId /)]));
  });

  it('names the root for a property the schema does not know', () => {
    const errors = validateManifestOffline({ ...filledManifest(), programsTab: true });
    expect(errors).toEqual([expect.stringMatching(/^\(root\) must NOT have additional properties.*programsTab/)]);
  });

  it('refuses a $schema for another version than manifestVersion, and a version it has no schema for', () => {
    const manifest = filledManifest();
    expect(validateManifestOffline({ ...manifest, $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json' })).toEqual([
      expect.stringMatching(/^\/\$schema names a different version/),
    ]);
    const { $schema: _ignored, ...withoutSchema } = manifest;
    expect(validateManifestOffline({ ...withoutSchema, manifestVersion: '1.99' })).toEqual([expect.stringMatching(/^\/manifestVersion 1\.99 has no schema/)]);
    expect(validateManifestOffline({ ...manifest, manifestVersion: 19 })).toEqual([expect.stringMatching(/^\/manifestVersion must be a version/)]);
  });

  it("finds the same problems as the package's own validator, given the same local schema", () => {
    const broken = { ...filledManifest(), accentColor: 'teal', bots: [{ scopes: ['everywhere'] }], programsTab: true };
    // The package's validator loads an ES module jest cannot require, so it runs in plain Node.
    const official = execFileSync(
      process.execPath,
      [
        '-e',
        `const { AppManifestUtils } = require('@microsoft/app-manifest');
         const [manifest, schemaFile] = JSON.parse(process.argv[1]);
         const schema = JSON.parse(require('node:fs').readFileSync(schemaFile, 'utf8'));
         AppManifestUtils.validateAgainstSchema(manifest, schema).then((errors) => console.log(JSON.stringify(errors)));`,
        JSON.stringify([broken, schemaFileFor('1.19')]),
      ],
      { cwd: path.join(__dirname, '../..'), encoding: 'utf8' },
    );
    const pathsOf = (errors: string[]) => errors.map((error) => error.split(' ')[0] || '(root)').sort();
    const ours = validateManifestOffline(broken);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    expect(pathsOf(ours)).toEqual(pathsOf(JSON.parse(official) as string[]));
  });
});
