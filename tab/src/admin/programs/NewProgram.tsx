/** Creating a program (tenant admins): the settings form, empty, with the recommended defaults filled in. */
import type { AdminClient } from '../../api/adminClient';
import { ProgramSettingsForm } from './ProgramSettingsForm';

export function NewProgram({ client, created }: { client: AdminClient; created(programId: string): void }) {
  return (
    <section aria-labelledby="new-program-heading">
      <h1 id="new-program-heading">New program</h1>
      <p>
        Name it and say how it runs; everything else starts at values that suit most programs. The program stays a draft, closed to
        registration, until you open it.
      </p>
      <ProgramSettingsForm client={client} program={null} saved={(p) => created(p.id)} />
    </section>
  );
}
