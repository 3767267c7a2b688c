import template from './templates/role-choice.json';
import { roles, roleTitles } from '../../src/domain/roles';
import type { Program } from '../../src/store/repositories/programs';
import { renderCard, type AdaptiveCard } from './render';

/** Step one of registration: the role decides which questions the form asks. */
export function roleChoiceCard(program: Program): AdaptiveCard {
  return renderCard(template, {
    programId: program.id,
    programName: program.name,
    programDescription: program.description,
    roles: roles.map((role) => ({ role, title: roleTitles[role] })),
  });
}
