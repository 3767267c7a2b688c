import { defaultProgram } from '../../src/domain/defaultProgram';
import type { SchedulingOutcome, SchedulingPair } from '../../src/services/scheduling';
import type { Session } from '../../src/store/repositories/sessions';
import type { SlotOffer } from '../../src/store/repositories/slotOffers';
import { outcomeCard, scheduleListCard } from '../../bot/cards/sessionOutcomeCard';
import type { AdaptiveCard } from '../../bot/cards/render';
import { cardProblems } from '../support/adaptiveCards';
import { actions, input, inputs, texts } from '../support/cards';

const created = new Date('2026-03-01T08:00:00Z');
const pair: SchedulingPair = {
  tenantId: 'tenant',
  program: { ...defaultProgram, id: '6f9c1b9e-8d7a-4a57-9a6e-0d1b2c3d4e5f', tenantId: 'tenant', createdAt: created, updatedAt: created },
  relationship: {
    id: '11111111-1111-4111-8111-111111111111',
    tenantId: 'tenant',
    programId: '6f9c1b9e-8d7a-4a57-9a6e-0d1b2c3d4e5f',
    mentorPersonId: 'mia',
    menteePersonId: 'ann',
    proposalId: null,
    stage: 'rapport-building',
    status: 'active',
    startedAt: created,
    endedAt: null,
    endReason: null,
    mentorFirstContactAt: null,
    createdAt: created,
  },
  mentor: { personId: 'mia', name: 'Mia Chen', role: 'mentor', timeZone: 'Europe/London', aadObjectId: 'a', email: null },
  mentee: { personId: 'ann', name: 'Ann Lee', role: 'mentee', timeZone: 'Asia/Kolkata', aadObjectId: 'b', email: null },
};

const session: Session = {
  id: '22222222-2222-4222-8222-222222222222',
  tenantId: 'tenant',
  relationshipId: pair.relationship.id,
  startsAt: new Date('2026-03-03T14:00:00Z'),
  endsAt: new Date('2026-03-03T15:00:00Z'),
  status: 'scheduled',
  organizerPersonId: 'mia',
  calendarEventId: 'event-1',
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  proposedByPersonId: null,
  attendance: {},
  attendanceCheckedAt: null,
  cancelledAt: null,
  createdAt: created,
  updatedAt: created,
};

const offer: SlotOffer = {
  id: '33333333-3333-4333-8333-333333333333',
  tenantId: 'tenant',
  relationshipId: pair.relationship.id,
  reason: 'match',
  slots: [
    { startsAt: '2026-03-03T10:00:00.000Z', endsAt: '2026-03-03T11:00:00.000Z' },
    { startsAt: '2026-03-04T09:30:00.000Z', endsAt: '2026-03-04T10:30:00.000Z' },
    { startsAt: '2026-03-05T13:00:00.000Z', endsAt: '2026-03-05T14:00:00.000Z' },
  ],
  status: 'open',
  rescheduleSessionId: null,
  sessionId: null,
  bookedByPersonId: null,
  bookedAt: null,
  createdAt: created,
};

const card = (outcome: SchedulingOutcome) => outcomeCard(outcome) as AdaptiveCard;

const every: [string, AdaptiveCard][] = [
  ['slot offer', card({ kind: 'offer', pair, viewer: 'ann', offer, note: 'That time is no longer free.' })],
  ['booked', card({ kind: 'booked', pair, viewer: 'mia', session })],
  ['booked without a meeting', card({ kind: 'booked', pair, viewer: 'mia', session: { ...session, joinUrl: null, calendarEventId: null } })],
  ['manual', card({ kind: 'manual', pair, viewer: 'ann' })],
  ['manual with an error', card({ kind: 'manual', pair, viewer: 'ann', error: 'That time has passed.', values: { date: '2026-03-01', time: '09:00' } })],
  ['proposed', card({ kind: 'proposed', pair, viewer: 'ann', session: { ...session, status: 'proposed', proposedByPersonId: 'ann' } })],
  ['confirm', card({ kind: 'confirm', pair, viewer: 'mia', session: { ...session, status: 'proposed', proposedByPersonId: 'ann' } })],
  ['cancel confirmation', card({ kind: 'cancel-confirm', pair, viewer: 'mia', session })],
  ['cancelled', card({ kind: 'cancelled', pair, viewer: 'ann', session: { ...session, status: 'cancelled' } })],
  ['schedule list', scheduleListCard({ viewer: 'ann', timeZone: 'Asia/Kolkata', pairs: [{ pair, sessions: [session] }, { pair, sessions: [] }] })],
  ['empty schedule list', scheduleListCard({ viewer: 'ann', timeZone: 'Asia/Kolkata', pairs: [] })],
];

