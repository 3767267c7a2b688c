/** Starts the real Tandem in a child process for a tab suite (see tandemForTabTests.ts) and asks it for seeded pairs. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { SeededPair } from './seedPair';

export interface TandemProcess {
  url: string;
  seedPair(label: string): Promise<SeededPair>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../../..');

export async function startTandemProcess(env: Record<string, string> = {}): Promise<TandemProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', '--disable-warning=DEP0111', path.join(__dirname, 'tandemForTabTests.ts')],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting: ((message: Record<string, unknown>) => void)[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    waiting.shift()?.(message);
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`Tandem exited (${code}): ${stderr}`)));
    });

  const started = await next();
  if (typeof started.url !== 'string') throw new Error(`Tandem did not start: ${JSON.stringify(started)} ${stderr}`);
  return {
    url: started.url,
    async seedPair(label) {
      const answer = next();
      child.stdin.write(`${JSON.stringify({ seed: label })}\n`);
      const message = await answer;
      if (!message.pair) throw new Error(`Seeding failed: ${String(message.error)}`);
      return message.pair as SeededPair;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.stdin.end();
      }),
  };
}
