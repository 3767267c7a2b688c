import type { EnrollmentStatus, Participant, RegistrationRole } from '../../api/adminTypes';

export const roleWords: Record<RegistrationRole, string> = { mentor: 'Mentor', mentee: 'Mentee', both: 'Mentor and mentee' };
export const statusWords: Record<EnrollmentStatus, string> = { active: 'Active', paused: 'Paused', withdrawn: 'Withdrawn' };

/** Who they are matched with, or what they wait for. */
export function matchWords(p: Participant): string {
  const parts: string[] = [];
  if (p.mentor) parts.push(`Mentored by ${p.mentor.name}`);
  if (p.mentees.length > 0) parts.push(`Mentors ${p.mentees.map((m) => m.name).join(', ')}`);
  if (parts.length === 0 && p.pending.length > 0) parts.push(`Proposed: ${p.pending.map((x) => x.otherName).join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : 'Not matched';
}
