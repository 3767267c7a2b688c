/**
 * Reporting lines for the matching exclusions: from the questionnaire's
 * manager answers, and with Graph's manager chain (against the fake Graph)
 * joined to them.
 */
import { createGraphClient } from '../../src/graph/graphClient';
import { managerChain } from '../../src/graph/managerChain';
import { graphDirectory, questionnaireDirectory } from '../../src/services/directory';
import type { DirectoryPerson } from '../../src/services/ports';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';

const person = (personId: string, name: string, extra: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  personId,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@contoso.com`,
  aadObjectId: null,
  ...extra,
});

describe('reporting lines from the questionnaire', () => {
  it('follows manager answers by name or email, case-insensitively, up the line', async () => {
    const people = [
      person('ann', 'Ann Lee', { managerAnswer: 'grace@CONTOSO.com' }),
      person('grace', 'Grace Hopper', { managerAnswer: ' linus torvalds ' }),
      person('linus', 'Linus Torvalds'),
      person('mia', 'Mia Chen', { managerAnswer: 'Someone Not Enrolled' }),
    ];
    const lines = await questionnaireDirectory().reportingLines('t', people);
    expect([...lines.get('ann')!]).toEqual(['grace', 'linus']);
    expect([...lines.get('grace')!]).toEqual(['linus']);
    expect(lines.has('linus')).toBe(false);
    expect(lines.has('mia')).toBe(false);
  });

  it('stops on a cycle and never puts a person in their own line', async () => {
    const people = [person('a', 'A One', { managerAnswer: 'B Two' }), person('b', 'B Two', { managerAnswer: 'A One' })];
    const lines = await questionnaireDirectory().reportingLines('t', people);
    expect([...lines.get('a')!]).toEqual(['b']);
    expect([...lines.get('b')!]).toEqual(['a']);
  });
});

describe('reporting lines with Graph', () => {
  let fake: FakeGraph;
  beforeAll(async () => {
    fake = await startFakeGraph();
  });
  afterAll(() => fake.close());

  it('adds Graph\'s manager chain to the questionnaire answers, mapped to people', async () => {
    const graph = createGraphClient(fake.settings, { fetch: fake.fetch });
    fake.setManager('oid-ann', 'oid-grace');
    fake.setManager('oid-grace', 'oid-ceo');
    fake.setManager('oid-ceo', null);
    const directory = graphDirectory((objectId) => managerChain(graph, objectId));
    const people = [
      person('ann', 'Ann Lee', { aadObjectId: 'OID-ANN', managerAnswer: 'Mia Chen' }),
      person('grace', 'Grace Hopper', { aadObjectId: 'oid-grace' }),
      person('ceo', 'Chief Executive', { aadObjectId: 'oid-ceo' }),
      person('mia', 'Mia Chen'),
    ];
    const lines = await directory.reportingLines('t', people);
    expect([...lines.get('ann')!].sort()).toEqual(['ceo', 'grace', 'mia']);
    expect([...lines.get('grace')!]).toEqual(['ceo']);
  });

  it('falls back to the questionnaire for a person Graph cannot answer for', async () => {
    const failing = graphDirectory(async () => {
      throw new Error('Graph unavailable');
    });
    const lines = await failing.reportingLines('t', [
      person('ann', 'Ann Lee', { aadObjectId: 'oid-ann', managerAnswer: 'Mia Chen' }),
      person('mia', 'Mia Chen'),
    ]);
    expect([...lines.get('ann')!]).toEqual(['mia']);
  });
});
