/**
 * A session's agenda: add, edit, reorder (up/down buttons, so it works by
 * keyboard and screen reader as well as by pointer), tick off and delete, and
 * fill it from a template. Either member of the pair may do all of it.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/apiClient';
import type { AgendaItem, Session, Stage } from '../api/types';
import { describeFailure, fieldError } from '../api/apiError';
import { ErrorNote } from '../shell/ErrorNote';
import { firstSessionTemplate, stageTemplates, type AgendaTemplate } from '../content/agendaTemplates';
import { usePairAction } from './usePairAction';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: `${tokens.spacingVerticalS} 0`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  text: { flexGrow: 1, flexBasis: '12rem', minWidth: 0 },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '10rem' },
  templates: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0`,
  },
});

export interface AgendaEditorProps {
  api: ApiClient;
  session: Session;
  stage: Stage;
  changed(): Promise<void>;
}

type Move = { itemId: string; direction: 'up' | 'down' };

export function AgendaEditor({ api, session, stage, changed }: AgendaEditorProps) {
  const styles = useStyles();
  const headingId = useId();
  const [items, setItems] = useState<AgendaItem[]>(session.agenda);
  const [newText, setNewText] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const { act, busy, error, setError } = usePairAction(changed);
  const [showTemplates, setShowTemplates] = useState(false);
  const moveButtons = useRef(new Map<string, HTMLElement>());
  const [lastMove, setLastMove] = useState<Move | null>(null);

  useEffect(() => setItems(session.agenda), [session.agenda]);

  // Keeps the keyboard on the item that moved; at the top or bottom, on its other move button.
  useEffect(() => {
    if (!lastMove) return;
    const other = lastMove.direction === 'up' ? 'down' : 'up';
    const same = moveButtons.current.get(`${lastMove.itemId}:${lastMove.direction}`);
    const target = same && !same.hasAttribute('disabled') ? same : moveButtons.current.get(`${lastMove.itemId}:${other}`);
    target?.focus();
  }, [items, lastMove]);

  const rememberMoveButton = (key: string) => (element: HTMLElement | null) => {
    if (element) moveButtons.current.set(key, element);
    else moveButtons.current.delete(key);
  };

  async function add(event: FormEvent) {
    event.preventDefault();
    const text = newText.trim();
    if (!text) {
      setError(new AgendaTextMissing());
      return;
    }
    if (await act(() => api.addAgendaItem(session.id, text))) setNewText('');
  }

  async function move(index: number, direction: 'up' | 'down') {
    const other = direction === 'up' ? index - 1 : index + 1;
    const moving = items[index];
    const swapped = items[other];
    if (!moving || !swapped) return;
    const reordered = [...items];
    reordered[index] = swapped;
    reordered[other] = moving;
    setItems(reordered);
    setLastMove({ itemId: moving.id, direction });
    await act(() => api.reorderAgenda(session.id, reordered.map((item) => item.id)));
  }

  async function saveEdit(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const text = editing.text.trim();
    if (!text) {
      setError(new AgendaTextMissing());
      return;
    }
    if (await act(() => api.updateAgendaItem(editing.id, { text }))) setEditing(null);
  }

  async function addTemplateItems(template: AgendaTemplate) {
    const present = new Set(items.map((item) => item.text.trim()));
    const missing = template.items.filter((text) => !present.has(text));
    const added = await act(async () => {
      // One after another, so the items keep the template's order.
      for (const text of missing) await api.addAgendaItem(session.id, text);
    });
    if (added) setShowTemplates(false);
  }

  const textProblem = error instanceof AgendaTextMissing ? error.message : fieldError(error, 'text');
  const otherProblem = error && !textProblem ? describeFailure(error) : null;
  const templates = [firstSessionTemplate, stageTemplates[stage]];

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Agenda for {formatWhen(session.startsAt)}</h2>
      {items.length === 0 && <p>Nothing on the agenda yet. Add what you want to talk about, or start from a template.</p>}
      <ol className={styles.list} aria-label="Agenda items">
        {items.map((item, index) => (
          <li key={item.id} className={styles.item}>
            {editing?.id === item.id ? (
              <form className={styles.row} onSubmit={(event) => void saveEdit(event)} noValidate>
                <Field className={styles.grow} label="Agenda item" validationMessage={textProblem}>
                  <Input autoFocus value={editing.text} onChange={(_, data) => setEditing({ id: item.id, text: data.value })} />
                </Field>
                <Button type="submit" appearance="primary" disabled={busy}>
                  Save
                </Button>
                <Button type="button" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
              </form>
            ) : (
              <>
                <Checkbox
                  className={styles.text}
                  checked={item.done}
                  disabled={busy}
                  label={<span className={item.done ? styles.done : undefined}>{item.text}</span>}
                  onChange={(_, data) => void act(() => api.updateAgendaItem(item.id, { done: data.checked === true }))}
                />
                <span className={styles.buttons}>
                  <Button
                    size="small"
                    ref={rememberMoveButton(`${item.id}:up`)}
                    disabled={busy || index === 0}
                    aria-label={`Move “${item.text}” up`}
                    onClick={() => void move(index, 'up')}
                  >
                    Up
                  </Button>
                  <Button
                    size="small"
                    ref={rememberMoveButton(`${item.id}:down`)}
                    disabled={busy || index === items.length - 1}
                    aria-label={`Move “${item.text}” down`}
                    onClick={() => void move(index, 'down')}
                  >
                    Down
                  </Button>
                  <Button size="small" disabled={busy} aria-label={`Edit “${item.text}”`} onClick={() => setEditing({ id: item.id, text: item.text })}>
                    Edit
                  </Button>
                  <Button size="small" appearance="subtle" disabled={busy} aria-label={`Delete “${item.text}”`} onClick={() => void act(() => api.deleteAgendaItem(item.id))}>
                    Delete
                  </Button>
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
      <form className={styles.row} onSubmit={(event) => void add(event)} noValidate>
        <Field className={styles.grow} label="New agenda item" validationMessage={editing ? undefined : textProblem}>
          <Input value={newText} onChange={(_, data) => setNewText(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          Add to agenda
        </Button>
        <Button type="button" aria-expanded={showTemplates} onClick={() => setShowTemplates((shown) => !shown)}>
          Use a template
        </Button>
      </form>
      <ErrorNote message={otherProblem} />
      {showTemplates && (
        <div className={styles.templates} role="group" aria-label="Agenda templates">
          {templates.map((template) => (
            <div key={template.id}>
              <h3>{template.title}</h3>
              <ul>
                {template.items.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
              <Button disabled={busy} onClick={() => void addTemplateItems(template)}>
                Add the “{template.title}” items
              </Button>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

class AgendaTextMissing extends Error {
  constructor() {
    super('Write what you want to talk about first.');
  }
}

export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
