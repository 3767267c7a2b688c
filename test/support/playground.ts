/**
 * Drives the real Microsoft 365 Agents Playground from end-to-end tests: start
 * it as a child pointed at a running bot, read its configuration, and act as
 * its web UI does (install, type, click card buttons) over its HTTP API, with
 * the bot's replies collected from its WebSocket stream.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startTandem, type RunningTandem, type StartOptions } from '../../src/main';
import type { FakeGraphSettings } from './fakeGraph';
import { openDatabase, type Database } from '../../src/store/database';
import { actions, adaptiveCardsIn, elements, inputs } from './cards';

const CLI = path.resolve(__dirname, '../../node_modules/@microsoft/m365agentsplayground/cli.js');

/** Every wait in these helpers is bounded by this unless told otherwise. */
const DEFAULT_WAIT_MS = 15_000;

// ---------------------------------------------------------------------------
// Types of what the Playground says

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string; name: string };
  /** Every configured user is in the group chat; only the current user has a 1:1 chat until the bot opens one. */
  groupChats: { id: string; name: string; members: string[] }[];
}

/** A card element or action: loosely typed, as cards are plain JSON. */
export interface CardElement {
  type: string;
  id?: string;
  text?: string;
  items?: CardElement[];
  columns?: CardElement[];
  verb?: string;
  title?: string;
  data?: Record<string, unknown>;
  choices?: { title: string; value: string }[];
  isMultiSelect?: boolean;
  isRequired?: boolean;
  min?: number;
  max?: number;
  value?: unknown;
  [key: string]: unknown;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  body?: CardElement[];
  actions?: CardElement[];
  [key: string]: unknown;
}

export interface PlaygroundMessage {
  messageId: string;
  text?: string;
  from?: { id: string };
  attachments?: { contentType: string; content: unknown }[];
  [key: string]: unknown;
}

export interface StreamFrame {
  action: string; // createMessage, updateMessage, ...
  actionConversationId?: string;
  message?: PlaygroundMessage;
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------
// The Playground process

export interface Playground {
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Where it writes its own logs; worth reading when a test fails. */
  logFile: string;
  config(): Promise<PlaygroundConfig>;
  /** Opens the conversation stream; open it before triggering anything. */
  stream(): Promise<ConversationStream>;
  /** What the web UI does when the app is installed in a chat. */
  install(conversationId: string): Promise<void>;
  /** A person types `text` in a chat; in a group chat the bot only hears it when @mentioned, as in Teams. */
  say(conversationId: string, from: string, text: string, options?: { mentionBot?: { id: string; name: string } }): Promise<void>;
  /** A click on an Action.Execute button; resolves to the bot's invoke response body. */
  execute(click: CardClick): Promise<InvokeResponseBody>;
  stop(): Promise<void>;
}

export interface CardClick {
  conversationId: string;
  from: string;
  /** The message carrying the clicked card. */
  replyToId: string;
  verb: string;
  /** The action's own data merged with the card's input values. */
  data: Record<string, unknown>;
}

export interface InvokeResponseBody {
  statusCode?: number;
  type?: string;
  value?: unknown;
  [key: string]: unknown;
}

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** Working directory (its ./devTools lands here); a fresh temp dir by default. */
  cwd?: string;
  timeoutMs?: number;
  /**
   * Who sits at this Playground. It plays one person only (it sends every
   * message as its current user), so a second person is a second Playground
   * with its own configuration file, as two people have two Teams clients.
   */
  currentUser?: PlaygroundUser;
}

/** The Playground's built-in people, in its configuration-file format; the chosen one is at the keyboard. */
const PLAYGROUND_PEOPLE: PlaygroundUser[] = [
  ['user-id-0', 'Alex Wilber'],
  ['user-id-1', 'Megan Bowen'],
  ['user-id-2', 'Adele Vance'],
  ['user-id-3', 'Isaiah Langer'],
  ['user-id-4', 'Patti Fernandez'],
  ['user-id-5', 'Lynne Robbins'],
].map(([id, name], i) => ({ id: id!, name: name!, aadObjectId: `00000000-0000-0000-0000-00000000000${20 + i}` }));

