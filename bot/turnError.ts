import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { answerUnhandledInvoke } from './replies';

const SORRY = 'Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.';

/**
 * The last word on a turn that failed: logged without what the person typed,
 * and answered, so a message is never met with silence and a card click is
 * never left without the response Teams waits for.
 */
export function answerFailedTurn(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error({ err: error, activityType: context.activity.type, name: context.activity.name }, 'turn failed');
    try {
      if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        await answerUnhandledInvoke(context, SORRY);
      } else if (context.activity.type === ActivityTypes.Message) {
        await context.sendActivity(SORRY);
      }
    } catch (replyError) {
      logger.warn({ err: replyError }, 'could not tell the person about a failed turn');
    }
  };
}
