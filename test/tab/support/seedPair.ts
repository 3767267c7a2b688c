/**
 * A mentoring pair made through the real store, the way matching would leave
 * it: a tenant with its default program, a mentor and a mentee enrolled, their
 * relationship, a held session in the past (with an agenda item) and a
 * scheduled one ahead with a Teams join link.
 */
import { defaultProgram } from '../../../src/domain/defaultProgram';
import type { Store } from '../../../src/store/store';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export interface SeededPair {
  tenantId: string;
  relationshipId: string;
  mentor: { id: string; name: string };
  mentee: { id: string; name: string };
  upcomingSessionId: string;
  pastSessionId: string;
  joinUrl: string;
}

export async function seedTabPair(store: Store, tenantId: string, label: string, now = Date.now()): Promise<SeededPair> {
  await store.tenants.ensure(tenantId);
  const program = await store.programs.ensure(tenantId, defaultProgram);
  const mentor = await store.people.upsertSeen({ tenantId, teamsUserId: `29:mentor-${label}`, name: `Mia Mentor ${label}` });
  const mentee = await store.people.upsertSeen({ tenantId, teamsUserId: `29:mentee-${label}`, name: `Max Mentee ${label}` });
  await store.enrollments.saveIfRevision(
    { tenantId, programId: program.id, personId: mentor.id, role: 'mentor', answers: {}, mentorCapacity: 2 },
    0,
  );
  await store.enrollments.saveIfRevision(
    { tenantId, programId: program.id, personId: mentee.id, role: 'mentee', answers: {}, mentorCapacity: null },
    0,
  );
  const relationship = await store.relationships.create({
    tenantId,
    programId: program.id,
    mentorPersonId: mentor.id,
    menteePersonId: mentee.id,
  });
  const joinUrl = `https://teams.microsoft.com/l/meetup-join/${label}`;
  const session = (startsAt: number, status: 'scheduled' | 'held', link: string | null) =>
    store.sessions.create({
      tenantId,
      relationshipId: relationship.id,
      startsAt: new Date(startsAt),
      endsAt: new Date(startsAt + HOUR),
      status,
      organizerPersonId: mentor.id,
      joinUrl: link,
    });
  const past = await session(now - 7 * DAY, 'held', null);
  await store.sessions.addAgendaItem(tenantId, past.id, mentor.id, 'How the first month went');
  const upcoming = await session(now + 2 * DAY, 'scheduled', joinUrl);
  return {
    tenantId,
    relationshipId: relationship.id,
    mentor: { id: mentor.id, name: mentor.name ?? '' },
    mentee: { id: mentee.id, name: mentee.name ?? '' },
    upcomingSessionId: upcoming.id,
    pastSessionId: past.id,
    joinUrl,
  };
}
