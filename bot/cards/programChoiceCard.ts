import template from './templates/program-choice.json';
import type { MatchingMode, ProgramType } from '../../src/domain/program';
import { roleNames } from '../../src/domain/roles';
import type { ProgramOffer } from '../../src/services/registration';
import type { Program } from '../../src/store/repositories/programs';
import { formatDay, renderCard, type AdaptiveCard } from './render';

const typeWords: Record<ProgramType, string> = {
  'one-to-one': 'One-to-one mentoring',
  group: 'Group mentoring',
  peer: 'Peer mentoring: colleagues at a similar level',
  reverse: 'Reverse mentoring: junior colleagues mentor senior ones',
  flash: 'Flash mentoring: one-off conversations',
};

/** Said from the participant's side: what happens after they register. */
const matchingWords: Record<MatchingMode, string> = {
  'mentee-choice': 'Mentees choose their mentor from suggestions',
  algorithm: 'Tandem suggests matches and the program admins confirm them',
  admin: 'The program admins pair people',
};

/** "1 March 2027 to 30 June 2027", or "Ongoing" for an evergreen program. */
export function programRuns(program: Pick<Program, 'shape' | 'startsOn' | 'endsOn'>): string {
  const day = (d: string) => formatDay(new Date(`${d}T00:00:00Z`), 'UTC');
  if (program.startsOn && program.endsOn) return `${day(program.startsOn)} to ${day(program.endsOn)}`;
  if (program.startsOn) return `From ${day(program.startsOn)}`;
  if (program.endsOn) return `Until ${day(program.endsOn)}`;
  return program.shape === 'evergreen' ? 'Ongoing, join at any time' : 'Dates to be announced';
}

/**
 * `register` when several programs are open: each with what a person needs to
 * pick one, and which they are already in. A pick continues to the role choice.
 */
export function programChoiceCard(offers: ProgramOffer[]): AdaptiveCard {
  return renderCard(template, {
    count: offers.length,
    programs: offers.map(({ program, enrollment }) => {
      const registered = enrollment !== undefined && enrollment.status !== 'withdrawn';
      return {
        programId: program.id,
        name: program.name,
        description: program.description,
        hasDescription: program.description.trim() !== '',
        typeWords: typeWords[program.type],
        runs: programRuns(program),
        matchingWords: matchingWords[program.matchingMode],
        registered,
        roleName: enrollment ? roleNames[enrollment.role] : '',
        buttonTitle: registered ? 'Change my registration' : `Register for ${program.name}`,
      };
    }),
  });
}
