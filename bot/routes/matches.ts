import type { TurnContext } from 'botbuilder';
import { stageTitles } from '../../src/domain/stages';
import type { MatchStatus } from '../../src/services/relationships';
import type { Person } from '../../src/store/repositories/people';
import type { Program } from '../../src/store/repositories/programs';
import type { BotDeps } from '../deps';
import { describeProblem, endRelationshipAction, relationshipAction } from '../cardData';
import { endRelationshipConfirmCard } from '../cards/endRelationshipConfirmCard';
import { matchStatusCard } from '../cards/matchStatusCard';
import { relationshipEndedCard } from '../cards/relationshipEndedCard';
import { formatDay, type AdaptiveCard } from '../cards/render';
import { sendCard } from '../replies';
import { currentPerson, type TandemTurnState } from '../turnState';
import { currentProgramOrReply, NOT_REGISTERED_ANYWHERE } from './lookups';

const NOT_YOURS = 'This mentorship is not one of yours, or it is no longer in Tandem. Type "my matches" to see yours.';

/**
 * `my matches`: who I am matched with, and what I am waiting on, one card per
 * program I take part in (a closed program's mentorships included).
 */
export function matchesCommand(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState): Promise<void> => {
    const person = currentPerson(state);
    let programs: Program[] = await deps.registration.programsInvolving(person);
    if (programs.length === 0) {
      const open = await deps.registration.openPrograms(person.tenantId);
      if (open.length > 1) {
        await context.sendActivity(NOT_REGISTERED_ANYWHERE);
        return;
      }
      const current = await currentProgramOrReply(context, deps, person);
      programs = current ? [current] : [];
    }
    for (const program of programs) {
      await sendCard(context, statusCard(await deps.relationships.status(person, program), person));
    }
  };
}

/** "End this mentorship": asks first, in place. */
export function requestEndRelationship(deps: BotDeps) {
  return async (_context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = relationshipAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const own = await deps.relationships.ownRelationship(currentPerson(state), parsed.data.relationshipId);
    if (!own) return NOT_YOURS;
    return endRelationshipConfirmCard({ relationshipId: own.relationship.id, otherName: own.otherName, myRole: own.myRole });
  };
}

/** "End mentorship": idempotent; a second click shows the same ended card. */
export function confirmEndRelationship(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = endRelationshipAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const person = currentPerson(state);
    const { relationshipId, endReason, rematch } = parsed.data;
    const result = await deps.relationships.end(person, relationshipId, endReason, rematch);
    if (result.kind === 'unknown') return NOT_YOURS;
    if (result.kind === 'ended' && result.rematching) {
      await context.sendActivity('We are looking for your next mentor now and will tell you here who we asked.');
    }
    return relationshipEndedCard({
      otherName: result.otherName,
      endedOn: formatDay(result.at, person.timeZone),
      rematching: result.kind === 'ended' && result.rematching,
    });
  };
}

/** "Keep it": back to the status card, nothing changed. */
export function cancelEndRelationship(deps: BotDeps) {
  return async (context: TurnContext, state: TandemTurnState, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = relationshipAction.safeParse(data);
    if (!parsed.success) return describeProblem(parsed.error);
    const person = currentPerson(state);
    const own = await deps.relationships.ownRelationship(person, parsed.data.relationshipId);
    const program = own && (await deps.registration.program(person.tenantId, own.relationship.programId));
    if (!program) return 'Nothing has changed.';
    return statusCard(await deps.relationships.status(person, program), person);
  };
}

function statusCard(status: MatchStatus, person: Person): AdaptiveCard {
  return matchStatusCard({
    programId: status.program.id,
    programName: status.program.name,
    canFindMentor: status.canFindMentor,
    relationships: status.relationships.map((r) => ({
      relationshipId: r.relationship.id,
      otherName: r.otherName,
      myRole: r.myRole,
      stage: stageTitles[r.relationship.stage],
      since: formatDay(r.relationship.startedAt, person.timeZone),
    })),
    pending: status.pending.map((p) => ({
      proposalId: p.proposalId,
      otherName: p.otherName,
      myRole: p.myRole,
      expiresOn: formatDay(p.expiresAt, person.timeZone),
    })),
  });
}
