/**
 * The next session's agenda in the pair view, against the real server:
 * reordering by keyboard with the up/down buttons (focus stays on the item
 * that moved), ticking off, editing, templates, and the server's refusals.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiClient } from '../../tab/src/api/apiClient';
import { firstSessionTemplate, stageTemplates } from '../../tab/src/content/agendaTemplates';
import { PairView } from '../../tab/src/pairs/PairView';
import { startTandemProcess, type TandemProcess } from './support/tandemProcess';
import type { SeededPair } from './support/seedPair';
import { signedInClient } from './support/signedInClient';

jest.setTimeout(60_000);

let tandem: TandemProcess;
beforeAll(async () => {
  tandem = await startTandemProcess();
});
afterAll(() => tandem?.stop());

async function openAgenda(label: string, items: string[]) {
  const pair = await tandem.seedPair(label);
  const api = await signedInClient(tandem.url, pair.mentor.id, pair.tenantId);
  for (const text of items) await api.addAgendaItem(pair.upcomingSessionId, text);
  render(<PairView api={api} relationshipId={pair.relationshipId} openGuide={() => undefined} />);
  const agenda = await screen.findByRole('region', { name: /^Agenda for/ });
  return { pair, api, agenda };
}

async function storedAgenda(api: ApiClient, pair: SeededPair) {
  const view = await api.pairView(pair.relationshipId);
  return view.nextSession!.agenda;
}

const itemTexts = (agenda: HTMLElement) =>
  within(within(agenda).getByRole('list', { name: 'Agenda items' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent?.replace(/UpDownEditDelete$/, ''));

describe('the agenda', () => {
  it('reorders by keyboard, keeping focus on the item that moved', async () => {
    const { pair, api, agenda } = await openAgenda('reorder', ['Wins', 'Blockers', 'Next steps']);
    const user = userEvent.setup();
    within(agenda).getByRole('button', { name: 'Move “Next steps” up' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(itemTexts(agenda)).toEqual(['Wins', 'Next steps', 'Blockers']));
    await waitFor(() => expect(within(agenda).getByRole('button', { name: 'Move “Next steps” up' })).toHaveFocus());

    await user.keyboard('{Enter}');
    await waitFor(() => expect(itemTexts(agenda)).toEqual(['Next steps', 'Wins', 'Blockers']));
    // At the top its Up button is disabled, so the keyboard lands on its Down button.
    await waitFor(() => expect(within(agenda).getByRole('button', { name: 'Move “Next steps” down' })).toHaveFocus());
    expect((await storedAgenda(api, pair)).map((item) => item.text)).toEqual(['Next steps', 'Wins', 'Blockers']);
  });

  it('ticks items off and on, and edits their words', async () => {
    const { pair, api, agenda } = await openAgenda('tick', ['Career chat', 'Feedback on the demo']);
    const user = userEvent.setup();
    await user.click(within(agenda).getByRole('checkbox', { name: 'Career chat' }));
    await waitFor(() => expect(within(agenda).getByRole('checkbox', { name: 'Career chat' })).toBeChecked());
    expect((await storedAgenda(api, pair)).map((item) => item.done)).toEqual([true, false]);

    await user.click(within(agenda).getByRole('button', { name: 'Edit “Feedback on the demo”' }));
    const field = within(agenda).getByRole('textbox', { name: 'Agenda item' });
    await user.clear(field);
    await user.type(field, 'Feedback on the customer demo{Enter}');
    await within(agenda).findByRole('checkbox', { name: 'Feedback on the customer demo' });
    expect((await storedAgenda(api, pair)).map((item) => item.text)).toEqual(['Career chat', 'Feedback on the customer demo']);

    await user.click(within(agenda).getByRole('checkbox', { name: 'Career chat' }));
    await waitFor(() => expect(within(agenda).getByRole('checkbox', { name: 'Career chat' })).not.toBeChecked());
    expect((await storedAgenda(api, pair))[0]!.done).toBe(false);
  });

  it("adds the first-session template or the current stage's, skipping items already there", async () => {
    const already = firstSessionTemplate.items[0]!;
    const { pair, api, agenda } = await openAgenda('template', [already]);
    const user = userEvent.setup();
    await user.click(within(agenda).getByRole('button', { name: 'Use a template' }));
    const templates = within(agenda).getByRole('group', { name: 'Agenda templates' });
    expect(within(templates).getByRole('button', { name: `Add the “${stageTemplates['rapport-building'].title}” items` })).toBeInTheDocument();
    await user.click(within(templates).getByRole('button', { name: `Add the “${firstSessionTemplate.title}” items` }));
    await waitFor(() => expect(within(agenda).queryByRole('group', { name: 'Agenda templates' })).not.toBeInTheDocument());
    expect((await storedAgenda(api, pair)).map((item) => item.text)).toEqual(firstSessionTemplate.items);
    expect(itemTexts(agenda)).toEqual(firstSessionTemplate.items);
  });

  it("adds an item, and shows the server's reason next to the field when it refuses one", async () => {
    const { pair, api, agenda } = await openAgenda('add', []);
    const user = userEvent.setup();
    const field = within(agenda).getByRole('textbox', { name: 'New agenda item' });
    await user.type(field, 'What I learnt from the launch{Enter}');
    await within(agenda).findByRole('checkbox', { name: 'What I learnt from the launch' });
    expect(field).toHaveValue('');

    await user.click(field);
    await user.paste('x'.repeat(501));
    await user.click(within(agenda).getByRole('button', { name: 'Add to agenda' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('must be at most 500 characters'));
    expect((await storedAgenda(api, pair)).map((item) => item.text)).toEqual(['What I learnt from the launch']);
  });
});
