/** The programs the admin runs, each opening its own page. */
import { useEffect, useState } from 'react';
import { Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { AdminMe, ProgramSummary } from '../../api/adminTypes';
import { describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';
import { InAppLink } from '../../shell/InAppLink';
import { day } from '../format';
import { programTypeWords } from './programWords';
import { adminRouteSearch } from '../adminRoute';

export function ProgramList({ client, me, open }: { client: AdminClient; me: AdminMe; open(programId: string): void }) {
  const [programs, setPrograms] = useState<ProgramSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    client.programs().then(setPrograms, setError);
  }, [client]);

  if (!programs) return error ? <ErrorNote message={describeFailure(error)} /> : <Spinner label="Loading programs…" />;
  return (
    <section aria-labelledby="programs-heading">
      <h1 id="programs-heading">Programs</h1>
      {programs.length === 0 ? (
        <p>{me.canCreatePrograms ? 'There is no program yet. Create the first one with “New program”.' : 'You do not run any program yet.'}</p>
      ) : (
        <Table aria-label="Programs you run">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Program</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Dates</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {programs.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  <InAppLink href={adminRouteSearch({ page: 'program', programId: p.id, view: 'health' })} open={() => open(p.id)}>
                    {p.name}
                  </InAppLink>
                </TableCell>
                <TableCell>{programTypeWords[p.type]}</TableCell>
                <TableCell>{p.shape === 'evergreen' ? 'Evergreen' : `${day(p.startsOn)} – ${day(p.endsOn)}`}</TableCell>
                <TableCell>{p.status === 'open' ? 'Registration open' : p.status === 'draft' ? 'Draft' : 'Closed'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
