import { graphCalendar } from '../../src/graph/calendar';
import { createGraphClient, type GraphRetryPolicy } from '../../src/graph/graphClient';
import { CalendarError, type Calendar, type CalendarPerson } from '../../src/services/ports';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';

let fake: FakeGraph;
/** Every wait the client asked for between retries; nothing actually sleeps. */
const waits: number[] = [];

const ids = {
  ada: '7f1c0c1e-0000-4000-8000-00000000a0a0',
  grace: '7f1c0c1e-0000-4000-8000-00000000b0b0',
  linus: '7f1c0c1e-0000-4000-8000-00000000c0c0',
};
const TENANT = 'tenant-1';

/** The mentor, as Teams gave them (with a mail address). */
const ada: CalendarPerson = { personId: 'person-ada', name: 'Ada Lovelace', aadObjectId: ids.ada, email: 'ada.lovelace@contoso.com' };
/** The mentee, whose address Teams did not give: the calendar looks it up. */
const grace: CalendarPerson = { personId: 'person-grace', name: 'Grace Hopper', aadObjectId: ids.grace, email: null };
/** In the directory with a user principal name only. */
const linus: CalendarPerson = { personId: 'person-linus', name: 'Linus Torvalds', aadObjectId: ids.linus, email: null };

beforeAll(async () => {
  fake = await startFakeGraph();
  fake.addUser({ id: ids.ada, displayName: 'Ada Lovelace', mail: 'Ada.Lovelace@contoso.com', userPrincipalName: 'ada@contoso.onmicrosoft.com' });
  fake.addUser({ id: ids.grace, displayName: 'Grace Hopper', mail: 'Grace.Hopper@contoso.com', userPrincipalName: 'grace@contoso.onmicrosoft.com' });
  fake.addUser({ id: ids.linus, displayName: 'Linus Torvalds', mail: null, userPrincipalName: 'linus@contoso.onmicrosoft.com' });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.splice(0);
  waits.length = 0;
});

function calendarWith(retry: Partial<GraphRetryPolicy> = {}, options: { tenantId?: string } = {}): Calendar {
  const graph = createGraphClient(fake.settings, {
    fetch: fake.fetch,
    retry: { delaySeconds: 0.5, ...retry },
    wait: async (seconds) => void waits.push(seconds),
  });
  return graphCalendar(graph, options);
}

async function calendarFailure(promise: Promise<unknown>): Promise<CalendarError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CalendarError);
  return error as CalendarError;
}

const at = (iso: string) => new Date(iso);
const span = (start: string, end: string) => ({ start: at(start), end: at(end) });
const statuses = () => fake.graphRequests().map((r) => r.status);
const bodyOf = (index: number) => JSON.parse(fake.graphRequests()[index]!.body) as Record<string, unknown>;

