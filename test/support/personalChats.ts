/**
 * The 1:1 chat a person would have after installing the bot, made through the
 * store rather than through an install turn, for suites that only send
 * proactively: the proactive sender needs the saved reference to reach them.
 */
import type { Store } from '../../src/store/store';

/** Saves a person's 1:1 chat reference pointing at the fake connector; the chat's conversation id is `a:<teamsUserId>`. */
export async function savePersonalChat(
  store: Store,
  connector: { serviceUrl: string },
  tenantId: string,
  person: { id: string; teamsUserId: string; name?: string | null },
): Promise<string> {
  const conversationId = `a:${person.teamsUserId}`;
  await store.people.saveConversation(tenantId, person.id, {
    conversationId,
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    reference: {
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      conversation: { id: conversationId, conversationType: 'personal', tenantId },
      bot: { id: '28:tandem', name: 'Tandem' },
      user: { id: person.teamsUserId, name: person.name ?? undefined },
    },
  });
  return conversationId;
}
