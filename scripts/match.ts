/**
 * Solves a candidate graph from a JSON file and prints the assignment as one
 * JSON object on stdout:
 *
 *   npm run --silent match -- [--objective max-matched|max-score|max-min] FILE
 *
 * Any problem (usage, unreadable file, invalid JSON, an invalid graph) goes to
 * stderr with a non-zero exit, and nothing is printed on stdout, so the output
 * can be piped without checking it first.
 */
import { readFileSync } from 'node:fs';
import { isObjective, objectives, parseCandidateGraph, type Objective } from '../src/matching/candidateGraph';
import { solve } from '../src/matching/solver/solve';

const USAGE = `usage: npm run --silent match -- [--objective ${objectives.join('|')}] FILE`;
/** A bad file can hold thousands of problems; the first ones are enough to fix it. */
const PROBLEMS_SHOWN = 20;

class UsageError extends Error {}

function parseArguments(args: string[]): { objective: Objective; file: string } {
  let objective: string = 'max-matched';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--objective') {
      const value = args[++i];
      if (value === undefined) throw new UsageError('--objective needs a value');
      objective = value;
    } else if (arg.startsWith('--objective=')) objective = arg.slice('--objective='.length);
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (!isObjective(objective)) throw new UsageError(`unknown objective "${objective}"; choose one of ${objectives.join(', ')}`);
  const [file, ...extra] = files;
  if (file === undefined) throw new UsageError('missing FILE (the candidate graph as JSON)');
  if (extra.length > 0) throw new UsageError(`expected one FILE, got ${files.length}`);
  return { objective, file };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function main(args: string[]): number {
  try {
    const { objective, file } = parseArguments(args);
    const parsed = parseCandidateGraph(readJson(file));
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, PROBLEMS_SHOWN);
      const more = parsed.problems.length - shown.length;
      process.stderr.write(
        `match: ${file} is not a valid candidate graph:\n${shown.map((p) => `  ${p}\n`).join('')}${more > 0 ? `  ... and ${more} more\n` : ''}`,
      );
      return 1;
    }
    process.stdout.write(`${JSON.stringify(solve(parsed.graph, objective))}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`match: ${(error as Error).message}\n`);
    if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
