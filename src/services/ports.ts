/**
 * What the use cases need from the outside world, as interfaces: the bot
 * implements the notifier, pg-boss the scheduler, Graph or the questionnaire
 * the directory. Tests and main.ts plug in the concrete pieces.
 */
import type { MatchReasons } from '../domain/matchRuns';
import type { ProposalSource } from '../store/repositories/matchProposals';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who is above a person in their reporting line, nearest first, as Tandem person ids. */
export interface Directory {
  reportingLines(tenantId: string, people: DirectoryPerson[]): Promise<Map<string, Set<string>>>;
}

export interface DirectoryPerson {
  personId: string;
  aadObjectId: string | null;
  name: string;
  email: string | null;
  /** The person's answer to the questionnaire's manager question, when it has one. */
  managerAnswer?: string;
}

export interface ProposalExpiryScheduler {
  scheduleProposalExpiry(job: { tenantId: string; proposalId: string }, at: Date): Promise<void>;
}

/** A proposal as the people it concerns are told about it. */
export interface ProposalNotice {
  tenantId: string;
  proposalId: string;
  programName: string;
  source: ProposalSource;
  mentorPersonId: string;
  mentorName: string;
  menteePersonId: string;
  menteeName: string;
  /** e.g. "Senior · Engineering" from the mentee's answers; may be empty. */
  menteeRole: string;
  menteeGoals: string;
  reasons: MatchReasons;
  score: number;
  expiresAt: Date;
  /** For dates on cards: each person's time zone from their answers. */
  mentorTimeZone: string | null;
  menteeTimeZone: string | null;
}

/** Proactive messages about matching, sent by the bot to people's 1:1 chats. */
export interface MatchNotifier {
  /** The proposal card with Accept and Decline, to the mentor. */
  proposalToMentor(notice: ProposalNotice): Promise<void>;
  /** Replaces the mentor's proposal card with its final state when it ends without a click (expiry, withdrawal). */
  proposalEnded(notice: ProposalNotice, outcome: 'expired' | 'closed', at: Date): Promise<void>;
  /** Tells the mentee their mentor did not answer in time or declined, and whether another was asked. */
  menteeProposalLapsed(
    notice: ProposalNotice,
    outcome: 'expired' | 'declined',
    next: { mentorName: string } | null,
  ): Promise<void>;
  /** Both people, on accept; the mentor is asked to introduce themselves. */
  matchMade(notice: ProposalNotice): Promise<void>;
  /** The other person, when someone ends a relationship. */
  relationshipEnded(tenantId: string, toPersonId: string, byName: string): Promise<void>;
}
