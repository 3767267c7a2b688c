/**
 * End to end through the real Microsoft 365 Agents Playground: the whole app
 * (HTTP server, Bot Framework adapter, routes, cards, embedded database) runs
 * in this process, the Playground runs as a child and plays Teams; the test
 * acts as the person in the Playground's web UI. Registration, from install to
 * the stored enrollment.
 */
import { eq } from 'drizzle-orm';
import type { RunningTandem } from '../../src/main';
import { enrollments, people } from '../../src/store/schema';
import {
  actionOf,
  cardsOf,
  cardText,
  inputsOf,
  startTandemWithPlayground,
  type AdaptiveCard,
  type CardElement,
  type ConversationStream,
  type InvokeResponseBody,
  type LocalTandem,
  type Playground,
  type PlaygroundConfig,
  type StreamFrame,
} from '../support/playground';

jest.setTimeout(60_000);

const WELCOME = 'welcome to Tandem';

let local: LocalTandem;
let tandem: RunningTandem;
let playground: Playground;
let stream: ConversationStream;
let config: PlaygroundConfig;
let conversationId: string;
let userId: string;

beforeAll(async () => {
  local = await startTandemWithPlayground();
  ({ tandem, playground } = local);
  config = await playground.config();
  conversationId = config.personalChat.id;
  userId = config.currentUser.id;
  stream = await playground.stream();
});

afterAll(async () => {
  stream?.close();
  await local?.close();
});

// State carried from one step to the next, as a person goes through the flow.
let welcomeMessageId: string;
let welcomeCard: AdaptiveCard;
let formCard: AdaptiveCard;
let submitted: Record<string, string>;

const onlyCard = (body: InvokeResponseBody): AdaptiveCard => {
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value as AdaptiveCard;
};
const cardOf = (frame: StreamFrame): AdaptiveCard => {
  const card = cardsOf(frame.message)[0];
  if (!card) throw new Error(`No card in ${JSON.stringify(frame)}`);
  return card;
};
const isWelcome = (f: StreamFrame) =>
  f.action === 'createMessage' && cardsOf(f.message).some((c) => cardText(c).includes(WELCOME));
const isFromBot = (f: StreamFrame) => f.message?.from?.id === undefined || f.message.from.id === config.bot.id;

const click = (action: CardElement, data: Record<string, unknown> = {}) =>
  playground.execute({
    conversationId,
    from: userId,
    replyToId: welcomeMessageId,
    verb: action.verb!,
    data: { ...(action.data ?? {}), ...data },
  });

const containerOf = (card: AdaptiveCard, inputId: string): CardElement => {
  const container = (card.body ?? []).find(
    (e) => e.type === 'Container' && (e.items ?? []).some((item) => item.id === inputId),
  );
  if (!container) throw new Error(`No container holds input ${inputId}`);
  return container;
};

/** A valid answer for one input, taken from the card itself. */
function validValue(input: CardElement): string {
  switch (input.type) {
    case 'Input.ChoiceSet': {
      const first = input.choices?.[0];
      if (!first) throw new Error(`Choice set ${input.id} offers no choices`);
      return first.value;
    }
    case 'Input.Number': {
      const min = typeof input.min === 'number' ? input.min : 0;
      const max = typeof input.max === 'number' ? input.max : min + 10;
      return String(Math.min(max, min + 1));
    }
    case 'Input.Text': {
      const sentence = 'I would like to get ready to lead a small team within a year.';
      const maxLength = typeof input.maxLength === 'number' ? input.maxLength : sentence.length;
      return sentence.slice(0, maxLength);
    }
    default:
      throw new Error(`Unexpected input type ${input.type} (${input.id})`);
  }
}

async function storedEnrollments() {
  return tandem.database.db
    .select({ enrollment: enrollments, person: people })
    .from(enrollments)
    .innerJoin(people, eq(people.id, enrollments.personId));
}

