/**
 * Who administers every program of the tenant: people named in configuration
 * (TENANT_ADMINS, checked when the token is) and, when TENANT_ADMIN_GROUP is
 * set, the members of that Entra group, read from Microsoft Graph with the
 * app's token. Answers are cached briefly, so a busy admin tab does not ask
 * Graph on every request, and a change in the group shows within minutes.
 *
 * Graph failing (throttled, down, permission not granted) means "not an admin
 * by group" for a short while: the admin tab then says no, with a reason, and
 * the failure is logged. It never turns into a 500.
 */
import type { Request } from 'restify';
import type { Logger } from 'pino';
import type { GraphClient } from '../graph/graphClient';
import { GraphError } from '../graph/graphError';
import type { Clock } from '../services/ports';
import type { Caller } from './caller';

export type TenantAdminSource = 'configuration' | 'group';

/** A caller of the admin API, with how (if at all) they are a tenant admin. */
export interface AdminCaller extends Caller {
  tenantAdminVia: TenantAdminSource | null;
}

export interface TenantAdminGroup {
  /** The Entra group whose members are tenant admins. */
  groupId: string;
  /** The tenant the group lives in: the app's own; callers of other tenants are never in it. */
  tenantId: string;
  graph: GraphClient;
}

export interface TenantAdminOptions {
  group?: TenantAdminGroup;
  logger: Logger;
  clock: Clock;
  /** How long an answer from Graph is trusted. */
  cacheSeconds?: number;
  /** How long a Graph failure is remembered before Graph is asked again. */
  failureCacheSeconds?: number;
}

export interface TenantAdmins {
  /** How the caller is a tenant admin, or null. */
  sourceFor(caller: Caller): Promise<TenantAdminSource | null>;
  /** Wraps the API's authenticator: the caller comes back with `isTenantAdmin` settled, the group included. */
  authenticator(authenticate: (req: Request) => Promise<Caller>): (req: Request) => Promise<AdminCaller>;
}

export function createTenantAdmins(options: TenantAdminOptions): TenantAdmins {
  const { group, logger, clock } = options;
  const cacheMs = (options.cacheSeconds ?? 300) * 1000;
  const failureMs = (options.failureCacheSeconds ?? 30) * 1000;
  const cache = new Map<string, { member: boolean; until: number }>();

  async function inGroup(objectId: string): Promise<boolean> {
    if (!group) return false;
    const now = clock.now().getTime();
    const cached = cache.get(objectId);
    if (cached && cached.until > now) return cached.member;
    try {
      // checkMemberGroups is transitive: members of nested groups count too.
      const answer = await group.graph.post<{ value?: string[] }>(`/users/${encodeURIComponent(objectId)}/checkMemberGroups`, {
        groupIds: [group.groupId],
      });
      const member = (answer.value ?? []).some((id) => id.toLowerCase() === group.groupId.toLowerCase());
      cache.set(objectId, { member, until: now + cacheMs });
      return member;
    } catch (error) {
      if (error instanceof GraphError && error.status === 404) {
        // Not a user of this directory (a guest's home object, say): not a member.
        cache.set(objectId, { member: false, until: now + cacheMs });
        return false;
      }
      logger.warn(
        { err: error instanceof GraphError ? { status: error.status, code: error.code } : String(error), groupId: group.groupId },
        'tenant admin group membership could not be read; treating the caller as not a tenant admin by group',
      );
      cache.set(objectId, { member: false, until: now + failureMs });
      return false;
    }
  }

  async function sourceFor(caller: Caller): Promise<TenantAdminSource | null> {
    if (caller.isTenantAdmin) return 'configuration';
    if (!group || !caller.aadObjectId || caller.tenantId !== group.tenantId) return null;
    return (await inGroup(caller.aadObjectId)) ? 'group' : null;
  }

  return {
    sourceFor,
    authenticator(authenticate) {
      return async (req) => {
        const caller = await authenticate(req);
        const via = await sourceFor(caller);
        return { ...caller, isTenantAdmin: via !== null, tenantAdminVia: via };
      };
    },
  };
}
