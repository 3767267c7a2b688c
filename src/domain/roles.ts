export const roles = ['mentee', 'mentor', 'both'] as const;
export type Role = (typeof roles)[number];

export const roleTitles: Record<Role, string> = {
  mentee: 'Mentee: I want a mentor',
  mentor: 'Mentor: I want to mentor someone',
  both: 'Both: mentor someone and be mentored',
};

export const roleNames: Record<Role, string> = {
  mentee: 'mentee',
  mentor: 'mentor',
  both: 'mentor and mentee',
};

export function isMentor(role: Role): boolean {
  return role === 'mentor' || role === 'both';
}

export function isMentee(role: Role): boolean {
  return role === 'mentee' || role === 'both';
}
