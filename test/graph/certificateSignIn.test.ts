/**
 * Graph with a certificate instead of a secret: the configuration reads the
 * PEM and its thumbprint, msal-node signs the client assertion, and the fake
 * Entra checks it against the certificate registered on the app.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createGraphClient } from '../../src/graph/graphClient';
import { GraphError } from '../../src/graph/graphError';
import { managerChain } from '../../src/graph/managerChain';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cert-'));
function makeCertificate(name: string): string {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.crt`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${name}`], {
    stdio: 'pipe',
  });
  const pem = path.join(dir, `${name}.pem`);
  fs.writeFileSync(pem, fs.readFileSync(cert, 'utf8') + fs.readFileSync(key, 'utf8'));
  return pem;
}

const appPem = makeCertificate('tandem-app');
const strangerPem = makeCertificate('someone-else');
let fake: FakeGraph;

beforeAll(async () => {
  fake = await startFakeGraph({ appCertificatePem: fs.readFileSync(appPem, 'utf8') });
  fake.setManager('oid-ann', 'oid-grace');
  fake.setManager('oid-grace', null);
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const graphConfig = (certificatePath: string) => {
  const config = loadConfig({
    MicrosoftAppId: fake.settings.clientId,
    MicrosoftAppTenantId: fake.settings.tenantId,
    MicrosoftAppType: 'UserAssignedMSI',
    GRAPH_ENABLED: 'true',
    GRAPH_CERTIFICATE_PATH: certificatePath,
    ENTRA_AUTHORITY_HOST: fake.settings.authorityHost,
    GRAPH_BASE_URL: fake.settings.baseUrl,
  });
  if (!config.graph.enabled) throw new Error('Graph should be on');
  return config.graph;
};

it('reads the certificate and its thumbprint from configuration, and uses no secret', () => {
  const graph = graphConfig(appPem);
  expect(graph.clientSecret).toBeUndefined();
  expect(graph.clientCertificate?.thumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
  expect(graph.clientCertificate?.privateKey).toContain('PRIVATE KEY');
});

it('refuses a certificate file that cannot be read or holds no key, naming the variable', () => {
  expect(() => graphConfig(path.join(dir, 'missing.pem'))).toThrow(/GRAPH_CERTIFICATE_PATH .* cannot be read/);
  const certOnly = path.join(dir, 'cert-only.pem');
  fs.writeFileSync(certOnly, fs.readFileSync(path.join(dir, 'tandem-app.crt')));
  expect(() => graphConfig(certOnly)).toThrow(/GRAPH_CERTIFICATE_PATH must hold a certificate and its private key/);
});

it('signs in to Graph with the registered certificate', async () => {
  const graph = createGraphClient(graphConfig(appPem), { fetch: fake.fetch });
  expect(await managerChain(graph, 'oid-ann')).toEqual(['oid-grace']);
  const tokenRequest = fake.tokenRequests().at(-1)!;
  expect(tokenRequest.body).toContain('client_assertion=');
  expect(tokenRequest.body).not.toContain('client_secret');
});

it('is refused with a certificate the app does not have registered, without leaking the key', async () => {
  const graph = createGraphClient(graphConfig(strangerPem), { fetch: fake.fetch });
  const failure: unknown = await managerChain(graph, 'oid-ann').catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(GraphError);
  expect(failure).toMatchObject({ status: 401, code: 'invalid_client' });
  expect((failure as GraphError).message).not.toContain('PRIVATE KEY');
});