describe('availability', () => {
  it("merges each person's blocking times within the window and maps their working hours", async () => {
    // Monday 2 and Tuesday 3 March 2026.
    fake.addBusy(ids.ada, '2026-03-01T23:00:00Z', '2026-03-02T00:30:00Z', 'busy'); // starts before the window
    fake.addBusy(ids.ada, '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 'busy');
    fake.addBusy(ids.ada, '2026-03-02T09:30:00Z', '2026-03-02T11:00:00Z', 'tentative');
    fake.addBusy(ids.ada, '2026-03-02T15:00:00Z', '2026-03-02T16:00:00Z', 'free');
    fake.addBusy(ids.ada, '2026-03-02T16:00:00Z', '2026-03-02T17:00:00Z', 'workingElsewhere');
    fake.addBusy('ada@contoso.onmicrosoft.com', '2026-03-03T13:00:00Z', '2026-03-03T14:00:00Z', 'oof');
    fake.addBusy(ids.grace, '2026-03-02T10:30:00Z', '2026-03-02T11:30:00Z', 'busy');
    fake.addBusy(ids.grace, '2026-03-05T10:00:00Z', '2026-03-05T11:00:00Z', 'busy'); // after the window
    fake.setWorkingHours(ids.grace, {
      daysOfWeek: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'],
      startTime: '09:30:00.0000000',
      endTime: '18:00:00.0000000',
      timeZone: { name: 'Arabian Standard Time' },
    });

    const availability = await calendarWith().availability(TENANT, [ada, grace], span('2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z'));

    expect(availability.get(ada.personId)).toEqual({
      busy: [
        span('2026-03-02T00:00:00Z', '2026-03-02T00:30:00Z'),
        span('2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z'),
        span('2026-03-03T13:00:00Z', '2026-03-03T14:00:00Z'),
      ],
      // The fake's default: Monday to Friday, 8 to 5, "Pacific Standard Time".
      workingHours: { timeZone: 'America/Los_Angeles', days: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '17:00' },
    });
    expect(availability.get(grace.personId)).toEqual({
      busy: [span('2026-03-02T10:30:00Z', '2026-03-02T11:30:00Z')],
      workingHours: { timeZone: 'Asia/Dubai', days: [0, 1, 2, 3, 4], startTime: '09:30', endTime: '18:00' },
    });

    const [lookup, schedule] = fake.graphRequests();
    expect([lookup!.method, lookup!.path, lookup!.query]).toEqual(['GET', `/users/${ids.grace}`, { $select: 'mail,userPrincipalName' }]);
    expect([schedule!.method, schedule!.path]).toEqual(['POST', `/users/${ids.ada}/calendar/getSchedule`]);
    expect(schedule!.headers.prefer).toBe('outlook.timezone="UTC"');
    expect(JSON.parse(schedule!.body)).toEqual({
      schedules: ['ada.lovelace@contoso.com', 'Grace.Hopper@contoso.com'],
      startTime: { dateTime: '2026-03-02T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-03-04T00:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    });
  });

  it('falls back to the user principal name, and gives no working hours it cannot place in a zone', async () => {
    fake.setWorkingHours(ids.linus, {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { '@odata.type': '#microsoft.graph.customTimeZone', name: 'Customized Time Zone' } as { name: string },
    });

    const availability = await calendarWith().availability(TENANT, [linus], span('2026-04-06T00:00:00Z', '2026-04-07T00:00:00Z'));

    expect(availability.get(linus.personId)).toEqual({ busy: [], workingHours: null });
    expect(bodyOf(1).schedules).toEqual(['linus@contoso.onmicrosoft.com']);
  });

  it('gives null working hours for a mailbox without them', async () => {
    fake.addUser({ id: 'no-hours', mail: 'nohours@contoso.com' });
    fake.setWorkingHours('no-hours', null);
    const person: CalendarPerson = { personId: 'person-nohours', name: 'No Hours', aadObjectId: 'no-hours', email: 'nohours@contoso.com' };

    const availability = await calendarWith().availability(TENANT, [person], span('2026-04-06T00:00:00Z', '2026-04-07T00:00:00Z'));

    expect(availability.get(person.personId)?.workingHours).toBeNull();
  });

  it('reads the coarse availability view of a mailbox that shares no items', async () => {
    fake.addUser({ id: 'partner-id', mail: 'kim@partner.example' });
    fake.shareAvailabilityOnly('kim@partner.example');
    fake.addBusy('partner-id', '2026-04-06T10:10:00Z', '2026-04-06T10:40:00Z', 'busy');
    fake.addBusy('partner-id', '2026-04-06T14:00:00Z', '2026-04-06T15:00:00Z', 'workingElsewhere');
    const kim: CalendarPerson = { personId: 'person-kim', name: 'Kim Partner', aadObjectId: 'partner-id', email: 'kim@partner.example' };

    const availability = await calendarWith().availability(TENANT, [kim], span('2026-04-06T08:00:00Z', '2026-04-06T18:00:00Z'));

    // 30-minute slots from the window's start: 10:00–10:30 and 10:30–11:00 are taken.
    expect(availability.get(kim.personId)?.busy).toEqual([span('2026-04-06T10:00:00Z', '2026-04-06T11:00:00Z')]);
  });

  it('shows a booked meeting as busy for the organiser and the invitee, until the invitee declines', async () => {
    const calendar = calendarWith();
    const booked = await calendar.createMeeting(TENANT, ada, {
      subject: 'Mentoring: Ada and Grace',
      bodyHtml: '<p>Agenda</p>',
      start: at('2026-05-04T15:00:00Z'),
      end: at('2026-05-04T16:00:00Z'),
      attendees: [ada, grace],
    });
    const window = span('2026-05-04T00:00:00Z', '2026-05-05T00:00:00Z');
    const meeting = [span('2026-05-04T15:00:00Z', '2026-05-04T16:00:00Z')];

    const before = await calendar.availability(TENANT, [ada, grace], window);
    fake.respond(booked.eventId, 'grace.hopper@contoso.com', 'declined');
    const after = await calendar.availability(TENANT, [ada, grace], window);

    expect(before.get(ada.personId)?.busy).toEqual(meeting);
    expect(before.get(grace.personId)?.busy).toEqual(meeting);
    expect(after.get(ada.personId)?.busy).toEqual(meeting);
    expect(after.get(grace.personId)?.busy).toEqual([]);
  });

  it('fails as not-found, naming the person, when Graph cannot resolve an address', async () => {
    const stranger: CalendarPerson = { personId: 'person-x', name: 'Sam Stranger', aadObjectId: 'x', email: 'sam@elsewhere.example' };

    const error = await calendarFailure(calendarWith().availability(TENANT, [ada, stranger], span('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')));

    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('Sam Stranger');
    expect(error.message).toContain('Unable to resolve e-mail address');
  });

  it('fails as not-found when a person is not in the directory', async () => {
    const gone: CalendarPerson = { personId: 'person-gone', name: 'Gone Person', aadObjectId: 'gone-id', email: null };

    const error = await calendarFailure(calendarWith().availability(TENANT, [gone], span('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')));

    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error.message).toContain('Gone Person');
    expect(fake.graphRequests().map((r) => r.path)).toEqual(['/users/gone-id']);
  });

  it('refuses people of another tenant without calling Graph', async () => {
    const error = await calendarFailure(
      calendarWith({}, { tenantId: fake.settings.tenantId }).availability('another-tenant', [ada], span('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')),
    );

    expect(error.kind).toBe('forbidden');
    expect(fake.requests).toHaveLength(0);
  });

  it('rejects a window that ends before it starts', async () => {
    const error = await calendarFailure(calendarWith().availability(TENANT, [ada], span('2026-03-03T00:00:00Z', '2026-03-02T00:00:00Z')));

    expect(error.kind).toBe('invalid');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('meetings', () => {
  const subject = 'Mentoring: Ada and Grace';
  const bodyHtml = '<h2>Agenda</h2><ul><li>Introductions</li></ul>';

  it('books a Teams meeting in the organiser calendar with the other person invited, in UTC', async () => {
    const booked = await calendarWith().createMeeting(TENANT, ada, {
      subject,
      bodyHtml,
      start: at('2026-03-05T15:00:00Z'),
      end: at('2026-03-05T16:00:00Z'),
      attendees: [ada, grace],
    });

    const create = fake.graphRequests().find((r) => r.method === 'POST')!;
    expect(create.path).toBe(`/users/${ids.ada}/events`);
    const sent = JSON.parse(create.body) as Record<string, unknown>;
    expect(sent).toEqual({
      subject,
      body: { contentType: 'html', content: bodyHtml },
      start: { dateTime: '2026-03-05T15:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-05T16:00:00', timeZone: 'UTC' },
      attendees: [{ type: 'required', emailAddress: { address: 'Grace.Hopper@contoso.com', name: 'Grace Hopper' } }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      responseRequested: true,
      transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const stored = fake.event(booked.eventId);
    expect(stored).toBeDefined();
    expect(booked.joinUrl).toBe(stored!.onlineMeeting!.joinUrl);
    expect(booked.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(create.status).toBe(201);
  });

  it('does not book twice when the answer to the create is lost and the request is retried', async () => {
    const eventsBefore = fake.events().length;
    fake.failNext(`/users/${ids.ada}/events`, { status: 504, afterHandling: true });

    const booked = await calendarWith().createMeeting(TENANT, ada, {
      subject,
      bodyHtml,
      start: at('2026-03-09T15:00:00Z'),
      end: at('2026-03-09T16:00:00Z'),
      attendees: [ada, grace],
    });

    const creates = fake.graphRequests().filter((r) => r.method === 'POST');
    expect(creates.map((r) => r.status)).toEqual([504, 201]);
    expect(JSON.parse(creates[1]!.body).transactionId).toBe(JSON.parse(creates[0]!.body).transactionId);
    expect(fake.events()).toHaveLength(eventsBefore + 1);
    expect(fake.event(booked.eventId)?.start.dateTime).toBe('2026-03-09T15:00:00.0000000');
  });

  it('moves, reads responses (by address in any case) and cancels a meeting', async () => {
    const calendar = calendarWith();
    const { eventId } = await calendar.createMeeting(TENANT, ada, {
      subject,
      bodyHtml,
      start: at('2026-03-12T15:00:00Z'),
      end: at('2026-03-12T16:00:00Z'),
      attendees: [ada, grace],
    });
    // Teams later gives Grace's address in lower case; the invitation carries the directory's spelling.
    const graceFromTeams: CalendarPerson = { ...grace, email: 'grace.hopper@contoso.com' };

    expect(await calendar.attendance(TENANT, ada, eventId, [ada, graceFromTeams])).toEqual({
      cancelled: false,
      responses: { [ada.personId]: 'organizer', [grace.personId]: 'none' },
    });
    fake.respond(eventId, 'GRACE.HOPPER@CONTOSO.COM', 'accepted');
    expect(await calendar.attendance(TENANT, ada, eventId, [ada, graceFromTeams])).toEqual({
      cancelled: false,
      responses: { [ada.personId]: 'organizer', [grace.personId]: 'accepted' },
    });

    fake.requests.splice(0);
    await calendar.moveMeeting(TENANT, ada, eventId, span('2026-03-13T09:00:00Z', '2026-03-13T10:00:00Z'));
    const [move] = fake.graphRequests();
    expect([move!.method, decodeURIComponent(move!.path), move!.status]).toEqual(['PATCH', `/users/${ids.ada}/events/${eventId}`, 200]);
    expect(JSON.parse(move!.body)).toEqual({
      start: { dateTime: '2026-03-13T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-13T10:00:00', timeZone: 'UTC' },
    });
    expect(fake.event(eventId)).toMatchObject({
      start: { dateTime: '2026-03-13T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-13T10:00:00.0000000', timeZone: 'UTC' },
    });
    // A new time is a new invitation: Grace has to answer again.
    expect((await calendar.attendance(TENANT, ada, eventId, [graceFromTeams])).responses).toEqual({ [grace.personId]: 'none' });

    fake.requests.splice(0);
    await calendar.cancelMeeting(TENANT, ada, eventId, 'Grace is on leave that week.');
    const [cancel] = fake.graphRequests();
    expect([cancel!.method, decodeURIComponent(cancel!.path), cancel!.status]).toEqual(['POST', `/users/${ids.ada}/events/${eventId}/cancel`, 202]);
    expect(JSON.parse(cancel!.body)).toEqual({ comment: 'Grace is on leave that week.' });
    expect((await calendar.attendance(TENANT, ada, eventId, [ada, graceFromTeams])).cancelled).toBe(true);
    expect(fake.graphRequests()[1]!.query).toEqual({ $select: 'attendees,isCancelled' });
  });

  it('counts an event deleted from the organiser calendar as cancelled', async () => {
    const calendar = calendarWith();
    const { eventId } = await calendar.createMeeting(TENANT, ada, {
      subject,
      bodyHtml,
      start: at('2026-03-16T15:00:00Z'),
      end: at('2026-03-16T16:00:00Z'),
      attendees: [ada, grace],
    });
    fake.deleteEvent(eventId);

    await expect(calendar.attendance(TENANT, ada, eventId, [ada, grace])).resolves.toEqual({ cancelled: true, responses: {} });
  });

  it('fails as not-found, without retrying, for an event Graph does not have', async () => {
    const error = await calendarFailure(calendarWith().moveMeeting(TENANT, ada, 'AAMkAGunknown=', span('2026-03-13T09:00:00Z', '2026-03-13T10:00:00Z')));

    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error.message).toContain('ErrorItemNotFound');
    expect(statuses()).toEqual([404]);
    expect(waits).toEqual([]);
  });
});

describe('Graph failures', () => {
  const window = span('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z');
  const schedulePath = `/users/${ids.ada}/calendar/getSchedule`;

  it('drops an expired token, fetches a new one and retries once', async () => {
    const calendar = calendarWith();
    await calendar.availability(TENANT, [ada], window);
    fake.expireTokens();

    await expect(calendar.availability(TENANT, [ada], window)).resolves.toBeInstanceOf(Map);

    expect(fake.tokenRequests().map((r) => r.status)).toEqual([200, 200]);
    const calls = fake.graphRequests();
    expect(calls.map((r) => r.status)).toEqual([200, 401, 200]);
    expect(calls[1]!.headers.authorization).toBe(calls[0]!.headers.authorization);
    expect(calls[2]!.headers.authorization).not.toBe(calls[1]!.headers.authorization);
  });

  it('gives up when Graph refuses the fresh token too', async () => {
    const calendar = calendarWith();
    const refused = { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' };
    fake.failNext(schedulePath, refused);
    fake.failNext(schedulePath, refused);

    const error = await calendarFailure(calendar.availability(TENANT, [ada], window));

    expect(error).toMatchObject({ kind: 'forbidden', status: 401 });
    expect(statuses()).toEqual([401, 401]);
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it('reports a 403 as forbidden, naming the missing permission, without retrying', async () => {
    fake.failNext(`/users/${ids.ada}/events`, { status: 403, code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' });

    const error = await calendarFailure(
      calendarWith().createMeeting(TENANT, ada, { subject: 's', bodyHtml: '', start: at('2026-03-05T15:00:00Z'), end: at('2026-03-05T16:00:00Z'), attendees: [ada] }),
    );

    expect(error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(error.message).toContain('Calendars.ReadWrite');
    expect(error.message).toContain('Access is denied');
    expect(statuses()).toEqual([403]);
    expect(waits).toEqual([]);
    const authorization = fake.graphRequests()[0]!.headers.authorization!;
    expect(error.message).not.toContain(authorization.replace(/^Bearer /, ''));
    expect(error.message).not.toContain(fake.settings.clientSecret);
  });

  it('waits out a 429 Retry-After, then succeeds', async () => {
    fake.failNext(schedulePath, { status: 429, retryAfterSeconds: 7 });

    await calendarWith().availability(TENANT, [ada], window);

    const calls = fake.graphRequests();
    expect(calls.map((r) => r.status)).toEqual([429, 200]);
    expect(calls[1]!.headers['retry-attempt']).toBe('1');
    expect(waits).toEqual([7]);
  });

  it('reports throttling that outlasts the retries as throttled', async () => {
    for (let i = 0; i < 3; i++) fake.failNext(schedulePath, { status: 429, retryAfterSeconds: 2 });

    const error = await calendarFailure(calendarWith({ maxRetries: 2 }).availability(TENANT, [ada], window));

    expect(error).toMatchObject({ kind: 'throttled', status: 429 });
    expect(statuses()).toEqual([429, 429, 429]);
    expect(waits).toEqual([2, 2]);
  });

  it('retries 500 and 502 with growing backoff, then succeeds', async () => {
    fake.failNext(schedulePath, { status: 500 });
    fake.failNext(schedulePath, { status: 502 });

    await calendarWith({ delaySeconds: 0.5 }).availability(TENANT, [ada], window);

    expect(statuses()).toEqual([500, 502, 200]);
    expect(waits).toHaveLength(2);
    // Half the base wait plus jitter, then twice that base.
    expect(waits[0]).toBeGreaterThanOrEqual(0.25);
    expect(waits[0]).toBeLessThanOrEqual(0.5);
    expect(waits[1]).toBeGreaterThanOrEqual(0.5);
    expect(waits[1]).toBeLessThanOrEqual(1);
  });

  it('fails as unavailable, with a clear message, when 5xx outlasts the retries', async () => {
    for (let i = 0; i < 4; i++) fake.failNext(schedulePath, { status: 503 });

    const error = await calendarFailure(calendarWith({ maxRetries: 3 }).availability(TENANT, [ada], window));

    expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(error.message).toBe(
      'Microsoft Graph kept failing after retries while trying to read free/busy (503 serviceNotAvailable: The service is temporarily unavailable for maintenance or is overloaded. You may repeat the request after a delay, the length of which may be specified in a Retry-After header.). Try again later.',
    );
    expect(statuses()).toEqual([503, 503, 503, 503]);
  });

  it('reports a 400 as invalid', async () => {
    fake.failNext(`/users/${ids.ada}/events/AAMkAGx=/cancel`, { status: 400, code: 'ErrorInvalidRequest', message: "Your request can't be completed. You need to be an organizer to cancel a meeting." });

    const error = await calendarFailure(calendarWith().cancelMeeting(TENANT, ada, 'AAMkAGx=', 'Sorry'));

    expect(error).toMatchObject({ kind: 'invalid', status: 400 });
    expect(error.message).toContain('You need to be an organizer');
    expect(statuses()).toEqual([400]);
  });

  it('reports wrong app credentials as forbidden without revealing the secret', async () => {
    const wrongSecret = 'wrong~Secret.value_0987654321';
    const graph = createGraphClient({ ...fake.settings, clientSecret: wrongSecret }, { fetch: fake.fetch });

    const error = await calendarFailure(graphCalendar(graph).availability(TENANT, [ada], window));

    expect(error).toMatchObject({ kind: 'forbidden', status: 401 });
    expect(error.message).toContain('invalid_client');
    expect(error.message).not.toContain(wrongSecret);
    expect(fake.graphRequests()).toHaveLength(0);
  });

  it('reports an unreachable Graph as unavailable', async () => {
    const gone = await startFakeGraph();
    const goneBaseUrl = gone.settings.baseUrl;
    await gone.close();
    const graph = createGraphClient({ ...fake.settings, baseUrl: goneBaseUrl }, { fetch: fake.fetch });

    const error = await calendarFailure(graphCalendar(graph).availability(TENANT, [ada], window));

    expect(error.kind).toBe('unavailable');
    expect(error.message).toContain('could not be reached');
  });
});
