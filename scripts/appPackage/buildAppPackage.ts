/**
 * Builds the Teams app package: fills the manifest template from an
 * environment, validates it against the official schema offline, checks the
 * icons, and writes appPackage.<env>.zip (manifest.json and the two icons at
 * the root, as Teams requires) next to the filled manifest.<env>.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readEnvironment, type Environment } from './environment';
import { validateManifestOffline } from './manifestSchema';
import { fillPlaceholders } from './placeholders';
import { iconProblems, type IconKind } from './pngIcon';

export interface AppPackageOptions {
  environmentName: string;
  /** Where .env.<name> and .env.<name>.user live. */
  environmentDir: string;
  /** The template; icon paths in it are relative to its folder. */
  manifestTemplate: string;
  outputDir: string;
  processEnv: NodeJS.ProcessEnv;
}

export interface AppPackage {
  zipFile: string;
  manifestFile: string;
  /** Entry names in the zip, in the order written. */
  entries: string[];
  environment: Environment;
}

/** Everything that stops a package from being written, so one run shows all of it. */
export class AppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Host names (with an optional port) only: a scheme or path here would double up in every URL built from it. */
const DOMAIN = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;
/** Zip timestamps are fixed so the same inputs give the same bytes. */
const ZIP_ENTRY_TIME = new Date(2000, 0, 1);

function domainProblems(manifestText: string, environment: Environment): string[] {
  const variables = new Set([...manifestText.matchAll(/\$\{\{\s*([A-Za-z0-9_]*_DOMAIN)\s*\}\}/g)].map((match) => match[1]!));
  return [...variables].flatMap((variable) => {
    const value = environment.valueOf(variable);
    if (!value || DOMAIN.test(value)) return [];
    return [`${variable} must be a host name such as tandem.example.com (no https:// and no path), got "${value}"`];
  });
}

function iconPaths(manifest: unknown): Record<IconKind, string> | undefined {
  const icons = (manifest as { icons?: { color?: unknown; outline?: unknown } }).icons;
  if (typeof icons?.color !== 'string' || typeof icons.outline !== 'string') return undefined;
  return { color: icons.color, outline: icons.outline };
}

/** Zip entry names come from the manifest, so they must stay inside the package. */
function entryName(relativePath: string): string | undefined {
  const normalized = path.posix.normalize(relativePath.replace(/\\/g, '/'));
  return normalized.startsWith('../') || normalized === '..' || path.posix.isAbsolute(normalized) ? undefined : normalized;
}

export function buildAppPackage(options: AppPackageOptions): AppPackage {
  const environment = readEnvironment(options.environmentName, options.environmentDir, options.processEnv);
  const templateText = readFileSync(options.manifestTemplate, 'utf8');
  let template: unknown;
  try {
    template = JSON.parse(templateText);
  } catch (error) {
    throw new AppPackageError([`${options.manifestTemplate} is not JSON: ${(error as Error).message}`]);
  }
  const { filled, missing, malformed } = fillPlaceholders(template, environment.valueOf);

  const problems: string[] = [];
  if (missing.length > 0) {
    const envFile = path.join(options.environmentDir, `.env.${environment.name}`);
    const read = environment.filesRead.length > 0 ? `read ${environment.filesRead.join(', ')}` : 'no env file was found';
    problems.push(`missing value for ${missing.join(', ')}: set ${missing.length === 1 ? 'it' : 'them'} in ${envFile} or the process environment (${read})`);
  }
  problems.push(...malformed.map((at) => `${at} holds a placeholder that is not \${{NAME}}`));
  problems.push(...domainProblems(templateText, environment));
  // Schema errors for a value that is simply missing would only repeat the message above.
  if (missing.length === 0) problems.push(...validateManifestOffline(filled));

  const icons = iconPaths(filled);
  const iconFiles: { entry: string; bytes: Uint8Array }[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const relativePath = icons?.[kind];
    if (relativePath === undefined) continue; // the schema check has named it
    const entry = entryName(relativePath);
    if (entry === undefined) {
      problems.push(`/icons/${kind} must be a path inside the package, got "${relativePath}"`);
      continue;
    }
    const file = path.join(path.dirname(options.manifestTemplate), entry);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      problems.push(`${file} (the ${kind} icon) cannot be read`);
      continue;
    }
    problems.push(...iconProblems(kind, file, bytes));
    iconFiles.push({ entry, bytes });
  }
  if (problems.length > 0) throw new AppPackageError(problems);

  const manifestJson = `${JSON.stringify(filled, null, 2)}\n`;
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(manifestJson) };
  for (const { entry, bytes } of iconFiles) files[entry] = bytes;

  mkdirSync(options.outputDir, { recursive: true });
  const zipFile = path.join(options.outputDir, `appPackage.${environment.name}.zip`);
  const manifestFile = path.join(options.outputDir, `manifest.${environment.name}.json`);
  writeFileSync(zipFile, zipSync(files, { mtime: ZIP_ENTRY_TIME }));
  writeFileSync(manifestFile, manifestJson);
  return { zipFile, manifestFile, entries: Object.keys(files), environment };
}
