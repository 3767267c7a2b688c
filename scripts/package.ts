/**
 * Builds the Teams app package for an environment:
 *
 *   npm run package -- [--env NAME] [--out DIR] [--env-dir DIR]
 *
 * NAME defaults to $TEAMSFX_ENV, then "dev"; values come from env/.env.NAME,
 * env/.env.NAME.user and the process environment (which wins). Writes
 * DIR/appPackage.NAME.zip and DIR/manifest.NAME.json (DIR defaults to
 * build/appPackage). Every problem found (missing variables, schema errors
 * with their JSON paths, icons) goes to stderr with exit code 1; usage errors
 * exit with 2.
 */
import path from 'node:path';
import { AppPackageError, buildAppPackage } from './appPackage/buildAppPackage';
import { EnvironmentFileError } from './appPackage/environment';

const USAGE = 'usage: npm run package -- [--env NAME] [--out DIR] [--env-dir DIR]';
const REPOSITORY = path.resolve(__dirname, '..');

class UsageError extends Error {}

interface Arguments {
  environmentName: string;
  outputDir: string;
  environmentDir: string;
}

function parseArguments(args: string[], processEnv: NodeJS.ProcessEnv): Arguments {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inlineValue] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!['--env', '--out', '--env-dir'].includes(name)) throw new UsageError(`unknown argument ${arg}`);
    const value = inlineValue ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    options.set(name, value);
  }
  return {
    environmentName: options.get('--env') ?? (processEnv.TEAMSFX_ENV || 'dev'),
    outputDir: path.resolve(options.get('--out') ?? path.join(REPOSITORY, 'build', 'appPackage')),
    environmentDir: path.resolve(options.get('--env-dir') ?? path.join(REPOSITORY, 'env')),
  };
}

function main(): number {
  try {
    const args = parseArguments(process.argv.slice(2), process.env);
    const appPackage = buildAppPackage({
      ...args,
      manifestTemplate: path.join(REPOSITORY, 'manifest', 'manifest.json'),
      processEnv: process.env,
    });
    const shown = (file: string) => path.relative(process.cwd(), file) || file;
    console.log(`Teams app package for "${appPackage.environment.name}": ${shown(appPackage.zipFile)} (${appPackage.entries.join(', ')})`);
    console.log(`Filled manifest: ${shown(appPackage.manifestFile)}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppPackageError) {
      console.error(`No app package written:\n${error.problems.map((problem) => `  - ${problem}`).join('\n')}`);
      return 1;
    }
    if (error instanceof EnvironmentFileError) {
      console.error(`No app package written: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