function playgroundConfigFile(currentUser: PlaygroundUser): string {
  const person = (u: PlaygroundUser, indent: string) => {
    const [givenName, surname] = u.name.split(' ');
    const alias = u.name.toLowerCase().replace(/ (.).*/, '$1');
    return [
      `id: ${u.id}`,
      `name: ${u.name}`,
      `userPrincipleName: ${alias}@example.com`,
      `aadObjectId: ${u.aadObjectId}`,
      `givenName: ${givenName}`,
      `surname: ${surname}`,
      `email: ${alias}@example.com`,
    ].join(`\n${indent}`);
  };
  const others = PLAYGROUND_PEOPLE.filter((u) => u.id !== currentUser.id);
  return [
    'version: "0.1.1"',
    'tenantId: 00000000-0000-0000-0000-0000000000001',
    'bot:\n  id: 00000000-0000-0000-0000-00000000000011\n  name: Test Bot',
    `currentUser:\n  ${person(currentUser, '  ')}`,
    `users:\n${others.map((u) => `  - ${person(u, '    ')}`).join('\n')}`,
    `personalChat:\n  id: personal-chat-${currentUser.id}`,
    'groupChat:\n  id: group-chat\n  name: Group Chat',
    'team:\n  id: team-id\n  name: My Team\n  aadGroupId: 00000000-0000-0000-0000-000000000031\n  channels:\n    - id: channel-announcements-id\n      name: Announcements',
    '',
  ].join('\n');
}

export { PLAYGROUND_PEOPLE };

