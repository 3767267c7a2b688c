/** The typed state of one turn: who is talking, resolved before any route runs. */
import { TurnState, type DefaultConversationState, type DefaultTempState, type DefaultUserState } from '@microsoft/teams-ai';
import type { Person } from '../src/store/repositories/people';

export interface TandemTempState extends DefaultTempState {
  person?: Person;
}

export class TandemTurnState extends TurnState<DefaultConversationState, DefaultUserState, TandemTempState> {}

export function currentPerson(state: TandemTurnState): Person {
  const person = state.temp.person;
  // identifyPerson runs before every route and ends the turn when it cannot tell who this is.
  if (!person) throw new Error('No person on this turn');
  return person;
}
