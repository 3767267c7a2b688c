/**
 * The Teams Toolkit environment an app package is built for. Values come from
 * env/.env.<name>, then env/.env.<name>.user (secrets and personal overrides,
 * ignored by git), then the process environment, each later source winning,
 * the order `teamsapp` itself resolves them in.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Environment {
  name: string;
  /** The env files that existed and were read, in the order they were applied. */
  filesRead: string[];
  valueOf(variable: string): string | undefined;
}

/** Environment names become file names, so nothing that could walk out of env/. */
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

export class EnvironmentFileError extends Error {}

export function isEnvironmentName(name: string): boolean {
  return ENVIRONMENT_NAME.test(name);
}

/**
 * KEY=VALUE lines with # comments, as Teams Toolkit writes them. A line that is
 * neither is an error rather than skipped: a typo would otherwise surface later
 * as a "missing variable" that is plainly in the file.
 */
export function parseEnvFile(text: string, fileName: string): Map<string, string> {
  const values = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = ASSIGNMENT.exec(trimmed);
    if (!match) throw new EnvironmentFileError(`${fileName}:${index + 1}: expected NAME=value, got "${trimmed}"`);
    values.set(match[1]!, unquote(match[2]!));
  });
  return values;
}

function unquote(raw: string): string {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2 && raw.endsWith(quote)) return raw.slice(1, -1);
  // An unquoted value may carry a trailing comment, as dotenv allows.
  return raw.replace(/\s+#.*$/, '').trim();
}

export function readEnvironment(name: string, environmentDir: string, processEnv: NodeJS.ProcessEnv): Environment {
  if (!isEnvironmentName(name)) throw new EnvironmentFileError(`"${name}" is not an environment name (letters, digits, - and _)`);
  const fromFiles = new Map<string, string>();
  const filesRead: string[] = [];
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const filePath = path.join(environmentDir, file);
    if (!existsSync(filePath)) continue;
    for (const [key, value] of parseEnvFile(readFileSync(filePath, 'utf8'), filePath)) fromFiles.set(key, value);
    filesRead.push(filePath);
  }
  return {
    name,
    filesRead,
    valueOf: (variable) => processEnv[variable] ?? fromFiles.get(variable),
  };
}
