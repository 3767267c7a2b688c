/**
 * Rating a session and being nudged, through the bot on the real server and
 * database: the 'rating-prompt' job (put on pg-boss as the booking would)
 * sends each person the rating card, which is clicked through the harness
 * (send, the same card again, edit, a refusal after 7 days), and the
 * 'nudge-sweep' job nudges a pair past its cadence once per person.
 */
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { startJobQueue, type JobQueue } from '../../src/jobs/jobQueue';
import { createStore, type Store } from '../../src/store/store';
import type { Goal } from '../../src/store/repositories/goals';
import type { Relationship } from '../../src/store/repositories/relationships';
import type { Session } from '../../src/store/repositories/sessions';
import { pairFlags, ratings } from '../../src/store/schema';
import { startHarness, type Harness, type TeamsUser } from '../support/botHarness';
import { action, input, texts, type CardJson } from '../support/cards';
import { testDatabaseTargets } from '../support/databases';
import { cardsSentTo, eventually, heading, matchAnnWithMia, registerAnnMiaAndMax } from '../support/chat';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe.each(testDatabaseTargets)('rating and nudges in chat, on $name', (target) => {
  let harness: Harness;
  let store: Store;
  let jobs: JobQueue;
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  let ann: TeamsUser;
  let mia: TeamsUser;
  let max: TeamsUser;
  let relationship: Relationship;
  let session: Session;
  let goal: Goal;

  beforeAll(async () => {
    harness = await startHarness(target, { clock });
    store = createStore(harness.database.db);
    // A second instance's queue, as the booking service would use, to put jobs where the app's workers find them.
    jobs = await startJobQueue(harness.database, { logger: pino({ level: 'silent' }) });
    ({ ann, mia, max } = await registerAnnMiaAndMax(harness));
    relationship = await matchAnnWithMia(harness, ann, mia);

    const now = Date.now();
    session = await store.sessions.create({
      tenantId: relationship.tenantId,
      relationshipId: relationship.id,
      startsAt: new Date(now - 2 * HOUR),
      endsAt: new Date(now - HOUR),
      status: 'scheduled',
    });
    goal = await store.goals.create({
      tenantId: relationship.tenantId,
      relationshipId: relationship.id,
      ownerPersonId: relationship.menteePersonId,
      title: 'Lead a small team',
      measure: 'Leads the Q3 project',
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await harness.close();
  });

  const db = () => harness.database.db;
  const cardsHeaded = (user: TeamsUser, title: string) => cardsSentTo(harness, user).filter((card) => heading(card) === title);
  const ratingRows = () => db().select().from(ratings).where(eq(ratings.sessionId, session.id));
  const flagRows = () => db().select().from(pairFlags).where(eq(pairFlags.relationshipId, relationship.id));
  const jobsDone = (queue: string) =>
    eventually(async () => {
      const { rows } = await harness.database.executeSql(
        "select count(*)::int as open from pgboss.job where name = $1 and state not in ('completed', 'cancelled', 'failed')",
        [queue],
      );
      return (rows[0] as { open: number }).open === 0 ? true : undefined;
    }, `the ${queue} jobs to finish`);
  /** What the card's Send button carries besides the inputs. */
  const sendData = (card: CardJson) => action(card, 'rating.submit').data!;
  const facts = (card: CardJson) =>
    (card.body as { type: string; facts?: { title: string; value: string }[] }[])
      .filter((e) => e.type === 'FactSet')
      .flatMap((e) => e.facts ?? [])
      .map((f) => `${f.title}: ${f.value}`);

  let annForm: CardJson;

  it("sends each person the rating card after the session, once however often the job runs", async () => {
    const job = { tenantId: relationship.tenantId, sessionId: session.id, endsAt: session.endsAt.toISOString() };
    await jobs.schedule('rating-prompt', job, new Date());
    annForm = (await eventually(async () => cardsHeaded(ann, 'How was your session with Mia?')[0], "Ann's rating card"))!;
    await eventually(async () => cardsHeaded(mia, 'How was your session with Ann?')[0], "Mia's rating card");
    await jobsDone('rating-prompt');

    // A retried or duplicated job asks nobody twice.
    await jobs.schedule('rating-prompt', job, new Date());
    await jobsDone('rating-prompt');
    expect(cardsHeaded(ann, 'How was your session with Mia?')).toHaveLength(1);
    expect(cardsHeaded(mia, 'How was your session with Ann?')).toHaveLength(1);

    expect(input(annForm, `goal_${goal.id}`)).toMatchObject({ label: 'Lead a small team', value: '0' });
    expect(texts(annForm).join(' ')).toMatch(/admins see your rating and whether you met; Mia does not/);
  });

  it('answers a form without a rating with a reason, and saves nothing', async () => {
    const result = await ann.click('rating.submit', { ...sendData(annForm), tookPlace: 'true' });
    expect(result.message).toBe('Please choose a rating from 1 to 5.');
    expect(await ratingRows()).toEqual([]);
  });

  let thanks: CardJson;

  it('saves the answers, moves the goal, flags a low rating and turns the card into thanks; the same card again writes once', async () => {
    const values = {
      ...sendData(annForm),
      score: '2',
      tookPlace: 'true',
      mostUseful: 'Talking through my first 1:1s',
      shareWithPartner: 'false',
      [`goal_${goal.id}`]: '50',
    };
    const first = await ann.click('rating.submit', values);
    thanks = first.card!;
    expect(texts(thanks)[0]).toBe('Thank you for rating your session with Mia');
    expect(action(thanks, 'rating.edit').data).toEqual({ sessionId: session.id });
    const [row] = await ratingRows();
    expect(row).toMatchObject({ score: 2, tookPlace: true, shareWithPartner: false, goalProgress: { [goal.id]: 50 } });
    expect((await store.goals.get(relationship.tenantId, goal.id))!.progress).toBe(50);
    expect((await store.sessions.get(relationship.tenantId, session.id))!.status).toBe('held');

    const again = await ann.click('rating.submit', values);
    expect(texts(again.card!)).toEqual(texts(thanks));
    expect(await ratingRows()).toEqual([row]);
    expect((await flagRows()).map((f) => f.reason)).toEqual(['low-rating']);
  });

  it('reopens the form with the saved answers on Edit, and takes changed answers as an edit', async () => {
    const { card: form } = await ann.click('rating.edit', { sessionId: session.id });
    expect(input(form!, 'score').value).toBe('2');
    expect(input(form!, `goal_${goal.id}`).value).toBe('50');
    const edited = await ann.click('rating.submit', {
      ...sendData(form!),
      score: '4',
      tookPlace: 'true',
      mostUseful: 'Talking through my first 1:1s',
      shareWithPartner: 'true',
      [`goal_${goal.id}`]: '50',
    });
    expect(facts(edited.card!)).toContain('Your rating: 4 of 5');
    expect(facts(edited.card!)).toContain('Who sees it: The admins and Mia');
    const rows = await ratingRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 4, shareWithPartner: true });
    expect((await flagRows()).map((f) => f.reason)).toEqual(['low-rating']);
  });

  it("flags \"we did not meet\" from the partner, and ignores anyone else's click", async () => {
    const [miaForm] = cardsHeaded(mia, 'How was your session with Ann?');
    await mia.click('rating.submit', { ...sendData(miaForm!), score: '3', tookPlace: 'false' });
    expect((await flagRows()).map((f) => f.reason).sort()).toEqual(['did-not-meet', 'low-rating']);

    const stranger = await max.click('rating.submit', { sessionId: session.id, score: '5', tookPlace: 'true' });
    expect(stranger.message).toMatch(/not one of yours/);
    expect(await ratingRows()).toHaveLength(2);
  });

  it('refuses a change 7 days after the session and writes nothing', async () => {
    clock.offsetMs = 7 * DAY;
    const before = await ratingRows();
    const late = await ann.click('rating.submit', { sessionId: session.id, score: '1', tookPlace: 'false' });
    expect(texts(late.card!).join(' ')).toMatch(/Nothing was changed/);
    expect(late.card!.actions ?? []).toEqual([]);
    expect(await ratingRows()).toEqual(before);
    const edit = await ann.click('rating.edit', { sessionId: session.id });
    expect(texts(edit.card!).join(' ')).toMatch(/These answers are final/);
    clock.offsetMs = 0;
  });

  it('nudges both people once when the pair has gone past its cadence, inside their working hours', async () => {
    // The next Tuesday at 10:00 UTC at least 31 days on: working hours in Berlin and London.
    const target = new Date(Date.now() + 31 * DAY);
    target.setUTCHours(10, 0, 0, 0);
    while (target.getUTCDay() !== 2) target.setUTCDate(target.getUTCDate() + 1);
    clock.offsetMs = target.getTime() - Date.now();

    await jobs.schedule('nudge-sweep', {}, new Date());
    await eventually(async () => cardsHeaded(ann, 'Time for your next session with Mia?')[0], "Ann's nudge");
    const [toMia] = await eventually(async () => {
      const cards = cardsHeaded(mia, 'Time for your next session with Ann?');
      return cards.length > 0 ? cards : undefined;
    }, "Mia's nudge");
    expect(action(toMia!, 'session.find').data).toEqual({ relationshipId: relationship.id });
    await jobsDone('nudge-sweep');

    await jobs.schedule('nudge-sweep', {}, new Date());
    await jobsDone('nudge-sweep');
    expect(cardsHeaded(ann, 'Time for your next session with Mia?')).toHaveLength(1);
    expect(cardsHeaded(mia, 'Time for your next session with Ann?')).toHaveLength(1);
    const noSession = await db()
      .select()
      .from(pairFlags)
      .where(and(eq(pairFlags.relationshipId, relationship.id), eq(pairFlags.reason, 'no-session')));
    expect(noSession).toHaveLength(1);
    clock.offsetMs = 0;
  });
});
