/**
 * Rows for the fan-out benchmark, inserted in bulk: tenants with their default
 * program, people in pairs (a mentor and a mentee in one tenant), each with a
 * 1:1 chat reference pointing at the local connector, a relationship per pair,
 * and sessions for every pair at one start time.
 */
import { defaultProgram } from '../src/domain/defaultProgram';
import type { Db } from '../src/store/database';
import { conversationReferences, people, relationships, sessions } from '../src/store/schema';
import type { Session } from '../src/store/repositories/sessions';
import type { Store } from '../src/store/store';

const CHUNK = 1_000;

export interface SeededPair {
  tenantId: string;
  relationshipId: string;
}

export const benchTenantId = (i: number) => `bench-tenant-${i}`;
/** Conversation ids name their tenant, so the connector can apply the tenant's limit: `a:<tenant>:<person>`. */
export const tenantOfConversation = (conversationId: string) => conversationId.split(':')[1] ?? 'unknown';

async function inChunks<T, R>(rows: T[], insert: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(...(await insert(rows.slice(i, i + CHUNK))));
  return out;
}

export async function seedPairs(db: Db, store: Store, options: { tenants: number; pairs: number; serviceUrl: string }): Promise<SeededPair[]> {
  const programIds: string[] = [];
  for (let t = 0; t < options.tenants; t++) {
    await store.tenants.ensure(benchTenantId(t));
    programIds.push((await store.programs.ensure(benchTenantId(t), defaultProgram)).id);
  }
  const personRows = Array.from({ length: options.pairs * 2 }, (_, i) => ({
    tenantId: benchTenantId(Math.floor(i / 2) % options.tenants),
    teamsUserId: `29:bench-${i}`,
    name: `${i % 2 === 0 ? 'Mentor' : 'Mentee'} ${Math.floor(i / 2)}`,
    timeZone: 'Europe/Berlin',
  }));
  const inserted = await inChunks(personRows, (chunk) =>
    db.insert(people).values(chunk).returning({ id: people.id, tenantId: people.tenantId, teamsUserId: people.teamsUserId }),
  );
  await inChunks(inserted, async (chunk) => {
    await db.insert(conversationReferences).values(
      chunk.map((p) => {
        const conversationId = `a:${p.tenantId}:${p.teamsUserId}`;
        return {
          personId: p.id,
          tenantId: p.tenantId,
          conversationId,
          serviceUrl: options.serviceUrl,
          channelId: 'msteams',
          reference: {
            channelId: 'msteams',
            serviceUrl: options.serviceUrl,
            conversation: { id: conversationId, conversationType: 'personal', tenantId: p.tenantId },
            bot: { id: '28:tandem-bench', name: 'Tandem' },
            user: { id: p.teamsUserId },
          },
        };
      }),
    );
    return [];
  });
  const pairRows = Array.from({ length: options.pairs }, (_, k) => {
    const tenant = k % options.tenants;
    return {
      tenantId: benchTenantId(tenant),
      programId: programIds[tenant]!,
      mentorPersonId: inserted[2 * k]!.id,
      menteePersonId: inserted[2 * k + 1]!.id,
      stage: 'rapport-building' as const,
      status: 'active' as const,
    };
  });
  const pairs = await inChunks(pairRows, (chunk) =>
    db.insert(relationships).values(chunk).returning({ tenantId: relationships.tenantId, relationshipId: relationships.id }),
  );
  return pairs;
}

export async function bookSessions(db: Db, pairs: SeededPair[], startsAt: Date): Promise<Session[]> {
  return inChunks(pairs, (chunk) =>
    db
      .insert(sessions)
      .values(
        chunk.map((p) => ({
          tenantId: p.tenantId,
          relationshipId: p.relationshipId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3_600_000),
          status: 'scheduled' as const,
        })),
      )
      .returning(),
  );
}