export async function startPlayground(options: StartPlaygroundOptions): Promise<Playground> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
  const cwd = options.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-playground-'));
  if (options.currentUser) {
    fs.writeFileSync(path.join(cwd, '.m365agentsplayground.yml'), playgroundConfigFile(options.currentUser));
  }
  const logFile = path.join(cwd, 'm365agentsplayground.log');
  const child = spawn(
    process.execPath,
    [CLI, '-e', options.botEndpoint, '-c', 'msteams', '-p', '0', '--disable-telemetry'],
    {
      cwd,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const explain = (what: string) =>
    new Error(`The Agents Playground ${what}. stderr: ${stderr.trim() || '(empty)'}; log: ${logFile}`);

  const stop = () => stopProcess(child);
  try {
    const port = await withTimeout(
      new Promise<number>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).on('line', (line) => {
          const match = /Listening on (\d+)/.exec(line);
          if (match) resolve(Number(match[1]));
        });
        child.once('exit', (code) => reject(explain(`exited with code ${code} before listening`)));
        child.once('error', reject);
      }),
      timeoutMs,
      'the Agents Playground to listen',
    );
    const url = `http://127.0.0.1:${port}`;
    // A bad configuration prints "Listening on" and exits right after: make sure it answers.
    await poll(
      async () => {
        if (child.exitCode !== null) throw explain(`exited with code ${child.exitCode}`);
        const response = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
        return response !== null && (await response.text()).trim() === 'pong';
      },
      timeoutMs,
      'the Agents Playground to answer /_debug/ping',
    );

    return {
      port,
      url,
      logFile,
      async config() {
        const body = await requestJson<{ config: PlaygroundConfig }>('GET', `${url}/_internal/v1/config`);
        return body.config;
      },
      stream: () => ConversationStream.open(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`),
      async install(conversationId) {
        await requestJson('POST', `${url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
      },
      async say(conversationId, from, text, options = {}) {
        const bot = options.mentionBot;
        const mention = bot && `<at>${bot.name}</at>`;
        await requestJson('POST', `${url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
          from: { id: from },
          text: mention ? `${mention} ${text}` : text,
          textFormat: 'plain',
          ...(bot ? { mentions: [{ mentioned: { id: bot.id }, text: mention }] } : {}),
        });
      },
      async execute(click) {
        return requestJson<InvokeResponseBody>('POST', `${url}/_conversation/v1/invoke`, {
          name: 'adaptiveCard/action',
          conversation: { id: click.conversationId },
          from: { id: click.from },
          replyToId: click.replyToId,
          value: { action: { type: 'Action.Execute', verb: click.verb, data: click.data }, trigger: 'manual' },
        });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM, then SIGKILL if it has not gone within a few seconds. */
async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface LocalTandem {
  tandem: RunningTandem;
  database: Database;
  playground: Playground;
  close(): Promise<void>;
}

export interface LocalTandemOptions extends Pick<StartOptions, 'clock' | 'jobPollingSeconds'> {
  /** Microsoft Graph on: the fake's settings, and its fetch that trusts its certificate. */
  graph?: { settings: FakeGraphSettings; fetch: typeof fetch };
}

/**
 * The whole app as `npm start` runs it, on a free port with a fresh in-memory
 * PGlite, and the Playground pointed at it from a temp directory of its own.
 */
export async function startTandemWithPlayground(
  env: Record<string, string> = {},
  options: LocalTandemOptions = {},
): Promise<LocalTandem> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1', ...env });
  // The Playground has no Entra, so the bot stays anonymous while Graph (the fake) is on.
  const config = options.graph ? { ...loaded, graph: { enabled: true as const, ...options.graph.settings } } : loaded;
  const tandem = await startTandem(config, {
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    database,
    clock: options.clock,
    jobPollingSeconds: options.jobPollingSeconds,
    graphFetch: options.graph?.fetch,
  });
  const playground = await startPlayground({ botEndpoint: `${tandem.url}/api/messages`, cwd: tempDir });
  return {
    tandem,
    database,
    playground,
    async close() {
      await playground.stop();
      await tandem.close();
      await database.close();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------
// The conversation stream

type Waiter = { predicate: (frame: StreamFrame) => boolean; resolve: (frame: StreamFrame) => void };

/** Collects every frame the Playground pushes; `waitFor` finds one, already arrived or yet to come. */
export class ConversationStream {
  readonly frames: StreamFrame[] = [];
  private waiters: Waiter[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      let frame: StreamFrame;
      try {
        frame = JSON.parse(data.toString()) as StreamFrame;
      } catch {
        return;
      }
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(frame)) {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          waiter.resolve(frame);
        }
      }
    });
  }

  static async open(address: string, timeoutMs = DEFAULT_WAIT_MS): Promise<ConversationStream> {
    const socket = new WebSocket(address);
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      }),
      timeoutMs,
      `the WebSocket ${address} to open`,
    ).catch((error) => {
      socket.terminate();
      throw error;
    });
    return new ConversationStream(socket);
  }

  /** The first frame (from index `since` on) that matches; waits for it if it has not arrived. */
  waitFor(
    predicate: (frame: StreamFrame) => boolean,
    description: string,
    options: { since?: number; timeoutMs?: number } = {},
  ): Promise<StreamFrame> {
    const seen = this.frames.slice(options.since ?? 0).find(predicate);
    if (seen) return Promise.resolve(seen);
    let waiter: Waiter | undefined;
    const arrival = new Promise<StreamFrame>((resolve) => {
      waiter = { predicate, resolve };
      this.waiters.push(waiter);
    });
    return withTimeout(arrival, options.timeoutMs ?? DEFAULT_WAIT_MS, description, () =>
      `frames so far: ${this.frames.map(describeFrame).join(' | ') || '(none)'}`,
    ).finally(() => {
      this.waiters = this.waiters.filter((w) => w !== waiter);
    });
  }

  /** A new message from the bot with an adaptive card whose text contains `text`. */
  waitForCard(text: string | RegExp, options: { since?: number; timeoutMs?: number } = {}): Promise<StreamFrame> {
    return this.waitFor(
      (f) => f.action === 'createMessage' && cardsOf(f.message).some((c) => matches(cardText(c), text)),
      `a card containing ${String(text)}`,
      options,
    );
  }

  /** A new text message from the bot containing `text`. */
  waitForText(text: string | RegExp, options: { since?: number; timeoutMs?: number } = {}): Promise<StreamFrame> {
    return this.waitFor(
      (f) => f.action === 'createMessage' && matches(f.message?.text ?? '', text),
      `a message containing ${String(text)}`,
      options,
    );
  }

  close(): void {
    this.socket.terminate();
  }
}

function describeFrame(frame: StreamFrame): string {
  const text = frame.message?.text ?? cardsOf(frame.message).map(cardText).join(' ');
  return `${frame.action} ${frame.message?.messageId ?? ''} ${text.slice(0, 80)}`;
}

// ---------------------------------------------------------------------------
// Reading cards

export function cardsOf(message: PlaygroundMessage | undefined): AdaptiveCard[] {
  return adaptiveCardsIn(message?.attachments) as AdaptiveCard[];
}

export const inputsOf = (card: AdaptiveCard): CardElement[] => inputs(card) as CardElement[];

/** All the text a card shows, one string, for assertions. */
export function cardText(card: AdaptiveCard): string {
  return (elements(card) as CardElement[])
    .flatMap((e) => [
      e.text,
      ...(Array.isArray(e.facts) ? (e.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value]) : []),
    ])
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
}

/** A button anywhere on the card: its own actions, ActionSets, ShowCards. */
export function actionOf(card: AdaptiveCard, predicate: (action: CardElement) => boolean, what: string): CardElement {
  const all = actions(card) as CardElement[];
  const action = all.find(predicate);
  if (!action) throw new Error(`The card has no ${what} action: ${JSON.stringify(all.map((a) => a.title))}`);
  return action;
}

function matches(haystack: string, needle: string | RegExp): boolean {
  return typeof needle === 'string' ? haystack.includes(needle) : needle.test(haystack);
}

// ---------------------------------------------------------------------------
// Small utilities

async function requestJson<T = unknown>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(DEFAULT_WAIT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  description: string,
  detail?: () => string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Timed out after ${ms} ms waiting for ${description}${detail ? `; ${detail()}` : ''}`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function poll(check: () => Promise<boolean>, ms: number, description: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out after ${ms} ms waiting for ${description}`);
}
