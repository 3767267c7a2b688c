/**
 * Nudges, from the cron sweep ('nudge-sweep'):
 * - no session: an active pair with nothing booked ahead whose last session
 *   (or, never having met, whose start) is a full cadence ago. Both people
 *   are nudged, and the pair is flagged 'no-session' for the admins.
 * - no first contact: FIRST_CONTACT_DAYS after the match the mentor has not
 *   made a first move (relationships.mentorFirstContactAt), and the pair has
 *   neither met nor booked anything. The mentor is nudged, and the pair is
 *   flagged 'no-first-contact'.
 *
 * Each nudge goes once per occasion: its delivery key names the occasion
 * (the gap after one particular session, or the match), and the sender sends
 * a key once. A flag is raised once per occasion by its key. Nobody is
 * nudged outside their working hours: that person is skipped and the next
 * sweep inside their hours sends it; the flag does not wait.
 *
 * An admin can also nudge a pair at risk by hand (`nudgePair`): both people
 * get the no-session card now, once per pair per (UTC) day, audited. The
 * working-hours rule holds here too: someone outside their hours is not sent
 * it, and the answer says from when they can be (the admin nudges again
 * then; that day's key still sends only once). Nothing is scheduled for
 * later, so an admin never nudges someone behind their back hours after
 * looking at the dashboard.
 */
import { displayTimeZone } from '../domain/profileSummary';
import { FIRST_CONTACT_DAYS, defaultWorkingHours } from '../domain/sessions';
import { isWithinWorkingHours, nextWorkingMoment } from '../domain/workingHours';
import type { PairFlagReason } from '../store/repositories/pairFlags';
import type { Program } from '../store/repositories/programs';
import type { NudgeCandidate, Relationship } from '../store/repositories/relationships';
import type { Store } from '../store/store';
import type { Clock } from './ports';

const DAY = 24 * 3600_000;

export type NudgeKind = 'no-session' | 'no-first-contact';

/** One nudge to one person. */
export interface NudgeNotice {
  kind: NudgeKind;
  tenantId: string;
  personId: string;
  relationshipId: string;
  programName: string;
  myRole: 'mentor' | 'mentee';
  partnerName: string;
  cadenceDays: number;
  /** When the pair last met; null when they never have. */
  lastSessionAt: Date | null;
  /** The person's time zone, for dates on the card. */
  timeZone: string;
}

/** Sends a nudge card to the person's 1:1 chat, once per `deliveryKey`. */
export interface NudgeNotifier {
  nudge(notice: NudgeNotice, deliveryKey: string): Promise<void>;
}

export interface SweepReport {
  /** Delivery keys handed to the notifier this sweep (the sender drops keys it already sent). */
  offered: string[];
  /** Delivery keys held back because it is outside the person's working hours. */
  deferred: string[];
  /** Keys of the flags raised this sweep. */
  flagged: string[];
}

/** What became of one person's card when an admin nudged their pair. */
export interface PairNudgePerson {
  personId: string;
  name: string;
  role: 'mentor' | 'mentee';
  /**
   * sent: delivered now; already-sent: earlier today; outside-working-hours: not sent;
   * undeliverable: Teams could not take it (no chat with the bot, or it failed), now or earlier today.
   */
  outcome: 'sent' | 'already-sent' | 'outside-working-hours' | 'undeliverable';
  /** When outside their working hours: the next moment they are inside them. */
  workingHoursFrom: Date | null;
}

export type PairNudgeResult =
  | { kind: 'nudged'; relationshipId: string; day: string; people: PairNudgePerson[] }
  | { kind: 'unknown-pair' }
  | { kind: 'not-active'; status: string }
  | { kind: 'booked-ahead' };

export interface NudgeDeps {
  store: Store;
  notifier: NudgeNotifier;
  clock: Clock;
}

export type NudgeService = ReturnType<typeof createNudgeService>;

