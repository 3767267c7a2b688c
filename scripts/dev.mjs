#!/usr/bin/env node
/**
 * `npm run dev`: runs Tandem locally with nothing to configure.
 *
 * 1. starts the built app (dist/src/main.js) as a child, embedded PGlite in ./.data;
 * 2. waits for its /healthz (the first start of the database takes a few seconds);
 * 3. starts the Microsoft 365 Agents Playground pointed at the bot;
 * 4. prints the URL to open to chat with the bot.
 *
 * Ctrl-C (or SIGTERM) stops both. If either child dies, the other is stopped too.
 * Environment: PORT (bot, default 3978), DATA_DIR (default ./.data),
 * PLAYGROUND_PORT (default 56150; if taken the Playground picks another and we
 * print the real one), and everything src/config.ts reads.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const appEntry = path.join(root, 'dist', 'src', 'main.js');
const playgroundCli = path.join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

const HEALTH_TIMEOUT_MS = 90_000;
const PLAYGROUND_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

const tty = process.stdout.isTTY;
const paint = (code) => (text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const yellow = paint('33');
const cyan = paint('36');
const green = paint('32');

const say = (message) => console.log(`${cyan('[dev]')} ${message}`);
const complain = (message) => console.error(`${cyan('[dev]')} ${red(message)}`);

// ---------------------------------------------------------------------------
// Settings

const PLAYGROUND_USER = 'user-id-0';
const botPort = parsePort('PORT', process.env.PORT, 3978, false);
const playgroundPort = parsePort('PLAYGROUND_PORT', process.env.PLAYGROUND_PORT, 56150, true);
const dataDir = process.env.DATA_DIR?.trim() || './.data';
const host = process.env.HOST?.trim() || '0.0.0.0';
const botBase = `http://127.0.0.1:${botPort}`;

function parsePort(name, raw, fallback, allowZero) {
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < (allowZero ? 0 : 1) || port > 65535) {
    complain(`${name}=${raw} is not a valid port number.`);
    process.exit(2);
  }
  return port;
}

// ---------------------------------------------------------------------------
// Children and shutdown

/** @type {{name: string, child: import('node:child_process').ChildProcess}[]} */
const children = [];
let stopping = false;

function startChild(name, args, env) {
  // Each child gets its own process group: a Ctrl-C in the terminal reaches
  // only this script, which then stops each child exactly once, cleanly.
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push({ name, child });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    complain(`${name} ${how}; stopping.`);
    void shutdown(1);
  });
  child.on('error', (error) => {
    if (stopping) return;
    complain(`could not run ${name}: ${error.message}`);
    void shutdown(1);
  });
  return child;
}

const running = (child) => child.exitCode === null && child.signalCode === null;

async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter(({ child }) => running(child));
  if (alive.length > 0) say(`stopping ${alive.map((c) => c.name).join(' and ')}...`);
  await Promise.all(
    alive.map(
      ({ name, child }) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => {
            complain(`${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it.`);
            signalChild(child, 'SIGKILL');
          }, STOP_GRACE_MS);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          signalChild(child, 'SIGTERM');
        }),
    ),
  );
  say(exitCode === 0 ? 'stopped.' : 'stopped after an error.');
  process.exit(exitCode);
}

function signalChild(child, signal) {
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    console.log();
    say(`${signal} received.`);
    void shutdown(0);
  });
}
// Last resort (an exception in this script): never leave a child behind.
process.on('exit', () => {
  for (const { child } of children) if (running(child)) signalChild(child, 'SIGKILL');
});

// ---------------------------------------------------------------------------
// The app's logs: pino JSON, one line each, made readable

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLOUR = { 10: dim, 20: dim, 30: green, 40: yellow, 50: red, 60: red };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'app', 'msg', 'err']);

function formatLogLine(line) {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.level !== 'number') return line;
  const time = typeof entry.time === 'number' ? new Date(entry.time).toLocaleTimeString('en-GB') : '';
  const level = (LEVEL_COLOUR[entry.level] ?? ((s) => s))((LEVELS[entry.level] ?? String(entry.level)).padEnd(5));
  const extra = Object.fromEntries(Object.entries(entry).filter(([key]) => !HIDDEN.has(key)));
  let text = `${dim(time)} ${level} ${entry.msg ?? ''}`;
  if (Object.keys(extra).length > 0) text += ` ${dim(JSON.stringify(extra))}`;
  if (entry.err) {
    const err = entry.err;
    text += `\n${typeof err === 'object' && err.stack ? err.stack : JSON.stringify(err)}`;
  }
  return text;
}

function pipeLines(stream, prefix, format, out) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    for (const part of format(line).split('\n')) out.write(`${prefix} ${part}\n`);
  });
}

// ---------------------------------------------------------------------------
// Waiting

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(url, timeoutMs = 2000) {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, body: await response.text() };
}

