import type { TurnContext } from 'botbuilder';
import { commands } from '../cards/helpCard';
import { answerUnhandledInvoke } from '../replies';

const known = commands.map((c) => `"${c.name}"`).join(', ');

/** Any other message gets a short, useful answer, never silence. */
export async function unknownMessage(context: TurnContext): Promise<void> {
  const text = context.activity.text?.trim();
  await context.sendActivity(
    text
      ? `Sorry, I did not understand "${text.length > 60 ? `${text.slice(0, 57)}...` : text}". I understand ${known}. Type "help" for what each does.`
      : `I can only read typed messages here. Try ${known}.`,
  );
}

/** A button from a card this version of Tandem no longer knows. */
export async function unknownInvoke(context: TurnContext): Promise<void> {
  await answerUnhandledInvoke(context, 'This button is no longer available. Type "help" to see what you can do.');
}
