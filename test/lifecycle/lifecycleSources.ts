/**
 * Readers for the deployment files the lifecycle suites check: Teams Toolkit YAML, env
 * files, Bicep and src/config.ts. The Bicep readers are line- and brace-based, enough for
 * the way infra/ is written; they are no parser and no substitute for `bicep build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export const REPOSITORY = path.resolve(__dirname, '..', '..');

export function readRepositoryFile(relativePath: string): string {
  return fs.readFileSync(path.join(REPOSITORY, relativePath), 'utf8');
}

export function repositoryFileExists(relativePath: string): boolean {
  return fs.existsSync(path.join(REPOSITORY, relativePath));
}

export interface LifecycleStep {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}

export interface LifecycleFile {
  version: string;
  environmentFolderPath?: string;
  provision?: LifecycleStep[];
  deploy?: LifecycleStep[];
  publish?: LifecycleStep[];
}

export const LIFECYCLE_STAGES = ['provision', 'deploy', 'publish'] as const;

export function readLifecycleFile(relativePath: string): LifecycleFile {
  return parseYaml(readRepositoryFile(relativePath)) as LifecycleFile;
}

/** `${{NAME}}` placeholders, as Teams Toolkit expands them in YAML, manifests and parameter files. */
export function placeholdersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!));
}

/** NAME=value lines of a dotenv file (comments and blank lines skipped). */
export function readEnvFile(relativePath: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of readRepositoryFile(relativePath).split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match) values.set(match[1]!, match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
  }
  return values;
}

export function envFileComments(relativePath: string): string {
  return readRepositoryFile(relativePath)
    .split(/\r?\n/)
    .filter((line) => line.trim().startsWith('#'))
    .join('\n');
}

/**
 * The environment variables src/config.ts validates: the keys of the zod object it
 * parses process.env with, read from the source so that a new setting shows up here
 * without anyone remembering to list it.
 */
export function configVariables(): string[] {
  const source = readRepositoryFile('src/config.ts');
  const start = source.search(/const environment = z\s*\.object\(\{/);
  if (start < 0) throw new Error('src/config.ts no longer declares `const environment = z.object({...})`');
  const body = balancedBlock(source, source.indexOf('{', start));
  return [...body.matchAll(/^ {4}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((m) => m[1]!);
}

/** The text between the brace at `openIndex` and its matching close, exclusive. */
export function balancedBlock(text: string, openIndex: number): string {
  if (text[openIndex] !== '{') throw new Error(`expected "{" at ${openIndex}`);
  let depth = 0;
  for (let i = openIndex; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(openIndex + 1, i);
  }
  throw new Error(`unbalanced "{" at ${openIndex}`);
}

/** Top-level keys of an object body, one `key: value` per line as Bicep writes them. */
export function objectKeys(body: string): string[] {
  const lines = body.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  const indent = Math.min(...lines.map((line) => line.length - line.trimStart().length));
  return lines
    .filter((line) => line.length - line.trimStart().length === indent)
    .map((line) => /^\s*'?([A-Za-z_][A-Za-z0-9_]*)'?\s*:/.exec(line)?.[1])
    .filter((key): key is string => key !== undefined);
}

export interface BicepParameter {
  name: string;
  type: string;
  hasDefault: boolean;
  decorators: string[];
}

export function bicepParameters(source: string): BicepParameter[] {
  const parameters: BicepParameter[] = [];
  let decorators: string[] = [];
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('@')) {
      decorators.push(trimmed);
      continue;
    }
    const match = /^param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z]+)(\s*=.*)?$/.exec(trimmed);
    if (match) parameters.push({ name: match[1]!, type: match[2]!, hasDefault: match[3] !== undefined, decorators });
    // Decorators belong to the next declaration; a multi-line @allowed([...]) list keeps
    // its items out of the way because they are neither declarations nor decorators.
    if (match || /^(var|resource|module|output)\s/.test(trimmed)) decorators = [];
  }
  return parameters;
}

export function isSecure(parameter: BicepParameter): boolean {
  return parameter.decorators.some((d) => d.startsWith('@secure()'));
}

export function bicepOutputs(source: string): string[] {
  return [...source.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map((m) => m[1]!);
}

export interface BicepModuleUse {
  symbol: string;
  path: string;
  params: string[];
}

export function bicepModules(source: string): BicepModuleUse[] {
  return [...source.matchAll(/^module\s+([A-Za-z_][A-Za-z0-9_]*)\s+'([^']+)'\s*=\s*\{/gm)].map((m) => {
    const body = balancedBlock(source, m.index + m[0].length - 1);
    const paramsAt = body.search(/^\s*params:\s*\{/m);
    const params = paramsAt < 0 ? [] : objectKeys(balancedBlock(body, body.indexOf('{', paramsAt)));
    return { symbol: m[1]!, path: m[2]!, params };
  });
}

export function bicepResourceTypes(source: string): string[] {
  return [...source.matchAll(/^resource\s+[A-Za-z_][A-Za-z0-9_]*\s+'([^']+)'/gm)].map((m) => m[1]!);
}

/** Every file of a directory tree, as repository-relative paths. */
export function filesUnder(relativeDir: string): string[] {
  const root = path.join(REPOSITORY, relativeDir);
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(REPOSITORY, path.join(entry.parentPath, entry.name)));
}
