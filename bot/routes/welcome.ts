import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import { welcomeCard } from '../cards/welcomeCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';

/**
 * Greets a person when they install the app. Teams sends both an
 * installationUpdate and a conversationUpdate for one install; the person is
 * greeted once per chat, and again after an uninstall and a new install.
 */
export function welcomeOnInstall(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const activity = context.activity;
    const person = currentPerson(state);
    if (activity.type === 'installationUpdate' && activity.action?.startsWith('remove')) {
      await deps.people.forgetWelcome(person);
      return;
    }
    const installed =
      activity.type === 'installationUpdate'
        ? activity.action === 'add' || activity.action === 'add-upgrade'
        : (activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id);
    if (!installed) return;

    const program = await deps.registration.currentProgram(person.tenantId);
    if (!program || !(await deps.people.markWelcomed(person, activity.conversation.id))) return;
    await sendCard(context, welcomeCard({ personName: person.name, programId: program.id, programName: program.name }));
  };
}
