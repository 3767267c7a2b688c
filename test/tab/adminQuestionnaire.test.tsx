/**
 * The Programs tab against the real server: someone who administers nothing
 * is told so in a sentence, and the questionnaire editor's live preview is
 * the bot's own registration card, drawn by the Adaptive Cards SDK, following
 * each edit and the chosen role, and saved only when the admin saves.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAdminClient, type AdminClient } from '../../tab/src/api/adminClient';
import { createApiClient } from '../../tab/src/api/apiClient';
import { NOT_AN_ADMIN, ProgramsTab } from '../../tab/src/admin/ProgramsTab';
import { QuestionnaireEditor } from '../../tab/src/admin/questionnaire/QuestionnaireEditor';
import type { Program } from '../../tab/src/api/adminTypes';
import { startTandemProcess, type TandemProcess } from './support/tandemProcess';
import type { SeededPair } from './support/seedPair';
import { nodeFetch } from './support/signedInClient';

// The SDK's ESM build does not load under jest's CommonJS; its UMD bundle is the same SDK.
jest.mock('adaptivecards', () => jest.requireActual('adaptivecards/dist/adaptivecards.js'));

jest.setTimeout(60_000);

// jsdom has no innerText, which the SDK writes its text with (as every browser allows): the textContent stands in.
if (!('innerText' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: HTMLElement) {
      return this.textContent;
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}

let tandem: TandemProcess;
let pair: SeededPair;

beforeAll(async () => {
  // The seeded mentor ("29:mentor-admin") is a tenant admin; the mentee is nobody's admin.
  tandem = await startTandemProcess({ TENANT_ADMINS: '29:mentor-admin' });
  pair = await tandem.seedPair('admin');
});
afterAll(() => tandem?.stop());

async function adminClientAs(personId: string): Promise<AdminClient> {
  const { token } = await createApiClient({ baseUrl: tandem.url, fetch: nodeFetch, getToken: () => null }).devSignIn(personId, pair.tenantId);
  return createAdminClient({ baseUrl: tandem.url, fetch: nodeFetch, getToken: () => token });
}

describe('the Programs tab', () => {
  it('tells someone who administers no program so, in a sentence, and shows nothing else', async () => {
    const client = await adminClientAs(pair.mentee.id);
    render(<ProgramsTab client={client} />);
    expect(await screen.findByText(NOT_AN_ADMIN)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Programs' })).not.toBeInTheDocument();
    // The server refuses the program routes too, whatever the tab shows.
    const admin = await adminClientAs(pair.mentor.id);
    const program = await admin.program((await admin.programs())[0]!.id);
    await expect(client.program(program.id)).rejects.toMatchObject({ status: 403 });
    await expect(client.previewQuestionnaire(program.id, program.questionnaire, 'mentee')).rejects.toMatchObject({
      status: 403,
      message: "Only this program's admins can do that.",
    });
  });

  it('lists the programs for a tenant admin', async () => {
    const client = await adminClientAs(pair.mentor.id);
    render(<ProgramsTab client={client} />);
    const table = await screen.findByRole('table', { name: 'Programs you run' });
    const [program] = await client.programs();
    expect(within(table).getByRole('link', { name: program!.name })).toBeInTheDocument();
  });
});

describe('the questionnaire editor', () => {
  let client: AdminClient;
  let program: Program;

  beforeAll(async () => {
    client = await adminClientAs(pair.mentor.id);
    // A short questionnaire of its own keeps the editor small; the card builder is the bot's either way.
    program = await client.createProgram({
      name: 'Preview practice',
      questionnaire: {
        questions: [
          { id: 'goals', label: 'What do you want to learn?', type: 'text', audience: 'mentee', required: true, matching: { rule: 'none', weight: 0 } },
          { id: 'offers', label: 'What can you teach?', type: 'text', audience: 'mentor', required: false, matching: { rule: 'none', weight: 0 } },
          {
            id: 'department',
            label: 'Your department',
            type: 'single-choice',
            audience: 'both',
            required: false,
            options: [
              { value: 'eng', title: 'Engineering' },
              { value: 'sales', title: 'Sales' },
            ],
            matching: { rule: 'same', weight: 3 },
          },
        ],
      },
    });
  });

  const preview = () => screen.getByRole('figure', { name: /^Registration card for/ });

  it('previews the registration card for the chosen role, follows edits, and saves only on save', async () => {
    const saved = jest.fn();
    render(<QuestionnaireEditor client={client} program={program} saved={saved} />);
    const user = userEvent.setup();

    // The mentee's card: what they want to learn, not what mentors teach.
    const menteeCard = await screen.findByRole('figure', { name: 'Registration card for a mentee' });
    await within(menteeCard).findByText(/What do you want to learn\?/);
    expect(within(menteeCard).getByText('Register for Preview practice')).toBeInTheDocument();
    expect(within(menteeCard).queryByText(/What can you teach\?/)).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show the card for' }), 'mentor');
    const mentorCard = await screen.findByRole('figure', { name: 'Registration card for a mentor' });
    await within(mentorCard).findByText(/What can you teach\?/);
    expect(within(mentorCard).queryByText(/What do you want to learn\?/)).not.toBeInTheDocument();

    // Rewording a question shows in the card once typing pauses.
    const department = within(screen.getByRole('group', { name: 'Question 3' })).getByRole('textbox', { name: 'Question' });
    await user.clear(department);
    await user.paste('Which team are you part of?');
    await within(preview()).findByText(/Which team are you part of\?/);
    expect(within(preview()).queryByText(/Your department/)).not.toBeInTheDocument();

    // A question the server cannot draw (no label) is named; the last card that could be drawn stays.
    await user.clear(department);
    const refusal = await screen.findByText(/The preview shows the last version that could be drawn\. must not be empty/);
    expect(refusal).toHaveTextContent('questionnaire.questions.2.label');
    expect(within(preview()).getByText(/Which team are you part of\?/)).toBeInTheDocument();
    await user.paste('Your team');

    // A new question appears on the card; previewing stored nothing.
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    await within(preview()).findByText(/A new question/);
    await within(preview()).findByText(/Your team/);
    expect(screen.queryByText(/could be drawn/)).not.toBeInTheDocument();
    expect((await client.program(program.id)).questionnaire.questions.map((q) => q.label)).toEqual([
      'What do you want to learn?',
      'What can you teach?',
      'Your department',
    ]);
    expect(saved).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    await screen.findByText('Saved. New registrations use it now.');
    const stored = await client.program(program.id);
    expect(stored.questionnaire.questions.map((q) => q.label)).toEqual(['What do you want to learn?', 'What can you teach?', 'Your team', 'A new question']);
    expect(saved).toHaveBeenCalledWith(expect.objectContaining({ id: program.id, updatedAt: stored.updatedAt }));
  });
});
