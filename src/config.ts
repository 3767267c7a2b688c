/**
 * Configuration from the environment, validated once at start-up: a missing
 * or malformed setting stops the app with a message naming the variable.
 * With nothing set, Tandem runs locally: anonymous bot, embedded database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The tenant the Microsoft 365 Agents Playground puts every local conversation in. */
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());

const environment = z
  .object({
    NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
    PORT: z.preprocess(blankAsUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
    HOST: z.preprocess(blankAsUndefined, z.string().default('0.0.0.0')),
    DATA_DIR: z.preprocess(blankAsUndefined, z.string().default('./.data')),
    DATABASE_URL: optional(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string'),
    ),
    MicrosoftAppId: optional(z.string().uuid('must be the bot’s Entra application (client) id')),
    MicrosoftAppPassword: optional(z.string()),
    MicrosoftAppTenantId: optional(z.string().uuid('must be the Entra tenant id')),
    MicrosoftAppType: z.preprocess(
      blankAsUndefined,
      z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    ),
    LOCAL_TENANT_ID: z.preprocess(blankAsUndefined, z.string().default(PLAYGROUND_TENANT_ID)),
    // Teams single sign-on for the tabs and /api/v1: the Entra app the tab asks tokens for
    // (the bot's app by default) and the host its Application ID URI names.
    AAD_APP_CLIENT_ID: optional(z.string().uuid('must be the tab’s Entra application (client) id')),
    PUBLIC_HOSTNAME: optional(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name such as tandem.contoso.com')),
    ENTRA_AUTHORITY_HOST: z.preprocess(blankAsUndefined, z.string().url().default('https://login.microsoftonline.com')),
    // Tenant admins: Entra object ids (or, locally, Teams user ids), comma-separated.
    TENANT_ADMINS: z.preprocess(blankAsUndefined, z.string().default('')),
    // Or an Entra group whose members are tenant admins (read from Graph; needs GRAPH_ENABLED=true).
    TENANT_ADMIN_GROUP: optional(z.string().uuid('must be the Entra group’s object id')),
    // Microsoft Graph with the app's own credentials (manager chain, free/busy, meetings). Off unless asked for.
    GRAPH_ENABLED: z.preprocess(blankAsUndefined, z.enum(['true', 'false']).default('false')),
    GRAPH_BASE_URL: z.preprocess(blankAsUndefined, z.string().url().default('https://graph.microsoft.com/v1.0')),
    // A PEM file with the app's certificate and its private key: Graph then signs in with it, not the secret.
    GRAPH_CERTIFICATE_PATH: optional(z.string()),
    // Proactive messages per second per tenant, from this instance (Teams allows about 30 per app per tenant;
    // with several instances give each its share).
    PROACTIVE_TENANT_RATE_PER_SECOND: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(1000).default(30)),
    LOG_LEVEL: z.preprocess(
      blankAsUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
  })
  .superRefine((env, ctx) => {
    const graphCredential = env.MicrosoftAppPassword || env.GRAPH_CERTIFICATE_PATH;
    if (env.GRAPH_ENABLED === 'true' && !(env.MicrosoftAppId && graphCredential && env.MicrosoftAppTenantId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['GRAPH_ENABLED'],
        message:
          'needs MicrosoftAppId, MicrosoftAppTenantId and MicrosoftAppPassword or GRAPH_CERTIFICATE_PATH (Graph uses the app’s credentials)',
      });
    }
    if (env.TENANT_ADMIN_GROUP && env.GRAPH_ENABLED !== 'true') {
      ctx.addIssue({ code: 'custom', path: ['TENANT_ADMIN_GROUP'], message: 'needs GRAPH_ENABLED=true (group membership is read from Microsoft Graph)' });
    }
    if (!env.MicrosoftAppId) return;
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: `is required for ${env.MicrosoftAppType}` });
    }
  });

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  bot:
    | { mode: 'anonymous'; localTenantId: string }
    | {
        mode: 'authenticated';
        appId: string;
        appPassword?: string;
        appTenantId?: string;
        appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
      };
  auth: {
    /** The Entra app tab tokens are issued for; undefined locally, where only the development sign-in works. */
    clientId?: string;
    publicHostname?: string;
    authorityHost: string;
    tenantAdmins: string[];
    /** An Entra group whose members are tenant admins too; membership comes from Graph. */
    tenantAdminGroup?: string;
  };
  graph:
    | { enabled: false }
    | {
        enabled: true;
        baseUrl: string;
        authorityHost: string;
        clientId: string;
        tenantId: string;
        /** One of the two: the client secret, or a certificate (preferred in production). */
        clientSecret?: string;
        clientCertificate?: ClientCertificate;
      };
  proactive: {
    /** Sends per second per tenant from this instance. */
    tenantRatePerSecond: number;
  };
  logLevel: string;
  production: boolean;
}

export interface ClientCertificate {
  privateKey: string;
  /** SHA-256 thumbprint of the certificate, hex, as Entra lists it. */
  thumbprintSha256: string;
}

export class ConfigError extends Error {}

/** Reads a PEM holding a certificate and its private key; a bad file stops the start with its name. */
function readClientCertificate(file: string): ClientCertificate {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`Invalid configuration: GRAPH_CERTIFICATE_PATH ${file} cannot be read`);
  }
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const privateKey = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (!certificate || !privateKey) {
    throw new ConfigError(`Invalid configuration: GRAPH_CERTIFICATE_PATH must hold a certificate and its private key (PEM)`);
  }
  const thumbprintSha256 = new crypto.X509Certificate(certificate).fingerprint256.replace(/:/g, '');
  return { privateKey, thumbprintSha256 };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.DATA_DIR) },
    bot: e.MicrosoftAppId
      ? {
          mode: 'authenticated',
          appId: e.MicrosoftAppId,
          appPassword: e.MicrosoftAppPassword,
          appTenantId: e.MicrosoftAppTenantId,
          appType: e.MicrosoftAppType,
        }
      : { mode: 'anonymous', localTenantId: e.LOCAL_TENANT_ID },
    auth: {
      clientId: e.AAD_APP_CLIENT_ID ?? e.MicrosoftAppId,
      publicHostname: e.PUBLIC_HOSTNAME,
      authorityHost: e.ENTRA_AUTHORITY_HOST,
      tenantAdmins: e.TENANT_ADMINS.split(',').map((id) => id.trim()).filter(Boolean),
      tenantAdminGroup: e.TENANT_ADMIN_GROUP,
    },
    graph:
      e.GRAPH_ENABLED === 'true'
        ? {
            enabled: true,
            baseUrl: e.GRAPH_BASE_URL,
            authorityHost: e.ENTRA_AUTHORITY_HOST,
            clientId: e.MicrosoftAppId!,
            tenantId: e.MicrosoftAppTenantId!,
            ...(e.GRAPH_CERTIFICATE_PATH
              ? { clientCertificate: readClientCertificate(e.GRAPH_CERTIFICATE_PATH) }
              : { clientSecret: e.MicrosoftAppPassword! }),
          }
        : { enabled: false },
    proactive: { tenantRatePerSecond: e.PROACTIVE_TENANT_RATE_PER_SECOND },
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
  };
}
