import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  note: { color: tokens.colorPaletteRedForeground1, margin: `${tokens.spacingVerticalXS} 0` },
});

/** A failure that belongs to no single field, announced to screen readers as it appears. */
export function ErrorNote({ message }: { message: string | null }) {
  const styles = useStyles();
  if (!message) return null;
  return (
    <p role="alert" className={styles.note}>
      {message}
    </p>
  );
}
