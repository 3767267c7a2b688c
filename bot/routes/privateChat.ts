import { TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { BotDeps } from '../deps';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { welcomeCardFor } from './welcome';

/**
 * Mentoring is personal, so Tandem talks in 1:1 chats only. A message in a
 * group chat or channel opens (or reuses) the person's 1:1 chat with the bot,
 * greets them there, and says so in the group; nothing else happens in public.
 * The new chat is kept, so proposals can reach them from then on.
 */
export function privateChatOnly(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<boolean> => {
    const activity = context.activity;
    if (activity.type !== 'message' || !activity.conversation || activity.conversation.conversationType === 'personal') {
      return true;
    }
    const person = currentPerson(state);
    const adapter = context.adapter as CloudAdapter;
    await adapter.createConversationAsync(
      deps.botAppId,
      activity.channelId,
      activity.serviceUrl,
      'https://api.botframework.com',
      {
        isGroup: false,
        bot: activity.recipient,
        members: [{ id: person.teamsUserId, name: person.name }],
        tenantId: person.tenantId,
        channelData: { tenant: { id: person.tenantId } },
        // Teams opens the chat without a first message; the welcome is sent into it below.
      } as ConversationParameters,
      async (privateContext) => {
        const { activityId: _none, ...reference } = TurnContext.getConversationReference(privateContext.activity);
        await deps.people.recordContact(
          { tenantId: person.tenantId, teamsUserId: person.teamsUserId },
          {
            conversationId: reference.conversation!.id,
            serviceUrl: reference.serviceUrl!,
            channelId: reference.channelId!,
            reference: reference as Partial<ConversationReference> as Record<string, unknown>,
          },
        );
        const welcome = await welcomeCardFor(deps, person);
        if (welcome) await sendCard(privateContext, welcome);
      },
    );
    await context.sendActivity(
      `Hi ${person.name.split(' ')[0]}, I've sent you a private message. Mentoring is personal, so let's talk 1:1 there.`,
    );
    return false;
  };
}
