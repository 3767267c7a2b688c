import { createGraphClient, type GraphClient } from '../../src/graph/graphClient';
import { GraphError } from '../../src/graph/graphError';
import { managerChain } from '../../src/graph/managerChain';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';

let fake: FakeGraph;
let graph: GraphClient;

beforeAll(async () => {
  fake = await startFakeGraph();
  graph = createGraphClient(fake.settings, { fetch: fake.fetch });
});
afterAll(() => fake.close());
beforeEach(() => fake.requests.splice(0));

const ids = {
  ada: '0a1b2c3d-0000-4000-8000-000000000001',
  grace: '0a1b2c3d-0000-4000-8000-000000000002',
  linus: '0a1b2c3d-0000-4000-8000-000000000003',
  ceo: '0a1b2c3d-0000-4000-8000-000000000004',
};

describe('managerChain', () => {
  beforeAll(() => {
    fake.setManager(ids.ada, ids.grace);
    fake.setManager(ids.grace, ids.linus);
    fake.setManager(ids.linus, ids.ceo);
    fake.setManager(ids.ceo, null);
  });

  it('follows managers nearest first up to the top of the organisation', async () => {
    await expect(managerChain(graph, ids.ada)).resolves.toEqual([ids.grace, ids.linus, ids.ceo]);

    expect(fake.graphRequests().map((r) => [r.path, r.query.$select, r.status])).toEqual([
      [`/users/${ids.ada}/manager`, 'id', 200],
      [`/users/${ids.grace}/manager`, 'id', 200],
      [`/users/${ids.linus}/manager`, 'id', 200],
      [`/users/${ids.ceo}/manager`, 'id', 404],
    ]);
  });

  it('is empty for someone without a manager', async () => {
    await expect(managerChain(graph, ids.ceo)).resolves.toEqual([]);
  });

  it('stops after maxDepth managers', async () => {
    await expect(managerChain(graph, ids.ada, 2)).resolves.toEqual([ids.grace, ids.linus]);
    expect(fake.graphRequests()).toHaveLength(2);
  });

  it('stops when the chain comes back round', async () => {
    fake.setManager('cycle-a', 'cycle-b');
    fake.setManager('cycle-b', 'cycle-c');
    fake.setManager('cycle-c', 'cycle-a');

    await expect(managerChain(graph, 'cycle-a')).resolves.toEqual(['cycle-b', 'cycle-c']);
    expect(fake.graphRequests()).toHaveLength(3);
  });

  it('propagates a 403 instead of pretending there is no manager', async () => {
    fake.failNext(`/users/${ids.grace}/manager`, { status: 403 });

    const error = await managerChain(graph, ids.ada).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
  });

  it('encodes user principal names with characters special to URLs', async () => {
    const guest = 'guest_contoso.com#EXT#@fabrikam.onmicrosoft.com';
    fake.addUser({ id: 'guest-id', userPrincipalName: guest });
    fake.setManager('guest-id', ids.ceo);

    await expect(managerChain(graph, guest)).resolves.toEqual([ids.ceo]);
  });
});
