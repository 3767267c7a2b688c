import { eq } from 'drizzle-orm';
import type { Database } from '../../src/store/database';
import { conversationReferences } from '../../src/store/schema';
import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { useStore } from './fixtures';

describe.each(testDatabaseTargets)('people on $name', (target) => {
  let database: Database;
  let store: Store;
  const tenantId = 'tenant-a';

  useStore(target, async (opened, openedDatabase) => {
    store = opened;
    database = openedDatabase;
    await store.tenants.ensure(tenantId);
    await store.tenants.ensure('tenant-b');
  });

  it('keeps the stored name when a later event carries none, and fills the AAD id later', async () => {
    const first = await store.people.upsertSeen({ tenantId, teamsUserId: '29:ann', name: 'Ann Lee', timeZone: 'Europe/Paris' });
    expect(first).toMatchObject({ name: 'Ann Lee', aadObjectId: null, timeZone: 'Europe/Paris' });

    const install = await store.people.upsertSeen({ tenantId, teamsUserId: '29:ann', name: '  ', aadObjectId: 'aad-ann' });
    expect(install).toMatchObject({ id: first.id, name: 'Ann Lee', aadObjectId: 'aad-ann', timeZone: 'Europe/Paris' });

    const later = await store.people.upsertSeen({ tenantId, teamsUserId: '29:ann', locale: 'fr-FR' });
    expect(later).toMatchObject({ id: first.id, name: 'Ann Lee', aadObjectId: 'aad-ann', locale: 'fr-FR' });

    const renamed = await store.people.upsertSeen({ tenantId, teamsUserId: '29:ann', name: 'Ann Lee-Park' });
    expect(renamed).toMatchObject({ id: first.id, name: 'Ann Lee-Park', aadObjectId: 'aad-ann' });
  });

  it('names someone first seen without a name "Colleague"', async () => {
    expect(await store.people.upsertSeen({ tenantId, teamsUserId: '29:nameless' })).toMatchObject({ name: 'Colleague' });
  });

  it('keeps the same Teams user apart in two tenants', async () => {
    const a = await store.people.upsertSeen({ tenantId, teamsUserId: '29:shared', name: 'In A' });
    const b = await store.people.upsertSeen({ tenantId: 'tenant-b', teamsUserId: '29:shared', name: 'In B' });
    expect(b.id).not.toBe(a.id);
    expect(await store.people.get(tenantId, b.id)).toBeUndefined();
    expect((await store.people.get(tenantId, a.id))?.name).toBe('In A');
  });

  it('welcomes a person once per conversation, and again after forgetting', async () => {
    const person = await store.people.upsertSeen({ tenantId, teamsUserId: '29:bo', name: 'Bo' });
    expect(await store.people.markWelcomed('tenant-b', person.id, 'a:chat-1')).toBe(false);
    const results = await Promise.all([
      store.people.markWelcomed(tenantId, person.id, 'a:chat-1'),
      store.people.markWelcomed(tenantId, person.id, 'a:chat-1'),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await store.people.markWelcomed(tenantId, person.id, 'a:chat-1')).toBe(false);
    expect((await store.people.get(tenantId, person.id))?.welcomedConversationId).toBe('a:chat-1');
    expect(await store.people.markWelcomed(tenantId, person.id, 'a:chat-2')).toBe(true);

    await store.people.forgetWelcome(tenantId, person.id);
    expect(await store.people.markWelcomed(tenantId, person.id, 'a:chat-2')).toBe(true);
  });

  it('keeps the latest conversation, and saving it again clears unreachableAt', async () => {
    const person = await store.people.upsertSeen({ tenantId, teamsUserId: '29:cy', name: 'Cy' });
    const conversation = (id: string) => ({
      conversationId: id,
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelId: 'msteams',
      reference: { conversation: { id } },
    });
    await store.people.saveConversation(tenantId, person.id, conversation('a:1'));
    expect(await store.people.getConversation(tenantId, person.id)).toMatchObject({
      conversationId: 'a:1',
      unreachableAt: null,
      reference: { conversation: { id: 'a:1' } },
    });

    // The bot was uninstalled: proactive sends marked the chat unreachable.
    await database.db
      .update(conversationReferences)
      .set({ unreachableAt: new Date() })
      .where(eq(conversationReferences.personId, person.id));
    expect((await store.people.getConversation(tenantId, person.id))?.unreachableAt).toBeInstanceOf(Date);

    await store.people.saveConversation(tenantId, person.id, conversation('a:2'));
    expect(await store.people.getConversation(tenantId, person.id)).toMatchObject({
      conversationId: 'a:2',
      unreachableAt: null,
      reference: { conversation: { id: 'a:2' } },
    });
    expect(await store.people.getConversation('tenant-b', person.id)).toBeUndefined();
  });
});
