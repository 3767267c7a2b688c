/**
 * The match CLI as a user runs it: a child process on real files. Good input
 * prints exactly one JSON assignment; every kind of bad input exits non-zero,
 * says what is wrong on stderr, and prints nothing on stdout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-match-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
}

function match(...args: string[]) {
  const run = spawnSync(process.execPath, [tsx, 'scripts/match.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const graph = {
  mentees: [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }],
  mentors: [
    { id: 'm1', capacity: 1 },
    { id: 'm2', capacity: 1 },
  ],
  edges: [
    { mentee: 'e1', mentor: 'm1', score: 90.25 },
    { mentee: 'e1', mentor: 'm2', score: 60 },
    { mentee: 'e2', mentor: 'm1', score: 73.5 },
    { mentee: 'e3', mentor: 'm2', score: 10.1 },
  ],
};

describe('npm run match', () => {
  it('prints the assignment as one JSON object (max-matched by default)', () => {
    const run = match(file('good.json', graph));
    expect(run).toEqual({
      status: 0,
      stderr: '',
      stdout:
        '{"pairs":[{"mentee":"e1","mentor":"m2","score":60},{"mentee":"e2","mentor":"m1","score":73.5}],' +
        '"matched":2,"totalScore":133.5,"minScore":60}\n',
    });
  });

  it('takes --objective X and --objective=X', () => {
    const good = file('good.json', graph);
    expect(JSON.parse(match('--objective', 'max-score', good).stdout)).toMatchObject({ totalScore: 133.5 });
    expect(JSON.parse(match('--objective=max-min', good).stdout)).toEqual({
      pairs: [
        { mentee: 'e1', mentor: 'm2', score: 60 },
        { mentee: 'e2', mentor: 'm1', score: 73.5 },
      ],
      matched: 2,
      totalScore: 133.5,
      minScore: 60,
    });
  });

  it('prints minScore null when nobody can be matched', () => {
    const run = match(file('empty.json', { mentees: [{ id: 'e1' }], mentors: [], edges: [] }));
    expect(JSON.parse(run.stdout)).toEqual({ pairs: [], matched: 0, totalScore: 0, minScore: null });
  });

  const invalid = {
    'a missing field': [{ ...graph, mentors: [{ id: 'm1' }] }, 'mentors[0].capacity: is missing'],
    'a wrong type': [{ ...graph, mentees: 'e1' }, 'mentees: must be a list'],
    'an unknown mentor in an edge': [
      { ...graph, edges: [{ mentee: 'e1', mentor: 'm9', score: 5 }] },
      'edges[0]: mentor "m9" is not in mentors',
    ],
    'a duplicate mentee': [{ ...graph, mentees: [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }, { id: 'e2' }] }, 'mentees[3]: id "e2" is already used by mentees[1]'],
    'a negative capacity': [{ ...graph, mentors: [{ id: 'm1', capacity: -1 }] }, 'mentors[0].capacity: must be 0 or more'],
    'a fractional capacity': [{ ...graph, mentors: [{ id: 'm1', capacity: 0.5 }] }, 'mentors[0].capacity: must be a whole number'],
    'a score above 100': [
      { ...graph, edges: [{ mentee: 'e1', mentor: 'm1', score: 101 }] },
      'edges[0].score: must be a number from 0 to 100 (got 101)',
    ],
    'a duplicate edge': [
      { ...graph, edges: [graph.edges[0], graph.edges[1], { ...graph.edges[0], score: 1 }] },
      'edges[2]: mentee "e1" and mentor "m1" are already paired by edges[0]',
    ],
  } as const;

  it.each(Object.entries(invalid))('rejects a graph with %s, naming it', (name, [content, problem]) => {
    const run = match(file(`${name.replace(/ /g, '-')}.json`, content));
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('is not a valid candidate graph');
    expect(run.stderr).toContain(problem);
  });

  it.each([
    ['an unreadable file', () => [path.join(dir, 'absent.json')], /cannot read .*absent\.json/],
    ['invalid JSON', () => [file('broken.json', '{"mentees": [')], /broken\.json is not valid JSON/],
    ['an unknown objective', () => ['--objective', 'fairest', file('good.json', graph)], /unknown objective "fairest"/],
    ['no FILE', () => ['--objective=max-score'], /missing FILE/],
  ])('fails on %s, saying so on stderr', (_name, args, message) => {
    const run = match(...args());
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