describe('registration through the Microsoft 365 Agents Playground', () => {
  it('greets the person once when the app is installed', async () => {
    await playground.install(conversationId);
    const frame = await stream.waitFor(isWelcome, 'the welcome card');
    expect(isFromBot(frame)).toBe(true);
    welcomeMessageId = frame.message!.messageId;
    welcomeCard = cardOf(frame);
    expect(cardText(welcomeCard)).toContain(`Hi ${config.currentUser.name.split(' ')[0]}`);
    expect(welcomeCard.actions?.some((a) => a.title === 'Register')).toBe(true);
  });

  it('answers "register" with the role choice', async () => {
    const since = stream.frames.length;
    await playground.say(conversationId, userId, 'register');
    const frame = await stream.waitForCard('How would you like to take part?', { since });
    const roles = (cardOf(frame).actions ?? []).map((a) => a.data?.role);
    expect(roles).toEqual(expect.arrayContaining(['mentee', 'mentor']));
    // installationUpdate and conversationUpdate both arrived by now: one greeting only.
    expect(stream.frames.filter(isWelcome)).toHaveLength(1);
  });

  it('turns the welcome card into the role choice, then the mentee form', async () => {
    const register = actionOf(welcomeCard, (a) => a.title === 'Register', 'Register');
    expect(register.verb).toBe('registration.start');
    const since = stream.frames.length;
    const roleChoice = onlyCard(await click(register));
    expect(cardText(roleChoice)).toContain('How would you like to take part?');
    await stream.waitFor(
      (f) => f.action === 'updateMessage' && f.message?.messageId === welcomeMessageId,
      'the welcome card to be replaced',
      { since },
    );

    const mentee = actionOf(roleChoice, (a) => a.data?.role === 'mentee', 'mentee');
    expect(mentee.verb).toBe('registration.chooseRole');
    formCard = onlyCard(await click(mentee));
    expect(cardText(formCard)).toContain('You are registering as a **mentee**');
    const inputs = inputsOf(formCard);
    expect(inputs.length).toBeGreaterThan(3);
    for (const input of inputs) expect(input.id).toMatch(/^q_/);
    // Mentor-only questions are not asked of a mentee.
    expect(inputs.map((i) => i.id)).not.toContain('q_mentorCapacity');
    expect(inputs.map((i) => i.id)).toContain('q_goals');
  });

  it('refuses a form with a required answer missing, shows why, and stores nothing', async () => {
    const inputs = inputsOf(formCard);
    const missing = inputs.find((i) => i.isRequired === true);
    if (!missing?.id) throw new Error('The form has no required input');
    const values = Object.fromEntries(inputs.filter((i) => i !== missing).map((i) => [i.id!, validValue(i)]));

    const submit = actionOf(formCard, (a) => a.verb === 'registration.submit', 'Submit');
    const returned = onlyCard(await click(submit, { ...values, [missing.id]: '' }));

    expect(inputsOf(returned).map((i) => i.id)).toEqual(inputs.map((i) => i.id));
    expect(cardText(returned)).toContain('Please check the answers marked below.');
    const errorNextToField = (containerOf(returned, missing.id).items ?? []).find(
      (e) => e.type === 'TextBlock' && e.color === 'Attention',
    );
    expect(errorNextToField?.text).toBe('Please answer this question.');
    // The other answers are kept, and carry no error.
    const other = inputs.find((i) => i !== missing && i.type === 'Input.ChoiceSet')!;
    expect(inputsOf(returned).find((i) => i.id === other.id)?.value).toBe(values[other.id!]);
    expect((containerOf(returned, other.id!).items ?? []).some((e) => e.color === 'Attention')).toBe(false);

    expect(await storedEnrollments()).toHaveLength(0);
    formCard = returned;
  });

  it('registers the person with a complete form and shows the summary in place', async () => {
    const inputs = inputsOf(formCard);
    submitted = Object.fromEntries(inputs.map((i) => [i.id!, validValue(i)]));
    const since = stream.frames.length;
    const submit = actionOf(formCard, (a) => a.verb === 'registration.submit', 'Submit');

    const summary = onlyCard(await click(submit, submitted));

    expect(summary.body?.[0]?.text).toBe('You are registered');
    expect(inputsOf(summary)).toHaveLength(0);
    expect(cardText(summary)).toMatch(/\bmentee\b/i);
    const updated = await stream.waitFor(
      (f) =>
        f.action === 'updateMessage' &&
        f.message?.messageId === welcomeMessageId &&
        cardsOf(f.message).some((c) => cardText(c).includes('You are registered')),
      'the form to be replaced by the summary',
      { since },
    );
    expect(inputsOf(cardOf(updated))).toHaveLength(0);
    const thanks = await stream.waitForText('you are registered as a mentee', { since });
    expect(thanks.message?.text).toContain(`Thank you, ${config.currentUser.name.split(' ')[0]}`);
  });

  it('shows the saved registration on "profile"', async () => {
    const since = stream.frames.length;
    await playground.say(conversationId, userId, 'profile');
    const frame = await stream.waitForCard('Your registration', { since });
    const summary = cardOf(frame);
    expect(summary.body?.[0]?.text).toBe('Your registration');
    expect(inputsOf(summary)).toHaveLength(0);
    expect((summary.actions ?? []).map((a) => a.verb)).toEqual(
      expect.arrayContaining(['registration.edit', 'withdrawal.request']),
    );
  });

  it('stored exactly one active mentee enrollment for the Playground user, with the answers given', async () => {
    const rows = await storedEnrollments();
    expect(rows).toHaveLength(1);
    const { enrollment, person } = rows[0]!;
    expect(enrollment.role).toBe('mentee');
    expect(enrollment.status).toBe('active');
    expect(enrollment.tenantId).toBe(config.tenantId);
    expect(person.teamsUserId).toBe(userId);
    expect(person.tenantId).toBe(config.tenantId);
    expect(person.aadObjectId).toBe(config.currentUser.aadObjectId);

    const multi = new Set(inputsOf(formCard).filter((i) => i.isMultiSelect).map((i) => i.id));
    const numbers = new Set(inputsOf(formCard).filter((i) => i.type === 'Input.Number').map((i) => i.id));
    const expected = Object.fromEntries(
      Object.entries(submitted).map(([id, value]) => [
        id.slice('q_'.length),
        multi.has(id) ? [value] : numbers.has(id) ? Number(value) : value,
      ]),
    );
    expect(enrollment.answers).toEqual(expected);
  });

  it('recognises the same form submitted again and stores nothing new', async () => {
    const submit = actionOf(formCard, (a) => a.verb === 'registration.submit', 'Submit');
    const before = (await storedEnrollments())[0]!.enrollment;

    const again = onlyCard(await click(submit, submitted));

    expect(cardText(again)).toContain('This form was already submitted');
    expect(inputsOf(again)).toHaveLength(0);
    const rows = await storedEnrollments();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.enrollment.revision).toBe(before.revision);
    expect(rows[0]!.enrollment.updatedAt).toEqual(before.updatedAt);
  });

  it('greeted once in all', () => {
    expect(stream.frames.filter(isWelcome)).toHaveLength(1);
  });
});
