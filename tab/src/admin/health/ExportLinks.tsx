/**
 * CSV downloads of the program's tables. The API wants the bearer token, which
 * a plain link cannot send: the file is fetched, then handed to the browser.
 */
import { useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { ExportKind } from '../../api/adminTypes';
import { describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';

const useStyles = makeStyles({ row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

const exportWords: Record<ExportKind, string> = {
  participants: 'Participants',
  pairs: 'Pairs',
  sessions: 'Sessions',
  ratings: 'Ratings',
};

export function ExportLinks({ client, programId }: { client: AdminClient; programId: string }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(kind: ExportKind) {
    setBusy(kind);
    setError(null);
    try {
      const { blob, fileName } = await client.exportCsv(programId, kind);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="exports-heading">
      <h3 id="exports-heading">Download as CSV</h3>
      <div className={styles.row}>
        {(Object.keys(exportWords) as ExportKind[]).map((kind) => (
          <Button key={kind} disabled={busy !== null} onClick={() => void download(kind)}>
            {exportWords[kind]} (CSV)
          </Button>
        ))}
      </div>
      <ErrorNote message={error ? describeFailure(error) : null} />
    </section>
  );
}