describe.each(every)('the %s card', (_name, built) => {
  it('parses as Adaptive Card 1.5 with no problems and every expression filled in', () => {
    expect(built.version).toBe('1.5');
    expect(cardProblems(built)).toEqual([]);
    expect(JSON.stringify(built)).not.toContain('${');
  });

  it('gives every Action.Execute a verb', () => {
    for (const a of actions(built).filter((a) => a.type === 'Action.Execute')) expect(a.verb).toMatch(/^(slot|session)\.[a-zA-Z]+$/);
  });
});

describe('scheduling cards', () => {
  it("show each slot in the reader's own time zone, and book it by its start", () => {
    const forAnn = card({ kind: 'offer', pair, viewer: 'ann', offer });
    const forMia = card({ kind: 'offer', pair, viewer: 'mia', offer });
    const slotTitles = (c: AdaptiveCard) => actions(c).filter((a) => a.verb === 'slot.book').map((a) => a.title);
    // 10:00 UTC is 15:30 in Kolkata and 10:00 in London (GMT in early March).
    expect(slotTitles(forAnn)).toEqual(['Tue 3 Mar, 15:30', 'Wed 4 Mar, 15:00', 'Thu 5 Mar, 18:30']);
    expect(slotTitles(forMia)).toEqual(['Tue 3 Mar, 10:00', 'Wed 4 Mar, 09:30', 'Thu 5 Mar, 13:00']);
    expect(actions(forAnn).find((a) => a.verb === 'slot.book')!.data).toEqual({ offerId: offer.id, startsAt: offer.slots[0]!.startsAt });
    expect(actions(forAnn).find((a) => a.verb === 'session.manual')!.data).toEqual({ relationshipId: pair.relationship.id });
    expect(texts(forAnn).join('\n')).toMatch(/Asia\/Kolkata/);
  });

  it('offer Reschedule and Cancel on a booked session, and the meeting link', () => {
    const booked = card({ kind: 'booked', pair, viewer: 'ann', session });
    expect(texts(booked)).toContain('Tuesday 3 March, 19:30–20:30');
    expect(actions(booked).map((a) => a.verb ?? a.type)).toEqual(['session.reschedule', 'session.cancel', 'Action.OpenUrl']);
    const cancelled = card({ kind: 'booked', pair, viewer: 'ann', session: { ...session, status: 'cancelled' } });
    expect(actions(cancelled).filter((a) => a.type === 'Action.Execute')).toEqual([]);
  });

  it('ask for a date and a time in the proposer’s zone and keep what they typed beside the error', () => {
    const form = card({ kind: 'manual', pair, viewer: 'ann', error: 'That time has passed.', values: { date: '2026-03-01', time: '09:00' }, replacesSessionId: session.id });
    expect(input(form, 'date')).toMatchObject({ type: 'Input.Date', value: '2026-03-01' });
    expect(input(form, 'time')).toMatchObject({ type: 'Input.Time', value: '09:00', label: 'Start time (Asia/Kolkata)' });
    expect(texts(form)).toContain('That time has passed.');
    expect(actions(form).find((a) => a.verb === 'session.propose')!.data).toEqual({ relationshipId: pair.relationship.id, replacesSessionId: session.id });
    expect(inputs(card({ kind: 'confirm', pair, viewer: 'mia', session }))).toEqual([]);
  });
});
