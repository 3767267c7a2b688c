/**
 * A person at a Playground: the Playground plays one person, as one Teams
 * client does, so each person in an end-to-end test has a seat of their own
 * (a Playground and its conversation stream). Helpers to type, click and
 * register from a seat.
 */
import {
  actionOf,
  cardsOf,
  cardText,
  type AdaptiveCard,
  type CardElement,
  type ConversationStream,
  type Playground,
  type PlaygroundConfig,
} from './playground';

export interface Seat {
  playground: Playground;
  stream: ConversationStream;
  config: PlaygroundConfig;
  /** The person's 1:1 chat with the bot. */
  chat: string;
  id: string;
  name: string;
}

export async function seat(playground: Playground): Promise<Seat> {
  const config = await playground.config();
  return {
    playground,
    stream: await playground.stream(),
    config,
    chat: config.personalChat.id,
    id: config.currentUser.id,
    name: config.currentUser.name,
  };
}

/** Types in the person's 1:1 chat and waits for the card that answers. */
export async function say(who: Seat, text: string, expectCard: string | RegExp) {
  const since = who.stream.frames.length;
  await who.playground.say(who.chat, who.id, text);
  const frame = await who.stream.waitForCard(expectCard, { since });
  return { card: cardsOf(frame.message)[0]!, messageId: frame.message!.messageId };
}

/** Presses a card's button as the person; returns the card the bot answered with. */
export async function click(
  who: Seat,
  messageId: string,
  card: AdaptiveCard,
  predicate: (a: CardElement) => boolean,
  data: Record<string, unknown> = {},
): Promise<AdaptiveCard> {
  const action = actionOf(card, predicate, 'the button');
  const body = await who.playground.execute({
    conversationId: who.chat,
    from: who.id,
    replyToId: messageId,
    verb: action.verb!,
    data: { ...action.data, ...data },
  });
  return body.value as AdaptiveCard;
}

export async function registerAs(who: Seat, role: 'mentor' | 'mentee', answers: Record<string, string>): Promise<void> {
  const { card, messageId } = await say(who, 'register', 'How would you like to take part?');
  const form = await click(who, messageId, card, (a) => a.data?.role === role);
  const summary = await click(who, messageId, form, (a) => a.verb === 'registration.submit', answers);
  if (!cardText(summary).includes('You are registered')) throw new Error(`${who.name} was not registered: ${cardText(summary)}`);
}
