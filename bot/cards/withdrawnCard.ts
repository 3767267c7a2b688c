import template from './templates/withdrawn.json';
import type { Enrollment } from '../../src/store/repositories/enrollments';
import type { Program } from '../../src/store/repositories/programs';
import { formatDay, renderCard, type AdaptiveCard } from './render';

export function withdrawnCard(program: Program, enrollment: Enrollment, timeZone?: string | null): AdaptiveCard {
  return renderCard(template, {
    programId: program.id,
    programName: program.name,
    withdrawnOn: formatDay(enrollment.withdrawnAt ?? enrollment.updatedAt, timeZone),
  });
}
