/**
 * What the matching cards show, as plain values: services turn rows into these,
 * so the card builders never see the database and can be tested alone.
 */

export type MatchRole = 'mentor' | 'mentee';

export interface ProposalView {
  proposalId: string;
  programName: string;
  menteeName: string;
  /** e.g. "Senior · Engineering", may be empty */
  menteeRole: string;
  menteeGoals: string;
  /** already worded for the mentor, largest first */
  reasons: string[];
  score: number;
  /** formatted day, e.g. "24 November 2026" */
  expiresOn: string;
  /** who asked: the mentee chose this mentor, an admin paired them, or the algorithm proposed */
  source: 'mentee-choice' | 'admin' | 'algorithm';
}

export interface MentorOptionView {
  mentorPersonId: string;
  name: string;
  role: string;
  score: number;
  reasons: string[];
}

export interface MentorOptionsView {
  programId: string;
  programName: string;
  options: MentorOptionView[];
}

export interface MentorRequestedView {
  mentorName: string;
  /** formatted day */
  expiresOn: string;
}

export interface MatchStatusView {
  programName: string;
  relationships: {
    relationshipId: string;
    otherName: string;
    myRole: MatchRole;
    /** worded, e.g. "Rapport building" */
    stage: string;
    /** formatted day */
    since: string;
  }[];
  pending: { proposalId: string; otherName: string; myRole: MatchRole; expiresOn: string }[];
  canFindMentor: boolean;
  programId: string;
}

export interface EndRelationshipConfirmView {
  relationshipId: string;
  otherName: string;
  myRole: MatchRole;
}

export interface RelationshipEndedView {
  otherName: string;
  /** formatted day */
  endedOn: string;
  rematching: boolean;
}

export interface MatchMadeView {
  otherName: string;
  myRole: MatchRole;
  programName: string;
  reasons: string[];
  introPrompt: boolean;
}

/** Markdown list in one TextBlock: Teams separates list items with "\r". */
export function bulletList(items: string[]): string {
  return items.map((item) => `- ${item}`).join('\r');
}

/** Scores are 0 to 100; people read whole numbers. */
export function matchScoreText(score: number): string {
  const shown = Math.min(100, Math.max(0, Math.round(score)));
  return `Match score ${shown} of 100`;
}

/** "Ann Lee · Senior · Engineering", leaving out a role we do not know. */
export function menteeLine(view: Pick<ProposalView, 'menteeName' | 'menteeRole'>): string {
  return [view.menteeName, view.menteeRole].filter((part) => part.trim() !== '').join(' · ');
}
