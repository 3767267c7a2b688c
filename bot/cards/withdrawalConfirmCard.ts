import template from './templates/withdrawal-confirm.json';
import type { Program } from '../../src/store/repositories/programs';
import { renderCard, type AdaptiveCard } from './render';

export function withdrawalConfirmCard(program: Program): AdaptiveCard {
  return renderCard(template, { programId: program.id, programName: program.name });
}