export function createNudgeService(deps: NudgeDeps) {
  const { store, clock } = deps;

  async function recipient(tenantId: string, relationship: Relationship, personId: string) {
    const [person, enrollment] = await Promise.all([
      store.people.get(tenantId, personId),
      store.enrollments.find(tenantId, relationship.programId, personId),
    ]);
    if (!person) return undefined;
    return { person, timeZone: displayTimeZone(enrollment?.answers, person.timeZone) };
  }

  async function raise(
    tenantId: string,
    relationship: Relationship,
    reason: PairFlagReason,
    key: string,
    report: SweepReport,
  ): Promise<void> {
    await store.transaction(async (tx) => {
      const flag = await tx.pairFlags.raise({ tenantId, relationshipId: relationship.id, reason, key, raisedAt: clock.now() });
      if (!flag) return;
      await tx.auditLog.record({
        tenantId,
        actorPersonId: null,
        action: 'pair.flagged',
        targetType: 'relationship',
        targetId: relationship.id,
        details: { flagId: flag.id, reason },
      });
      report.flagged.push(key);
    });
  }

  function noticeFor(
    kind: NudgeKind,
    relationship: Relationship,
    personId: string,
    partnerName: string | undefined,
    program: { programName: string; cadenceDays: number },
    lastSessionAt: Date | null,
    timeZone: string,
  ): NudgeNotice {
    return {
      kind,
      tenantId: relationship.tenantId,
      personId,
      relationshipId: relationship.id,
      programName: program.programName,
      myRole: relationship.mentorPersonId === personId ? 'mentor' : 'mentee',
      partnerName: partnerName ?? 'your partner',
      cadenceDays: program.cadenceDays,
      lastSessionAt,
      timeZone,
    };
  }

  async function nudge(
    candidate: NudgeCandidate,
    kind: NudgeKind,
    personIds: string[],
    occasion: string,
    report: SweepReport,
  ): Promise<void> {
    const { relationship } = candidate;
    const now = clock.now();
    for (const personId of personIds) {
      const to = await recipient(relationship.tenantId, relationship, personId);
      if (!to) continue;
      const key = `nudge:${kind}:${relationship.id}:${occasion}:${personId}`;
      if (!isWithinWorkingHours(now, defaultWorkingHours(to.timeZone))) {
        report.deferred.push(key);
        continue;
      }
      const isMentor = relationship.mentorPersonId === personId;
      const partner = await store.people.get(
        relationship.tenantId,
        isMentor ? relationship.menteePersonId : relationship.mentorPersonId,
      );
      await deps.notifier.nudge(
        noticeFor(kind, relationship, personId, partner?.name, candidate, candidate.lastSession?.startsAt ?? null, to.timeZone),
        key,
      );
      report.offered.push(key);
    }
  }

  return {
    /**
     * An admin's nudge of one of the program's active pairs: the no-session
     * card to both people, unless something is booked ahead (the card would
     * say nothing is). Per person, once per UTC day (its delivery key names
     * the day); audited when someone is sent a card.
     */
    async nudgePair(program: Program, relationshipId: string, byPersonId: string): Promise<PairNudgeResult> {
      const { tenantId } = program;
      const relationship = await store.relationships.get(tenantId, relationshipId);
      if (!relationship || relationship.programId !== program.id) return { kind: 'unknown-pair' };
      if (relationship.status !== 'active') return { kind: 'not-active', status: relationship.status };
      const now = clock.now();
      const sessions = await store.sessions.listForRelationship(tenantId, relationship.id);
      // The same reading of "last met" and "booked ahead" as the sweep's candidates.
      if (sessions.some((s) => (s.status === 'scheduled' || s.status === 'proposed') && s.startsAt > now)) return { kind: 'booked-ahead' };
      const lastMet = sessions
        .filter((s) => (s.status === 'held' || s.status === 'scheduled') && s.startsAt <= now)
        .reduce<Date | null>((latest, s) => (latest && latest >= s.startsAt ? latest : s.startsAt), null);
      const day = now.toISOString().slice(0, 10);
      const ids = [relationship.mentorPersonId, relationship.menteePersonId];
      const names = new Map((await Promise.all(ids.map((id) => store.people.get(tenantId, id)))).flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
      const people: PairNudgePerson[] = [];
      for (const personId of ids) {
        const to = await recipient(tenantId, relationship, personId);
        if (!to) continue;
        const role = relationship.mentorPersonId === personId ? 'mentor' : 'mentee';
        const base = { personId, name: to.person.name, role, workingHoursFrom: null } as const;
        const key = `nudge:admin:${relationship.id}:${day}:${personId}`;
        const delivered = async () => {
          const record = await store.notifications.getDelivery(tenantId, key);
          return record && (record.status === 'sent' || record.status === 'sending' ? 'sent' : 'undeliverable');
        };
        const earlier = await delivered();
        if (earlier) {
          people.push({ ...base, outcome: earlier === 'sent' ? 'already-sent' : 'undeliverable' });
          continue;
        }
        const hours = defaultWorkingHours(to.timeZone);
        if (!isWithinWorkingHours(now, hours)) {
          people.push({ ...base, outcome: 'outside-working-hours', workingHoursFrom: nextWorkingMoment(now, hours) });
          continue;
        }
        const partnerName = names.get(role === 'mentor' ? relationship.menteePersonId : relationship.mentorPersonId);
        const notice = noticeFor('no-session', relationship, personId, partnerName, { programName: program.name, cadenceDays: program.cadenceDays }, lastMet, to.timeZone);
        await deps.notifier.nudge(notice, key);
        // The sender records what became of it, and never throws for a person it cannot reach.
        people.push({ ...base, outcome: (await delivered()) ?? 'undeliverable' });
      }
      const sent = people.filter((p) => p.outcome === 'sent').map((p) => p.personId);
      if (sent.length > 0) {
        await store.auditLog.record({
          tenantId,
          actorPersonId: byPersonId,
          action: 'pair.nudge',
          targetType: 'relationship',
          targetId: relationship.id,
          details: { programId: program.id, sentTo: sent, day },
        });
      }
      return { kind: 'nudged', relationshipId: relationship.id, day, people };
    },

    async sweep(): Promise<SweepReport> {
      const report: SweepReport = { offered: [], deferred: [], flagged: [] };
      const now = clock.now();
      for (const tenant of await store.tenants.list()) {
        for (const candidate of await store.relationships.listNudgeCandidates(tenant.id, now)) {
          const { relationship } = candidate;
          if (noSessionDue(candidate, now)) {
            const occasion = candidate.lastSession?.id ?? 'none';
            await raise(tenant.id, relationship, 'no-session', `no-session:${relationship.id}:${occasion}`, report);
            await nudge(candidate, 'no-session', [relationship.menteePersonId, relationship.mentorPersonId], occasion, report);
          }
          if (firstContactDue(candidate, now)) {
            await raise(tenant.id, relationship, 'no-first-contact', `no-first-contact:${relationship.id}`, report);
            await nudge(candidate, 'no-first-contact', [relationship.mentorPersonId], 'match', report);
          }
        }
      }
      return report;
    },
  };
}

/** A full cadence since the pair last met (or started) and nothing booked ahead. */
export function noSessionDue(candidate: NudgeCandidate, now: Date): boolean {
  if (candidate.bookedAhead) return false;
  const since = candidate.lastSession?.startsAt ?? candidate.relationship.startedAt;
  return now.getTime() >= since.getTime() + candidate.cadenceDays * DAY;
}

/** FIRST_CONTACT_DAYS after the match, with no first move by the mentor and nothing met or booked. */
export function firstContactDue(candidate: NudgeCandidate, now: Date): boolean {
  const { relationship } = candidate;
  if (relationship.mentorFirstContactAt !== null || candidate.lastSession || candidate.bookedAhead) return false;
  return now.getTime() >= relationship.startedAt.getTime() + FIRST_CONTACT_DAYS * DAY;
}
