/** The words for a program's settings, shared by the list and the form. */
import type { MatchingMode, ProgramShape, ProgramType } from '../../api/adminTypes';

export const programTypeWords: Record<ProgramType, string> = {
  'one-to-one': 'One-to-one',
  group: 'Group',
  peer: 'Peer',
  reverse: 'Reverse',
  flash: 'Flash',
};

export const shapeWords: Record<ProgramShape, string> = {
  cohort: 'Cohort (runs between two dates)',
  evergreen: 'Evergreen (always open)',
};

export const matchingModeWords: Record<MatchingMode, string> = {
  algorithm: 'Tandem proposes matches (admins review and publish)',
  'mentee-choice': 'Mentees choose from suggested mentors',
  admin: 'Admins pair people by hand',
};
