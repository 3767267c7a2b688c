/**
 * Validates a Teams app manifest against the official JSON schema for the
 * version it declares, offline: the schemas ship inside `@microsoft/app-manifest`
 * (build/json-schemas/teams/v<version>/). Its own validator cannot be used
 * here: it may download the schema, and it loads an ES-module-only dependency
 * (strip-bom 5) that jest cannot require. So this compiles the schema with the
 * same validator that package uses (ajv for JSON Schema draft-04, with its
 * uri/email/regex formats), taken from that package's own dependencies.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface SchemaError {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}
interface CompiledSchema {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
interface DraftFourValidator {
  compile(schema: unknown): CompiledSchema;
}

const appManifestEntry = require.resolve('@microsoft/app-manifest');
const requireFromAppManifest = createRequire(appManifestEntry);
const MANIFEST_VERSION = /^\d+\.\d+$/;
const compiledSchemas = new Map<string, CompiledSchema>();

export function schemaFileFor(manifestVersion: string): string {
  return path.join(path.dirname(appManifestEntry), 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

function compileSchema(schemaFile: string): CompiledSchema {
  const cached = compiledSchemas.get(schemaFile);
  if (cached) return cached;
  const { default: Ajv } = requireFromAppManifest('ajv-draft-04') as { default: new (options: object) => DraftFourValidator };
  const { default: addFormats } = requireFromAppManifest('ajv-formats') as { default: (ajv: DraftFourValidator, formats: string[]) => void };
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  // The same clean-up the package applies: some schemas hold \a and \v escapes, which JSON does not allow.
  const text = readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const compiled = ajv.compile(JSON.parse(text));
  compiledSchemas.set(schemaFile, compiled);
  return compiled;
}

function describe(error: SchemaError): string {
  const at = error.instancePath === '' ? '(root)' : error.instancePath;
  const { additionalProperty, allowedValues } = error.params;
  let detail = '';
  if (typeof additionalProperty === 'string') detail = `: "${additionalProperty}"`;
  else if (Array.isArray(allowedValues)) detail = `: ${allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  return `${at} ${error.message ?? 'is invalid'}${detail}`;
}

/** Every problem as "<JSON path> <message>"; empty when the manifest is valid. */
export function validateManifestOffline(manifest: unknown): string[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return ['(root) must be a JSON object'];
  const { manifestVersion, $schema } = manifest as { manifestVersion?: unknown; $schema?: unknown };
  if (typeof manifestVersion !== 'string' || !MANIFEST_VERSION.test(manifestVersion)) {
    return [`/manifestVersion must be a version such as "1.19", got ${JSON.stringify(manifestVersion)}`];
  }
  if (typeof $schema === 'string' && !$schema.includes(`/v${manifestVersion}/`)) {
    return [`/$schema names a different version than manifestVersion ${manifestVersion}: ${$schema}`];
  }
  const schemaFile = schemaFileFor(manifestVersion);
  if (!existsSync(schemaFile)) return [`/manifestVersion ${manifestVersion} has no schema in @microsoft/app-manifest (looked for ${schemaFile})`];

  const validate = compileSchema(schemaFile);
  // A JSON round trip, so only what would be written to manifest.json is judged (no undefined-valued keys).
  return validate(JSON.parse(JSON.stringify(manifest))) ? [] : (validate.errors ?? []).map(describe);
}
