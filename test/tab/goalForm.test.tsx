/**
 * The guided SMART goal form in the pair view, against the real server: its
 * own checks stop an incomplete goal before anything is sent, a complete goal
 * is stored as typed, and the server's refusals appear in the form.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GoalForm } from '../../tab/src/pairs/GoalForm';
import { PairView } from '../../tab/src/pairs/PairView';
import { startTandemProcess, type TandemProcess } from './support/tandemProcess';
import { signedInClient } from './support/signedInClient';

jest.setTimeout(60_000);

const TODAY = '2030-06-15';

let tandem: TandemProcess;
beforeAll(async () => {
  tandem = await startTandemProcess();
});
afterAll(() => tandem?.stop());

describe('the SMART goal form', () => {
  it('says what is missing, next to each field, and sends nothing', async () => {
    const pair = await tandem.seedPair('goal-checks');
    const api = await signedInClient(tandem.url, pair.mentor.id, pair.tenantId);
    render(<PairView api={api} relationshipId={pair.relationshipId} openGuide={() => undefined} today={TODAY} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a goal' }));
    const form = screen.getByRole('form', { name: 'A new goal' });
    await user.click(within(form).getByRole('button', { name: 'Add goal' }));

    const what = within(form).getByRole('textbox', { name: /What do you want to achieve/ });
    const measure = within(form).getByRole('textbox', { name: /How will you know/ });
    expect(what).toHaveAccessibleDescription(expect.stringContaining('Say what you want to achieve.'));
    expect(measure).toHaveAccessibleDescription(expect.stringContaining('Say how you will know you have got there.'));
    expect(what).toBeInvalid();

    await user.type(what, 'Lead the team retrospective');
    await user.type(measure, 'Run three retros');
    const when = within(form).getByLabelText(/By when/);
    await user.type(when, '2030-06-01');
    await user.click(within(form).getByRole('button', { name: 'Add goal' }));
    expect(when).toHaveAccessibleDescription(expect.stringContaining('Pick a date from today on.'));
    expect(within(form).queryByText('Say what you want to achieve.')).not.toBeInTheDocument();

    expect((await api.pairView(pair.relationshipId)).goals).toHaveLength(0);
  });

  it('stores a complete goal and shows it in the pair', async () => {
    const pair = await tandem.seedPair('goal-saved');
    const api = await signedInClient(tandem.url, pair.mentee.id, pair.tenantId);
    render(<PairView api={api} relationshipId={pair.relationshipId} openGuide={() => undefined} today={TODAY} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a goal' }));
    const form = screen.getByRole('form', { name: 'A new goal' });
    await user.type(within(form).getByRole('textbox', { name: /What do you want to achieve/ }), '  Give a talk at the all-hands ');
    await user.type(within(form).getByRole('textbox', { name: /How will you know/ }), 'One talk, and feedback from three people');
    await user.type(within(form).getByLabelText(/By when/), '2030-09-30');
    await user.click(within(form).getByRole('button', { name: 'Add goal' }));

    await screen.findByRole('article', { name: 'Give a talk at the all-hands' });
    expect(screen.queryByRole('form', { name: 'A new goal' })).not.toBeInTheDocument();
    const [goal] = (await api.pairView(pair.relationshipId)).goals;
    expect(goal).toMatchObject({
      title: 'Give a talk at the all-hands',
      measure: 'One talk, and feedback from three people',
      targetDate: '2030-09-30',
      ownerPersonId: pair.mentee.id,
      status: 'not-started',
    });
  });

  it("shows the server's refusal when the goal cannot be saved", async () => {
    const pair = await tandem.seedPair('goal-refused');
    const stranger = await tandem.seedPair('goal-stranger');
    const api = await signedInClient(tandem.url, stranger.mentee.id, stranger.tenantId);
    // Another pair's relationship: the server answers 403 with a sentence.
    render(<GoalForm today={TODAY} save={async (goal) => void (await api.createGoal(pair.relationshipId, goal))} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /What do you want to achieve/ }), 'Sneak a goal in');
    await user.type(screen.getByRole('textbox', { name: /How will you know/ }), 'It is stored');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This relationship belongs to another mentoring pair.');
  });

  it("puts a refusal about one field next to that field", async () => {
    const pair = await tandem.seedPair('goal-field');
    const api = await signedInClient(tandem.url, pair.mentee.id, pair.tenantId);
    // The date input only takes real days; the server still checks, and says which field is wrong.
    render(<GoalForm today={TODAY} save={async (goal) => void (await api.createGoal(pair.relationshipId, { ...goal, targetDate: '2030-02-30' }))} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /What do you want to achieve/ }), 'Plan the offsite');
    await user.type(screen.getByRole('textbox', { name: /How will you know/ }), 'A plan the team agrees to');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    const when = screen.getByLabelText(/By when/);
    await screen.findByText('is not a calendar date');
    expect(when).toHaveAccessibleDescription(expect.stringContaining('is not a calendar date'));
  });
});
