/**
 * Outside Teams, during development: pick who to be from the people Tandem
 * knows. In production the server refuses the development sign-in (404), and
 * this says to open Tandem in Teams instead.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../api/apiClient';
import type { DevPerson } from '../api/types';
import { ApiError, describeFailure } from '../api/apiError';
import { ErrorNote } from '../shell/ErrorNote';
import type { DevSession } from './devSession';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '28rem' },
});

export const OPEN_IN_TEAMS = 'Tandem must be opened in Microsoft Teams: sign-in outside Teams is only available in development.';

export function DevSignIn({ api, signedIn }: { api: ApiClient; signedIn(session: DevSession): void }) {
  const styles = useStyles();
  const [directory, setDirectory] = useState<{ tenantId: string; people: DevPerson[] } | null>(null);
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.devPeople().then((found) => {
      setDirectory(found);
      setPersonId(found.people[0]?.id ?? '');
    }, setError);
  }, [api]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!directory) return;
    if (!personId) {
      setProblem('Choose who you are.');
      return;
    }
    setBusy(true);
    setError(null);
    setProblem(undefined);
    try {
      const { token, person } = await api.devSignIn(personId, directory.tenantId);
      signedIn({ token, person });
    } catch (failure) {
      if (failure instanceof ApiError && failure.field === 'personId') setProblem(failure.message);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  }

  if (error instanceof ApiError && error.status === 404 && !directory) {
    return (
      <section aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Open Tandem in Teams</h1>
        <p role="alert">{OPEN_IN_TEAMS}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in for development</h1>
      <p>You are outside Teams, so Tandem cannot use your Teams sign-in. Choose a person to act as.</p>
      {!directory && !error && <Spinner label="Loading people…" />}
      <ErrorNote message={error ? describeFailure(error) : null} />
      {directory && directory.people.length === 0 && (
        <p>Nobody has chatted with Tandem yet. Say hello to the bot first, then come back.</p>
      )}
      {directory && directory.people.length > 0 && (
        <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
          <Field label="Sign in as" validationMessage={problem}>
            <Select value={personId} onChange={(_, data) => setPersonId(data.value)}>
              {directory.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <div>
            <Button type="submit" appearance="primary" disabled={busy}>
              Sign in
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
