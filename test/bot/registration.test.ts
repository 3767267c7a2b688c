import { and, eq } from 'drizzle-orm';
import { auditLog, conversationReferences, enrollments, people } from '../../src/store/schema';
import { action, input, inputs, textAfter, texts, type CardJson } from '../support/cards';
import { testDatabaseTargets } from '../support/databases';
import { cardsIn, startHarness, textsIn, TENANT, type Harness, type TeamsUser } from '../support/botHarness';
import { menteeAnswers, mentorAnswers } from '../support/registrations';

describe.each(testDatabaseTargets)('registration in chat, on $name', (target) => {
  let harness: Harness;
  /** Ann's first form, kept to submit again as a retry would. */
  let annsFirstForm: CardJson;

  beforeAll(async () => {
    harness = await startHarness(target);
  });
  afterAll(() => harness.close());

  const db = () => harness.database.db;
  const enrollmentsOf = async (user: TeamsUser) =>
    db()
      .select({ e: enrollments })
      .from(enrollments)
      .innerJoin(people, eq(people.id, enrollments.personId))
      .where(eq(people.teamsUserId, user.id))
      .then((rows) => rows.map((r) => r.e));

  /** register → role → the form, as a person would get there. */
  async function openForm(user: TeamsUser, role: 'mentee' | 'mentor' | 'both'): Promise<CardJson> {
    const [roleCard] = cardsIn(await user.say('register'));
    const pick = action(roleCard!, 'registration.chooseRole', (a) => a.data?.role === role);
    const { card } = await user.click(pick.verb!, pick.data!);
    return card!;
  }

  async function submit(user: TeamsUser, form: CardJson, answers: Record<string, string>) {
    const submitAction = action(form, 'registration.submit');
    return user.click(submitAction.verb!, { ...submitAction.data, ...answers });
  }

  it('greets a person once on install, by name, with a Register button', async () => {
    harness.connector.members.set('29:newcomer', { id: '29:newcomer', name: 'Nia Okafor' });
    const user = harness.user('29:newcomer', { name: undefined });
    const replies = await user.install();
    const cards = cardsIn(replies);
    expect(cards).toHaveLength(1);
    expect(texts(cards[0]!)[0]).toBe('Hi Nia, welcome to Tandem');
    expect(action(cards[0]!, 'registration.start').data?.programId).toEqual(expect.any(String));
    expect(await user.install()).toEqual([]);

    await user.sendRaw({ type: 'installationUpdate', action: 'remove', from: { id: user.id } });
    expect(cardsIn(await user.install())).toHaveLength(1);
  });

  it('offers the three roles, then a form with only that role’s questions', async () => {
    const user = harness.user('29:ann');
    const [roleCard] = cardsIn(await user.say('register'));
    expect(roleCard!.actions).toHaveLength(3);

    const form = await openForm(user, 'mentee');
    const ids = inputs(form).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['q_goals', 'q_skillsToDevelop', 'q_timeZone', 'q_languages']));
    expect(ids).not.toContain('q_skillsToOffer');
    expect(ids).not.toContain('q_mentorCapacity');
    expect(input(form, 'q_timeZone').value).toBe('Europe/Berlin');
    const mentorForm = await openForm(user, 'mentor');
    expect(input(mentorForm, 'q_mentorCapacity').value).toBe(2);
  });

  it('brings an invalid form back with the error next to each field, and stores nothing', async () => {
    const user = harness.user('29:ann');
    const form = await openForm(user, 'mentee');
    const result = await submit(user, form, {
      ...menteeAnswers,
      q_goals: '',
      q_department: 'astronauts',
      q_skillsToDevelop: 'leadership,strategy,writing,finance',
      q_experienceYears: 'lots',
      q_location: 'x'.repeat(2001),
    });
    const back = result.card!;
    expect(textAfter(back, 'q_goals')).toBe('Please answer this question.');
    expect(textAfter(back, 'q_department')).toBe('Please choose one of the options offered.');
    expect(textAfter(back, 'q_skillsToDevelop')).toBe('Please choose at most 3.');
    expect(textAfter(back, 'q_experienceYears')).toBe('Please enter a whole number.');
    expect(textAfter(back, 'q_location')).toBe('Please keep this under 100 characters.');
    expect(textAfter(back, 'q_languages')).toBeUndefined();
    expect(input(back, 'q_languages').value).toBe('english,german');
    expect(texts(back)).toContain('Please check the answers marked below.');
    expect(await enrollmentsOf(user)).toEqual([]);
  });

  it('refuses tampered submissions with a clear message and writes nothing', async () => {
    const user = harness.user('29:ann');
    const form = await openForm(user, 'mentee');
    const submitData = action(form, 'registration.submit').data!;

    const smuggled = await user.click('registration.submit', { ...submitData, ...menteeAnswers, q_skillsToOffer: 'leadership' });
    expect(texts(smuggled.card!)).toContain('This form has answers we did not ask for. Please start again with "register".');

    const huge = await user.click('registration.submit', { ...submitData, ...menteeAnswers, q_goals: 'x'.repeat(10_001) });
    expect(huge.message).toBe('An answer is far too long.');

    const wrongProgram = await user.click('registration.submit', { ...submitData, ...menteeAnswers, programId: 'not-a-program' });
    expect(wrongProgram.message).toBe('This card refers to an unknown program.');

    const unknownProgram = await user.click('registration.submit', {
      ...submitData,
      ...menteeAnswers,
      programId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownProgram.message).toMatch(/no longer open/);

    const badRole = await user.click('registration.submit', { ...submitData, ...menteeAnswers, role: 'boss' });
    expect(badRole.message).toBe('Please pick one of the roles offered.');

    const badRevision = await user.click('registration.submit', { ...submitData, ...menteeAnswers, revision: -1 });
    expect(badRevision.message).toBe('This form is damaged. Please start again with "register".');
    const { revision: _dropped, ...noRevision } = submitData;
    const missingRevision = await user.click('registration.submit', { ...noRevision, ...menteeAnswers });
    expect(missingRevision.message).toBe('This form is damaged. Please start again with "register".');

    const objectAnswer = await user.click('registration.submit', { ...submitData, ...menteeAnswers, q_goals: { $gt: '' } });
    expect(objectAnswer.message).toBe('An answer on this form could not be read.');

    const tooMany = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`q_extra${i}`, 'x']));
    const flooded = await user.click('registration.submit', { ...submitData, ...menteeAnswers, ...tooMany });
    expect(flooded.message).toBe('This form has too many fields.');

    expect(await enrollmentsOf(user)).toEqual([]);
  });

  it('stores a valid registration, turns the card into a summary for everyone, and confirms', async () => {
    const user = harness.user('29:ann');
    const form = await openForm(user, 'mentee');
    annsFirstForm = form;
    const callsBefore = harness.connector.calls.length;
    const result = await submit(user, form, menteeAnswers);

    expect(result.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(inputs(result.card!)).toEqual([]);
    expect(texts(result.card!)[0]).toBe('You are registered');

    const sent = harness.connector.calls.slice(callsBefore);
    const update = sent.find((c) => c.method === 'PUT');
    expect(update?.activityId).toBe('card-message-1');
    expect(JSON.stringify(update?.body)).toContain('You are registered');
    const confirmation = sent.find((c) => c.method === 'POST');
    expect(confirmation?.body.text).toMatch(/^Thank you, Ann: you are registered as a mentee for Tandem Mentoring/);

    const [stored] = await enrollmentsOf(user);
    expect(stored).toMatchObject({ role: 'mentee', status: 'active', revision: 1, mentorCapacity: null, tenantId: TENANT });
    expect(stored!.answers).toEqual({
      goals: 'Get ready to lead a small team within a year',
      skillsToDevelop: ['leadership', 'people-management'],
      department: 'engineering',
      level: 'experienced-individual-contributor',
      experienceYears: 4,
      interests: ['reading'],
      location: 'Berlin',
      timeZone: 'Europe/Berlin',
      languages: ['english', 'german'],
      availability: ['late-morning', 'afternoon'],
      communication: 'teams-video-call',
    });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, stored!.id), eq(auditLog.action, 'enrollment.registered')));
    expect(audit).toHaveLength(1);
  });

  it('treats a repeated or retried submission of the same form as already saved', async () => {
    const user = harness.user('29:ann');
    const [before] = await enrollmentsOf(user);
    const again = await submit(user, annsFirstForm, { ...menteeAnswers, q_goals: 'Something else entirely' });
    expect(texts(again.card!)).toContain('This form was already submitted; here is what we have. Use Edit to change it.');

    const [after] = await enrollmentsOf(user);
    expect(after).toEqual(before);
    expect(await enrollmentsOf(user)).toHaveLength(1);
  });

  it('keeps exactly one enrollment when the same form is submitted twice at once', async () => {
    const user = harness.user('29:double');
    const form = await openForm(user, 'mentee');
    const results = await Promise.all([submit(user, form, menteeAnswers), submit(user, form, menteeAnswers)]);
    expect(results.map((r) => texts(r.card!)[0])).toEqual(['You are registered', 'You are registered']);
    const stored = await enrollmentsOf(user);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.revision).toBe(1);
  });

  it('shows the profile with Edit, and an edit is re-validated and saved as a new revision', async () => {
    const user = harness.user('29:ann');
    const [profile] = cardsIn(await user.say('profile'));
    expect(texts(profile!)[0]).toBe('Your registration');
    const edit = await user.click('registration.edit', action(profile!, 'registration.edit').data!);
    const form = edit.card!;
    expect(input(form, 'q_goals').value).toBe('Get ready to lead a small team within a year');
    expect(action(form, 'registration.submit').data?.revision).toBe(1);

    const invalid = await submit(user, form, { ...menteeAnswers, q_languages: '' });
    expect(textAfter(invalid.card!, 'q_languages')).toBe('Please answer this question.');
    expect((await enrollmentsOf(user))[0]!.revision).toBe(1);

    const saved = await submit(user, form, { ...menteeAnswers, q_goals: 'Lead a team of five' });
    expect(texts(saved.card!)[0]).toBe('Registration updated');
    const [stored] = await enrollmentsOf(user);
    expect(stored).toMatchObject({ revision: 2, answers: expect.objectContaining({ goals: 'Lead a team of five' }) });
  });

  it('registers mentors with their capacity, and people who are both', async () => {
    const mentor = harness.user('29:mentor', { name: 'Marta Diaz' });
    await submit(mentor, await openForm(mentor, 'mentor'), mentorAnswers);
    expect((await enrollmentsOf(mentor))[0]).toMatchObject({ role: 'mentor', mentorCapacity: 3 });

    const both = harness.user('29:both', { name: 'Bo Chen' });
    const form = await openForm(both, 'both');
    expect(inputs(form).map((i) => i.id)).toEqual(expect.arrayContaining(['q_skillsToOffer', 'q_skillsToDevelop', 'q_mentorCapacity']));
    const missingCapacity = await submit(both, form, { ...menteeAnswers, ...mentorAnswers, q_mentorCapacity: '9' });
    expect(textAfter(missingCapacity.card!, 'q_mentorCapacity')).toBe('Please enter a number from 1 to 5.');
    await submit(both, form, { ...menteeAnswers, ...mentorAnswers });
    expect((await enrollmentsOf(both))[0]).toMatchObject({ role: 'both', mentorCapacity: 3 });
  });

  it('asks before withdrawing, withdraws once, and lets the person come back', async () => {
    const user = harness.user('29:ann');
    const [confirm] = cardsIn(await user.say('withdraw'));
    expect(texts(confirm!)[0]).toBe('Withdraw from Tandem Mentoring?');
    expect((await enrollmentsOf(user))[0]!.status).toBe('active');

    const kept = await user.click('withdrawal.cancel', action(confirm!, 'withdrawal.cancel').data!);
    expect(texts(kept.card!)).toContain('You are still registered; nothing has changed.');
    expect((await enrollmentsOf(user))[0]!.status).toBe('active');

    const yes = action(confirm!, 'withdrawal.confirm');
    const first = await user.click(yes.verb!, yes.data!);
    const second = await user.click(yes.verb!, yes.data!);
    expect(texts(first.card!)[0]).toBe('You have withdrawn from Tandem Mentoring');
    expect(second.card).toEqual(first.card);
    const [stored] = await enrollmentsOf(user);
    expect(stored!.status).toBe('withdrawn');
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.targetId, stored!.id), eq(auditLog.action, 'enrollment.withdrawn')));
    expect(audit).toHaveLength(1);

    expect(textsIn(await user.say('profile'))[0]).toMatch(/^You are not registered for Tandem Mentoring yet/);
    const staleForm = await submit(user, annsFirstForm, menteeAnswers);
    expect(texts(staleForm.card!)[0]).toBe('You have withdrawn from Tandem Mentoring');
    expect((await enrollmentsOf(user))[0]!.status).toBe('withdrawn');
    const form = await openForm(user, 'mentee');
    expect(input(form, 'q_goals').value).toBe('Lead a team of five');
    await submit(user, form, menteeAnswers);
    expect(await enrollmentsOf(user)).toEqual([expect.objectContaining({ id: stored!.id, status: 'active' })]);
  });

  it('answers help, unknown text and non-text messages, and unknown buttons', async () => {
    const user = harness.user('29:curious');
    const [help] = cardsIn(await user.say('help'));
    expect(JSON.stringify(help)).toContain('register');
    expect(textsIn(await user.say('what is the weather'))[0]).toMatch(/^Sorry, I did not understand "what is the weather"/);
    expect(textsIn(await user.sendRaw({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'x' }] }))[0]).toMatch(
      /^I can only read typed messages/,
    );
    const stale = await user.click('some.retired.verb', {});
    expect(stale).toMatchObject({ status: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(stale.message).toMatch(/no longer available/);
  });

  it('keeps people apart by tenant and remembers each personal conversation', async () => {
    const here = harness.user('29:same-id');
    const elsewhere = harness.user('29:same-id', { tenantId: 'bbbbbbbb-0000-4000-8000-000000000002' });
    await here.say('hello');
    await elsewhere.say('hello');
    const rows = await db().select().from(people).where(eq(people.teamsUserId, '29:same-id'));
    expect(rows.map((r) => r.tenantId).sort()).toEqual(['aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002']);
    const refs = await db().select().from(conversationReferences).where(eq(conversationReferences.personId, rows[0]!.id));
    expect(refs[0]).toMatchObject({ conversationId: expect.stringContaining('29:same-id'), serviceUrl: harness.connector.serviceUrl });
  });

  it('answers malformed requests with a 4xx and keeps serving', async () => {
    expect((await harness.post('{not json')).status).toBe(400);
    expect((await harness.post({ text: 'no type' })).status).toBe(400);
    expect((await harness.post([1, 2, 3])).status).toBe(400);
    expect((await harness.post('hello', 'text/plain')).status).toBe(415);
    const noTenant = await harness.post({
      type: 'message',
      text: 'register',
      deliveryMode: 'expectReplies',
      channelId: 'msteams',
      serviceUrl: harness.connector.serviceUrl,
      from: { id: '29:nowhere' },
      recipient: { id: '28:tandem-bot' },
      conversation: { id: 'a:nowhere', conversationType: 'personal' },
    });
    expect(JSON.stringify(noTenant.body)).toContain('did not say which organisation');
    expect(await db().select().from(people).where(eq(people.teamsUserId, '29:nowhere'))).toEqual([]);
    expect(cardsIn(await harness.user('29:after').say('help'))).toHaveLength(1);
  });
});
