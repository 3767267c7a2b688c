import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import type { Person } from '../../src/store/repositories/people';
import type { AdaptiveCard } from '../cards/render';
import { welcomeCard } from '../cards/welcomeCard';
import { welcomeProgramsCard } from '../cards/welcomeProgramsCard';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';

const GROUP_INTRODUCTION = (programNames: string[]) =>
  `Hello everyone, I'm Tandem: I run ${programNames.length === 1 ? programNames[0] : 'mentoring programs'} here in Teams. ` +
  'Type "register" here, or message me directly, and I\'ll take it from there in a private chat.';

/** The welcome for the programs open now: straight to the one, or to the choice among several; none when nothing is open. */
export async function welcomeCardFor(deps: BotDeps, person: Person): Promise<AdaptiveCard | undefined> {
  const open = await deps.registration.openPrograms(person.tenantId);
  const [only, ...others] = open;
  if (!only) return undefined;
  if (others.length === 0) return welcomeCard({ personName: person.name, programId: only.id, programName: only.name });
  return welcomeProgramsCard({ personName: person.name, programNames: open.map((p) => p.name) });
}

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

    const open = await deps.registration.openPrograms(person.tenantId);
    if (open.length === 0) return;
    if (activity.conversation.conversationType !== 'personal') {
      // A group gets a one-line introduction; registering happens 1:1.
      if (activity.type === 'installationUpdate') await context.sendActivity(GROUP_INTRODUCTION(open.map((p) => p.name)));
      return;
    }
    if (!(await deps.people.markWelcomed(person, activity.conversation.id))) return;
    const card = await welcomeCardFor(deps, person);
    if (card) await sendCard(context, card);
  };
}
