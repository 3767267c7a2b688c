import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import { welcomeCard } from '../cards/welcomeCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';

const GROUP_INTRODUCTION = (programName: string) =>
  `Hello everyone, I'm Tandem: I run ${programName} here in Teams. ` +
  'Type "register" here, or message me directly, and I\'ll take it from there in a private chat.';

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
    if (!program) return;
    if (activity.conversation.conversationType !== 'personal') {
      // A group gets a one-line introduction; registering happens 1:1.
      if (activity.type === 'installationUpdate') await context.sendActivity(GROUP_INTRODUCTION(program.name));
      return;
    }
    if (!(await deps.people.markWelcomed(person, activity.conversation.id))) return;
    await sendCard(context, welcomeCard({ personName: person.name, programId: program.id, programName: program.name }));
  };
}
