import { TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { BotDeps } from '../deps';
import type { TandemTurnState } from '../turnState';
import { answerUnhandledInvoke } from '../replies';

const NO_TENANT = 'Tandem works inside your organisation’s Microsoft Teams, and this message did not say which organisation it came from.';

/**
 * Runs before every route: resolves the tenant and the person, records them,
 * and keeps the 1:1 conversation for proactive messages. A turn without a
 * tenant ends here, answered, with nothing written.
 */
export function identifyPerson(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<boolean> => {
    const activity = context.activity;
    // Teams always names the tenant; only local clients such as the Bot Framework Emulator may not.
    const tenantId: string | undefined =
      activity.conversation?.tenantId ??
      activity.channelData?.tenant?.id ??
      (activity.channelId === 'msteams' ? undefined : deps.fallbackTenantId);
    const teamsUserId = activity.from?.id;
    if (!tenantId || !teamsUserId) {
      if (activity.type === 'invoke') await answerUnhandledInvoke(context, NO_TENANT);
      else if (activity.type === 'message') await context.sendActivity(NO_TENANT);
      return false;
    }

    const personal = activity.conversation?.conversationType === 'personal';
    const member = await memberOnInstall(context);
    state.temp.person = await deps.people.recordContact(
      {
        tenantId,
        teamsUserId,
        aadObjectId: activity.from.aadObjectId,
        name: activity.from.name ?? member?.name,
        email: member?.email,
        timeZone: activity.localTimezone,
        locale: activity.locale,
      },
      personal
        ? {
            conversationId: activity.conversation.id,
            serviceUrl: activity.serviceUrl,
            channelId: activity.channelId,
            reference: conversationReference(activity),
          }
        : undefined,
    );
    return true;
  };
}

/**
 * Where to reach the person later. The id of the message that happened to
 * carry it is left out: it changes every turn and a proactive send needs none.
 */
function conversationReference(activity: Activity): Record<string, unknown> {
  const { activityId: _messageSpecific, ...reference } = TurnContext.getConversationReference(activity);
  return reference;
}

/**
 * Install events carry no display name; ask Teams for the member record so the
 * welcome can greet the person by name, and a mentee can name them as their
 * manager by email. Without an answer the greeting stays generic.
 */
async function memberOnInstall(context: TurnContext): Promise<{ name?: string; email?: string } | undefined> {
  const type = context.activity.type;
  if (type !== 'installationUpdate' && type !== 'conversationUpdate') return undefined;
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return { name: member.name, email: member.email ?? member.userPrincipalName };
  } catch {
    return undefined;
  }
}
