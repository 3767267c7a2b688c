import type { TurnContext } from 'botbuilder';
import { helpCard } from '../cards/helpCard';
import { sendCard } from '../replies';

/** `help`: what the bot can do. */
export async function helpCommand(context: TurnContext): Promise<void> {
  await sendCard(context, helpCard());
}
