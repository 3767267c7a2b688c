/**
 * The Teams bot: every route in one list, in the order they are matched.
 * Text commands first, then card verbs, then the catch-alls.
 */
import {
  AdaptiveCardActionExecuteResponseType,
  Application,
  type TeamsAdapter,
} from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import type { BotDeps } from './deps';
import { TandemTurnState } from './turnState';
import { identifyPerson } from './routes/identifyPerson';
import { privateChatOnly } from './routes/privateChat';
import { welcomeOnInstall } from './routes/welcome';
import { chooseProgram, chooseRole, listPrograms, registerCommand, startRegistration } from './routes/register';
import { submitRegistration } from './routes/submitRegistration';
import { editRegistration, profileCommand, viewRegistration } from './routes/profile';
import { cancelWithdrawal, confirmWithdrawal, requestWithdrawal, withdrawCommand } from './routes/withdraw';
import { helpCommand } from './routes/help';
import { findMentorAction, findMentorCommand, requestMentor } from './routes/findMentor';
import { acceptProposal, declineProposal } from './routes/answerProposal';
import {
  cancelEndRelationship,
  confirmEndRelationship,
  matchesCommand,
  requestEndRelationship,
} from './routes/matches';
import { editRating, submitRating } from './routes/rateSession';
import {
  bookSlot,
  confirmCancelSession,
  confirmTime,
  findTime,
  keepSession,
  manualTime,
  proposeTime,
  requestCancelSession,
  rescheduleSession,
  scheduleCommand,
} from './routes/schedule';
import { unknownInvoke, unknownMessage } from './routes/fallback';

const command = (...words: string[]) => new RegExp(`^\\s*(${words.join('|')})\\s*[.!]?\\s*$`, 'i');

export function createBot(adapter: TeamsAdapter, deps: BotDeps): Application<TandemTurnState> {
  const app = new Application<TandemTurnState>({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new TandemTurnState(),
    // A clicked card changes for everyone who sees it, not only for the person who clicked.
    adaptiveCards: { actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_ALL },
  });

  app.turn('beforeTurn', identifyPerson(deps));
  app.turn('beforeTurn', privateChatOnly(deps));

  app.activity(ActivityTypes.InstallationUpdate, welcomeOnInstall(deps));
  app.conversationUpdate('membersAdded', welcomeOnInstall(deps));

  app.message(command('register', 'sign up', 'join'), registerCommand(deps));
  app.message(command('profile', 'my profile', 'my registration'), profileCommand(deps));
  app.message(command('withdraw', 'leave'), withdrawCommand(deps));
  app.message(command('find (a |me a )?mentor', 'match me'), findMentorCommand(deps));
  app.message(command('(my )?matches', 'my match', 'status', 'my mentor(ship)?s?'), matchesCommand(deps));
  app.message(command('schedule', 're-?schedule', 'my sessions?', 'sessions?'), scheduleCommand(deps));
  app.message(command('help', '\\?', 'hi', 'hello'), helpCommand);

  app.adaptiveCards.actionExecute('program.list', listPrograms(deps));
  app.adaptiveCards.actionExecute('program.choose', chooseProgram(deps));
  app.adaptiveCards.actionExecute('registration.start', startRegistration(deps));
  app.adaptiveCards.actionExecute('registration.chooseRole', chooseRole(deps));
  app.adaptiveCards.actionExecute('registration.submit', submitRegistration(deps));
  app.adaptiveCards.actionExecute('registration.edit', editRegistration(deps));
  app.adaptiveCards.actionExecute('registration.view', viewRegistration(deps));
  app.adaptiveCards.actionExecute('withdrawal.request', requestWithdrawal(deps));
  app.adaptiveCards.actionExecute('withdrawal.confirm', confirmWithdrawal(deps));
  app.adaptiveCards.actionExecute('withdrawal.cancel', cancelWithdrawal(deps));
  app.adaptiveCards.actionExecute('match.find', findMentorAction(deps));
  app.adaptiveCards.actionExecute('match.request', requestMentor(deps));
  app.adaptiveCards.actionExecute('proposal.accept', acceptProposal(deps));
  app.adaptiveCards.actionExecute('proposal.decline', declineProposal(deps));
  app.adaptiveCards.actionExecute('relationship.end.request', requestEndRelationship(deps));
  app.adaptiveCards.actionExecute('relationship.end.confirm', confirmEndRelationship(deps));
  app.adaptiveCards.actionExecute('relationship.end.cancel', cancelEndRelationship(deps));
  app.adaptiveCards.actionExecute('rating.submit', submitRating(deps));
  app.adaptiveCards.actionExecute('rating.edit', editRating(deps));

  app.adaptiveCards.actionExecute('slot.book', bookSlot(deps));
  app.adaptiveCards.actionExecute('session.find', findTime(deps));
  app.adaptiveCards.actionExecute('session.manual', manualTime(deps));
  app.adaptiveCards.actionExecute('session.propose', proposeTime(deps));
  app.adaptiveCards.actionExecute('session.confirm', confirmTime(deps));
  app.adaptiveCards.actionExecute('session.reschedule', rescheduleSession(deps));
  app.adaptiveCards.actionExecute('session.cancel', requestCancelSession(deps));
  app.adaptiveCards.actionExecute('session.cancelConfirm', confirmCancelSession(deps));
  app.adaptiveCards.actionExecute('session.keep', keepSession(deps));

  app.activity(ActivityTypes.Message, unknownMessage);
  app.activity(ActivityTypes.Invoke, unknownInvoke);

  return app;
}
