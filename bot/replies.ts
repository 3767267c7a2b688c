/** Small helpers for answering in chat and on cards. */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { cardMessage, type AdaptiveCard } from './cards/render';

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(cardMessage(card));
}

/**
 * Answers an invoke that no route handled. Teams retries an invoke that gets no
 * answer, so every invoke gets one, with a message for card buttons.
 */
export async function answerUnhandledInvoke(context: TurnContext, message: string): Promise<void> {
  const isCardAction = context.activity.name === 'adaptiveCard/action';
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: 200,
      body: isCardAction ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message } : {},
    },
  });
}
