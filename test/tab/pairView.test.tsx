/**
 * The pair view against the real server: what a mentee sees of their pair,
 * the stage stepper moving the stored stage both ways, the guide link, goals'
 * milestones, and sessions with their join link.
 */
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiClient } from '../../tab/src/api/apiClient';
import { PairView } from '../../tab/src/pairs/PairView';
import { stages } from '../../tab/src/content/stages';
import { startTandemProcess, type TandemProcess } from './support/tandemProcess';
import type { SeededPair } from './support/seedPair';
import { signedInClient } from './support/signedInClient';

jest.setTimeout(60_000);

let tandem: TandemProcess;
beforeAll(async () => {
  tandem = await startTandemProcess();
});
afterAll(() => tandem?.stop());

async function openPair(label: string, prepare: (pair: SeededPair, api: ApiClient) => Promise<void> = async () => undefined) {
  const pair = await tandem.seedPair(label);
  const api = await signedInClient(tandem.url, pair.mentee.id, pair.tenantId);
  await prepare(pair, api);
  const openGuide = jest.fn();
  render(<PairView api={api} relationshipId={pair.relationshipId} openGuide={openGuide} />);
  await screen.findByRole('heading', { level: 1, name: `Mentored by ${pair.mentor.name}` });
  return { pair, api, openGuide };
}

const stepper = () => screen.getByRole('list', { name: 'Mentoring stages' });

describe('the pair view', () => {
  let pair: SeededPair;
  let api: ApiClient;

  it('shows the pair, its stage with a hint, and its sessions with the join link', async () => {
    ({ pair, api } = await openPair('view'));
    const current = within(stepper()).getAllByRole('listitem').find((item) => item.getAttribute('aria-current') === 'step');
    expect(current).toHaveTextContent('Rapport building');
    expect(screen.getByText(stages[0]!.hint, { exact: false })).toBeInTheDocument();
    const sessions = screen.getByRole('region', { name: 'Sessions' });
    expect(within(sessions).getByRole('link', { name: /Join the meeting/ })).toHaveAttribute('href', pair.joinUrl);
    expect(within(sessions).getByText(/Talked about: How the first month went/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /^Agenda for/ })).toBeInTheDocument();
  });

  it('moves the stage forward and back, and the server keeps each move', async () => {
    ({ pair, api } = await openPair('stepper'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move on to Setting direction' }));
    await screen.findByRole('button', { name: 'Move on to Progression' });
    expect(within(stepper()).getByText('Setting direction').closest('li')).toHaveAttribute('aria-current', 'step');
    expect(screen.getByText(stages[1]!.hint, { exact: false })).toBeInTheDocument();
    expect((await api.pairView(pair.relationshipId)).relationship.stage).toBe('setting-direction');

    await user.click(screen.getByRole('button', { name: 'Back to Rapport building' }));
    await screen.findByRole('button', { name: 'Move on to Setting direction' });
    expect(screen.queryByRole('button', { name: /^Back to/ })).not.toBeInTheDocument();
    expect((await api.pairView(pair.relationshipId)).relationship.stage).toBe('rapport-building');
  });

  it("opens the current stage's section of my own guide in one click", async () => {
    const { openGuide } = await openPair('guide');
    await userEvent.setup().click(screen.getByRole('link', { name: 'Read the guide for this stage' }));
    expect(openGuide).toHaveBeenCalledWith('mentee', stages[0]!.guideSection);
  });

  it('adds, ticks off and deletes milestones of a goal', async () => {
    const title = 'Present at the all-hands';
    ({ pair, api } = await openPair('milestones', async (seeded, client) => {
      await client.createGoal(seeded.relationshipId, { title, measure: 'One talk given', targetDate: null });
    }));
    const card = screen.getByRole('article', { name: title });
    const user = userEvent.setup();

    await user.click(within(card).getByRole('button', { name: 'Add milestone' }));
    expect(within(card).getByText('Name the milestone first.')).toBeInTheDocument();

    await user.type(within(card).getByRole('textbox', { name: `New milestone for ${title}` }), 'Draft the slides');
    await user.click(within(card).getByRole('button', { name: 'Add milestone' }));
    const box = await within(card).findByRole('checkbox', { name: 'Draft the slides' });
    await user.click(box);
    await waitFor(() => expect(within(card).getByRole('checkbox', { name: 'Draft the slides' })).toBeChecked());
    expect((await api.pairView(pair.relationshipId)).goals[0]!.milestones[0]!.done).toBe(true);

    await user.click(within(card).getByRole('button', { name: 'Delete milestone Draft the slides' }));
    await waitFor(() => expect(within(card).queryByRole('checkbox', { name: 'Draft the slides' })).not.toBeInTheDocument());
    expect((await api.pairView(pair.relationshipId)).goals[0]!.milestones).toHaveLength(0);
  });
});
