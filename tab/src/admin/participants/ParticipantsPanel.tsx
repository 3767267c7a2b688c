/**
 * A program's participants: filtered by role, status and match, searched by
 * name, with one person's profile and actions beside the list.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  Button,
  Field,
  Input,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { EnrollmentStatus, Participant, ParticipantFilter, Program } from '../../api/adminTypes';
import { describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';
import { useDebounced } from '../questionnaire/useDebounced';
import { ParticipantProfilePanel } from './ParticipantProfilePanel';
import { matchWords, roleWords, statusWords } from './participantWords';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginBottom: tokens.spacingVerticalM },
  layout: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, alignItems: 'flex-start' },
  list: { flex: '2 1 30rem', minWidth: 0, overflowX: 'auto' },
  profile: { flex: '1 1 20rem', minWidth: 0 },
  pager: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalS },
});

const PAGE = 50;

export function ParticipantsPanel({ client, program }: { client: AdminClient; program: Program }) {
  const styles = useStyles();
  const [role, setRole] = useState<'' | 'mentor' | 'mentee'>('');
  const [status, setStatus] = useState<'' | EnrollmentStatus>('');
  const [matched, setMatched] = useState<'' | 'true' | 'false'>('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; participants: Participant[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const q = useDebounced(search, 300);

  const filter: ParticipantFilter = {
    role: role || undefined,
    status: status || undefined,
    matched: matched === '' ? undefined : matched === 'true',
    q: q.trim() || undefined,
    limit: PAGE,
    offset,
  };
  const key = JSON.stringify(filter);
  const reload = useCallback(() => {
    setError(null);
    return client.participants(program.id, JSON.parse(key) as ParticipantFilter).then(setPage, setError);
  }, [client, program.id, key]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const refilter = <T,>(set: (v: T) => void) => (value: T) => {
    set(value);
    setOffset(0);
  };

  return (
    <section aria-labelledby="participants-heading">
      <h2 id="participants-heading">Participants</h2>
      <div className={styles.filters} role="search" aria-label="Filter participants">
        <Field label="Role">
          <Select value={role} onChange={(_, d) => refilter(setRole)(d.value as typeof role)}>
            <option value="">Everyone</option>
            <option value="mentor">Mentors</option>
            <option value="mentee">Mentees</option>
          </Select>
        </Field>
        <Field label="Status">
          <Select value={status} onChange={(_, d) => refilter(setStatus)(d.value as typeof status)}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="paused">Paused</option>
            <option value="withdrawn">Withdrawn</option>
          </Select>
        </Field>
        <Field label="Matched">
          <Select value={matched} onChange={(_, d) => refilter(setMatched)(d.value as typeof matched)}>
            <option value="">Either</option>
            <option value="true">Matched</option>
            <option value="false">Not matched</option>
          </Select>
        </Field>
        <Field label="Name">
          <Input value={search} onChange={(_, d) => refilter(setSearch)(d.value)} placeholder="Search by name" />
        </Field>
      </div>
      <div className={styles.layout}>
        <div className={styles.list}>
          <ErrorNote message={error ? describeFailure(error) : null} />
          {!page && !error && <Spinner label="Loading participants…" />}
          {page && page.participants.length === 0 && <p>Nobody matches these filters.</p>}
          {page && page.participants.length > 0 && (
            <>
              <Table aria-label="Participants" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Role</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    <TableHeaderCell>Match</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.participants.map((p) => (
                    <TableRow key={p.personId} aria-selected={selected === p.personId}>
                      <TableCell>
                        <Button appearance="transparent" onClick={() => setSelected(p.personId)} aria-pressed={selected === p.personId}>
                          {p.name}
                        </Button>
                      </TableCell>
                      <TableCell>{roleWords[p.role]}</TableCell>
                      <TableCell>{statusWords[p.status]}</TableCell>
                      <TableCell>{matchWords(p)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <div className={styles.pager}>
                <span>
                  {offset + 1}–{offset + page.participants.length} of {page.total}
                </span>
                <Button size="small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  Previous
                </Button>
                <Button size="small" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
                  Next
                </Button>
              </div>
            </>
          )}
        </div>
        <div className={styles.profile}>
          {selected ? (
            <ParticipantProfilePanel key={selected} client={client} program={program} personId={selected} changed={() => void reload()} />
          ) : (
            <p>Choose someone to see their answers, their match and what you can do for them.</p>
          )}
        </div>
      </div>
    </section>
  );
}
