/**
 * Several open programs in chat, on the real server and database: choosing a
 * program to register for, taking part in more than one, asking which
 * registration `profile`, `withdraw` and `find a mentor` mean, `my matches`
 * per program, and programs that are drafts or have closed.
 */
import { eq } from 'drizzle-orm';
import { createProgramAdminService, type NewProgram } from '../../src/services/programAdmin';
import type { Program } from '../../src/store/repositories/programs';
import { enrollments, people } from '../../src/store/schema';
import { createStore } from '../../src/store/store';
import { cardProblems } from '../support/adaptiveCards';
import { cardsIn, startHarness, textsIn, TENANT, type Harness, type TeamsUser } from '../support/botHarness';
import { action, actions, texts, type CardJson } from '../support/cards';
import { testDatabaseTargets } from '../support/databases';
import { menteeAnswers, mentorAnswers } from '../support/registrations';

describe.each(testDatabaseTargets)('several programs in chat, on $name', (target) => {
  let harness: Harness;
  let ann: TeamsUser;
  let mia: TeamsUser;
  let tandem: Program;
  let leaders: Program;
  let flash: Program;
  let draft: Program;
  let circles: Program;

  const db = () => harness.database.db;
  const store = () => createStore(harness.database.db);
  const personId = async (user: TeamsUser) =>
    (await db().select().from(people).where(eq(people.teamsUserId, user.id)))[0]!.id;
  const enrollmentsOf = async (user: TeamsUser) =>
    db().select().from(enrollments).where(eq(enrollments.personId, await personId(user)));

  async function newProgram(input: NewProgram, open = true): Promise<Program> {
    const admin = createProgramAdminService({ store: store() });
    const actor = { tenantId: TENANT, personId: await personId(ann) };
    const created = await admin.create(actor, input);
    if (created.kind !== 'ok') throw new Error(JSON.stringify(created));
    if (!open) return created.value.program;
    const opened = await admin.open(actor, created.value.program);
    if (opened.kind !== 'ok') throw new Error(JSON.stringify(opened));
    return opened.value;
  }

  /** The choice card's button for a program, found by the program it carries. */
  const chooseButton = (card: CardJson, program: Program) =>
    action(card, 'program.choose', (a) => a.data?.programId === program.id);

  /** register → pick the program → pick the role → submit, as a person would. */
  async function registerIn(user: TeamsUser, program: Program, role: 'mentee' | 'mentor', answers: Record<string, string>) {
    const [choice] = cardsIn(await user.say('register'));
    const { card: roleCard } = await user.click('program.choose', chooseButton(choice!, program).data!);
    const pick = action(roleCard!, 'registration.chooseRole', (a) => a.data?.role === role);
    expect(pick.data?.programId).toBe(program.id);
    const { card: form } = await user.click(pick.verb!, pick.data!);
    const submit = action(form!, 'registration.submit');
    const { card } = await user.click(submit.verb!, { ...submit.data, ...answers });
    return card!;
  }

  beforeAll(async () => {
    harness = await startHarness(target);
    ann = harness.user('29:ann', { name: 'Ann Lee' });
    mia = harness.user('29:mia', { name: 'Mia Chen' });
    await ann.say('help');
    tandem = (await store().programs.listOpen(TENANT))[0]!;
    leaders = await newProgram({
      name: 'Leaders of Tomorrow',
      description: 'A cohort for people about to lead their first team.',
      type: 'group',
      shape: 'cohort',
      startsOn: '2027-03-01',
      endsOn: '2027-06-30',
      matchingMode: 'algorithm',
    });
    flash = await newProgram({ name: 'Flash Week', type: 'flash', matchingMode: 'admin' });
    draft = await newProgram({ name: 'Secret Pilot', description: 'Not ready yet.' }, false);
  });
  afterAll(() => harness.close());

  it('offers every open program, and never a draft, with what each is about', async () => {
    const [card] = cardsIn(await ann.say('register'));
    expect(cardProblems(card!)).toEqual([]);
    expect(texts(card!)[0]).toBe('Choose a program');
    expect(actions(card!).map((a) => [a.verb, a.data?.programId])).toEqual([
      ['program.choose', tandem.id],
      ['program.choose', leaders.id],
      ['program.choose', flash.id],
    ]);
    const all = JSON.stringify(card);
    expect(all).not.toContain('Secret Pilot');
    expect(all).not.toContain(draft.id);
    expect(texts(card!)).toEqual(expect.arrayContaining(['Leaders of Tomorrow', 'A cohort for people about to lead their first team.']));
    expect(all).toContain('1 March 2027 to 30 June 2027');
    expect(all).toContain('Group mentoring');
    expect(all).toContain('Mentees choose their mentor from suggestions');
    expect(all).toContain('Tandem suggests matches and the program admins confirm them');
    expect(all).toContain('The program admins pair people');
    expect(all).not.toContain('Registered as');
  });

  it('continues to the role choice of the picked program, the same on every click', async () => {
    const [card] = cardsIn(await ann.say('register'));
    const first = await ann.click('program.choose', chooseButton(card!, leaders).data!);
    const again = await ann.click('program.choose', chooseButton(card!, leaders).data!);
    expect(texts(first.card!)[0]).toBe('Register for Leaders of Tomorrow');
    expect(again.card).toEqual(first.card);
    expect(await enrollmentsOf(ann)).toEqual([]);
  });

  it('lets a person take part in two programs, and shows where they are registered', async () => {
    const saved = await registerIn(ann, leaders, 'mentee', menteeAnswers);
    expect(JSON.stringify(saved)).toContain('Leaders of Tomorrow');
    await registerIn(ann, tandem, 'mentee', menteeAnswers);
    const rows = await enrollmentsOf(ann);
    expect(rows.map((e) => [e.programId, e.role, e.status]).sort()).toEqual(
      [
        [leaders.id, 'mentee', 'active'],
        [tandem.id, 'mentee', 'active'],
      ].sort(),
    );

    const [card] = cardsIn(await ann.say('register'));
    const registeredLine = texts(card!).filter((t) => t.startsWith('✓'));
    expect(registeredLine).toEqual(['✓ Registered as mentee', '✓ Registered as mentee']);
    expect(chooseButton(card!, leaders).title).toBe('Change my registration');
    expect(chooseButton(card!, flash).title).toBe('Register for Flash Week');

    // Picking a program one is in brings back the saved form, not a second registration.
    const picked = await ann.click('program.choose', chooseButton(card!, leaders).data!);
    const submit = action(picked.card!, 'registration.submit');
    expect(submit.data).toEqual(expect.objectContaining({ programId: leaders.id, role: 'mentee', revision: 1 }));
    expect(await enrollmentsOf(ann)).toHaveLength(2);
  });

  it('asks which registration `profile` means, and shows the one picked', async () => {
    const [pick] = cardsIn(await ann.say('profile'));
    expect(cardProblems(pick!)).toEqual([]);
    expect(texts(pick!)[0]).toBe('Which registration?');
    expect(actions(pick!).map((a) => [a.verb, a.data?.programId])).toEqual([
      ['registration.view', tandem.id],
      ['registration.view', leaders.id],
    ]);
    const { card } = await ann.click('registration.view', { programId: leaders.id });
    expect(texts(card!)[0]).toBe('Your registration');
    expect(JSON.stringify(card)).toContain('Leaders of Tomorrow');
    expect(action(card!, 'withdrawal.request').data).toEqual({ programId: leaders.id });

    const notMine = await ann.click('registration.view', { programId: flash.id });
    expect(notMine.message).toBe('You are not registered for Flash Week yet. Type "register" to sign up; it takes about two minutes.');
  });

  it('asks which program `withdraw` means, and withdraws from that one only', async () => {
    const [pick] = cardsIn(await ann.say('withdraw'));
    expect(cardProblems(pick!)).toEqual([]);
    expect(texts(pick!)[0]).toBe('Withdraw from which program?');
    const leave = action(pick!, 'withdrawal.request', (a) => a.data?.programId === leaders.id);
    const { card: confirm } = await ann.click(leave.verb!, leave.data!);
    expect(texts(confirm!)[0]).toBe('Withdraw from Leaders of Tomorrow?');
    await ann.click('withdrawal.confirm', action(confirm!, 'withdrawal.confirm').data!);

    const byProgram = Object.fromEntries((await enrollmentsOf(ann)).map((e) => [e.programId, e.status]));
    expect(byProgram).toEqual({ [leaders.id]: 'withdrawn', [tandem.id]: 'active' });

    // One registration left: `profile` and `withdraw` go straight to it, as with a single program.
    const [summary] = cardsIn(await ann.say('profile'));
    expect(texts(summary!)[0]).toBe('Your registration');
    expect(action(summary!, 'registration.edit').data).toEqual({ programId: tandem.id });
    const [confirmTandem] = cardsIn(await ann.say('withdraw'));
    expect(texts(confirmTandem!)[0]).toBe('Withdraw from Tandem Mentoring?');
  });

  it('refuses a program that closed since the card was sent, saying so, and stops offering it', async () => {
    const [card] = cardsIn(await mia.say('register'));
    const roleCard = (await mia.click('program.choose', chooseButton(card!, flash).data!)).card!;
    const form = (await mia.click('registration.chooseRole', action(roleCard, 'registration.chooseRole').data!)).card!;
    const admin = createProgramAdminService({ store: store() });
    const closed = await admin.close({ tenantId: TENANT, personId: await personId(ann) }, flash);
    expect(closed.kind).toBe('ok');

    const closedSentence = 'Flash Week is no longer open for registration. Type "register" to see what is open now.';
    expect((await mia.click('program.choose', chooseButton(card!, flash).data!)).message).toBe(closedSentence);
    expect((await mia.click('registration.start', { programId: flash.id })).message).toBe(closedSentence);
    expect((await mia.click('registration.chooseRole', action(roleCard, 'registration.chooseRole').data!)).message).toBe(closedSentence);
    const submitted = await mia.click('registration.submit', { ...action(form, 'registration.submit').data, ...mentorAnswers });
    expect(submitted.message).toMatch(/no longer open/);
    expect(await enrollmentsOf(mia)).toEqual([]);

    // A draft is never named to participants.
    const draftClick = await mia.click('program.choose', { programId: draft.id });
    expect(draftClick.message).toBe('This program is no longer open for registration. Type "register" to see what is open now.');

    const [now] = cardsIn(await mia.say('register'));
    expect(actions(now!).map((a) => a.data?.programId)).toEqual([tandem.id, leaders.id]);
  });

  it('asks which program `find a mentor` is for when one is a mentee in several where mentees choose', async () => {
    circles = await newProgram({ name: 'Mentoring Circles', matchingMode: 'mentee-choice' });
    await registerIn(mia, circles, 'mentor', mentorAnswers);
    await registerIn(ann, circles, 'mentee', menteeAnswers);

    const [pick] = cardsIn(await ann.say('find a mentor'));
    expect(cardProblems(pick!)).toEqual([]);
    expect(texts(pick!)[0]).toBe('Find a mentor in which program?');
    expect(actions(pick!).map((a) => [a.verb, a.data?.programId])).toEqual([
      ['match.find', tandem.id],
      ['match.find', circles.id],
    ]);
    const { card: options } = await ann.click('match.find', { programId: circles.id });
    const asks = actions(options!).filter((a) => a.verb === 'match.request');
    expect(asks.map((a) => [a.title, a.data?.programId])).toEqual([['Ask Mia', circles.id]]);
  });

  it('goes straight to the one program where a mentee chooses, and explains when there is none', async () => {
    const max = harness.user('29:max', { name: 'Max Weber' });
    await registerIn(max, leaders, 'mentee', menteeAnswers);
    expect(textsIn(await max.say('find a mentor'))).toEqual([
      "In Leaders of Tomorrow, the program admins make the matches. You'll hear from us here as soon as you have one.",
    ]);
    await registerIn(max, circles, 'mentee', menteeAnswers);
    const [options] = cardsIn(await max.say('find a mentor'));
    expect(actions(options!).filter((a) => a.verb === 'match.request').map((a) => a.data?.programId)).toEqual([circles.id]);

    const newcomer = harness.user('29:newcomer', { name: 'Nia Okafor' });
    expect(textsIn(await newcomer.say('find a mentor'))).toEqual([
      'You are not registered for any mentoring program yet. Type "register" to see the programs open now.',
    ]);
    expect(textsIn(await newcomer.say('profile'))).toEqual([
      'You are not registered for any mentoring program yet. Type "register" to see the programs open now.',
    ]);
  });

  it('shows `my matches` for every program one takes part in, each named', async () => {
    const cards = cardsIn(await ann.say('my matches'));
    expect(cards.map((c) => texts(c).slice(0, 2))).toEqual([
      ['Your mentoring', 'Tandem Mentoring'],
      ['Your mentoring', 'Mentoring Circles'],
    ]);
    // Both are mentee-choice programs without a mentor yet: each card finds a mentor in its own program.
    expect(cards.map((c) => action(c, 'match.find').data?.programId)).toEqual([tandem.id, circles.id]);
  });

  it('welcomes a newcomer with the open programs, and Register leads to the choice', async () => {
    harness.connector.members.set('29:welcomed', { id: '29:welcomed', name: 'Ola Nowak' });
    const user = harness.user('29:welcomed', { name: undefined });
    const [card] = cardsIn(await user.install());
    expect(cardProblems(card!)).toEqual([]);
    expect(texts(card!)[0]).toBe('Hi Ola, welcome to Tandem');
    expect(texts(card!)[2]).toMatch(
      /^3 mentoring programs are open: \*\*Tandem Mentoring\*\*, \*\*Leaders of Tomorrow\*\* and \*\*Mentoring Circles\*\*\. /,
    );
    const register = action(card!, 'program.list');
    const { card: choice } = await user.click(register.verb!, register.data!);
    expect(texts(choice!)[0]).toBe('Choose a program');
    expect(actions(choice!).map((a) => a.data?.programId)).toEqual([tandem.id, leaders.id, circles.id]);
  });
});