/** Polls until `check` returns true; fails after `timeoutMs` or once `child` has exited. */
async function waitUntil(description, check, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping || !running(child)) return false;
    try {
      if (await check()) return true;
    } catch {
      // not answering yet
    }
    await sleep(250);
  }
  complain(`${description} did not happen within ${timeoutMs / 1000} s.`);
  return false;
}

function portIsFree(port, bindHost) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    probe.listen({ port, host: bindHost, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(appEntry)) {
    complain(`${path.relative(process.cwd(), appEntry)} is missing: run "npm run build" first (or use "npm run dev").`);
    process.exit(1);
  }
  if (!fs.existsSync(playgroundCli)) {
    complain('The Microsoft 365 Agents Playground is not installed: run "npm install".');
    process.exit(1);
  }
  if (!(await portIsFree(botPort, host))) {
    complain(
      `Port ${botPort} is already in use, so Tandem cannot start on it.\n` +
        `      Stop whatever is using it (is another "npm run dev" still running?  try: lsof -i :${botPort}),\n` +
        `      or choose another port:  PORT=3979 npm run dev`,
    );
    process.exit(1);
  }

  // 1. The app.
  say(`starting Tandem on port ${botPort} (data in ${dataDir})...`);
  const app = startChild('Tandem', ['--disable-warning=DEP0111', appEntry], {
    PORT: String(botPort),
    DATA_DIR: dataDir,
    // The Playground's own user (Alex Wilber) administers the local tenant, so the admin API can be tried.
    TENANT_ADMINS: process.env.TENANT_ADMINS ?? PLAYGROUND_USER,
  });
  pipeLines(app.stdout, cyan('[tandem]'), formatLogLine, process.stdout);
  pipeLines(app.stderr, cyan('[tandem]'), formatLogLine, process.stderr);

  // 2. Its health check.
  const healthy = await waitUntil(
    `Tandem answering ${botBase}/healthz`,
    async () => (await get(`${botBase}/healthz`)).status === 200,
    app,
    HEALTH_TIMEOUT_MS,
  );
  if (!healthy) return shutdown(1);

  // 3. The Playground.
  const logFile = path.resolve(
    root,
    process.env.M365_AGENTS_PLAYGROUND_LOGFILE || path.join('devTools', 'm365agentsplayground.log'),
  );
  say('starting the Microsoft 365 Agents Playground...');
  const playground = startChild(
    'the Agents Playground',
    [
      playgroundCli,
      '-e',
      `${botBase}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(playgroundPort),
      '--disable-telemetry',
    ],
    { TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
  );
  const listening = new Promise((resolve) => {
    readline.createInterface({ input: playground.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const match = /Listening on (\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
      else if (line.trim()) console.log(`${cyan('[playground]')} ${line}`);
    });
  });
  pipeLines(playground.stderr, cyan('[playground]'), (line) => line, process.stderr);

  const port = await Promise.race([
    listening,
    sleep(PLAYGROUND_TIMEOUT_MS).then(() => null),
    new Promise((resolve) => playground.once('exit', () => resolve(null))),
  ]);
  if (port === null) {
    if (!stopping) complain(`the Agents Playground did not start; see ${logFile}`);
    return shutdown(1);
  }
  const playgroundBase = `http://127.0.0.1:${port}`;
  const ready = await waitUntil(
    `the Agents Playground answering ${playgroundBase}/_debug/ping`,
    async () => (await get(`${playgroundBase}/_debug/ping`)).body.trim() === 'pong',
    playground,
    PLAYGROUND_TIMEOUT_MS,
  );
  if (!ready) {
    if (!stopping) complain(`the Agents Playground is not answering; see ${logFile}`);
    return shutdown(1);
  }
  if (playgroundPort !== 0 && port !== playgroundPort) {
    say(yellow(`port ${playgroundPort} was taken, so the Playground is on port ${port}.`));
  }

  // 4. Where to go.
  const database = process.env.DATABASE_URL?.trim()
    ? 'PostgreSQL (DATABASE_URL)'
    : `embedded PGlite in ${dataDir}`;
  console.log(
    [
      '',
      bold(green('Tandem is running.')),
      `  Bot:        ${botBase}/api/messages   (health: ${botBase}/healthz)`,
      `  Database:   ${database}`,
      `  Playground log: ${path.relative(process.cwd(), logFile) || logFile}`,
      `  Tabs:       ${botBase}/tab/ (My mentoring), ${botBase}/tab/programs.html (Programs, for admins; sign in as Alex Wilber)`,
      `  Admin API:  ${botBase}/api/v1 (sign in locally: POST /api/v1/dev/sign-in {"teamsUserId":"${PLAYGROUND_USER}"})`,
      dim('  Want a living program to look at? Stop this, run `npm run demo`, and start again.'),
      `  ${bold('Chat with the bot:')} ${bold(cyan(`${playgroundBase}/`))}`,
      '',
      dim('  Press Ctrl-C to stop.'),
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  complain(error?.stack ?? String(error));
  void shutdown(1);
});
