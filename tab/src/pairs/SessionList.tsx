/** Upcoming sessions with their Teams join link, and past sessions with what was on their agenda. */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { Session } from '../api/types';
import { formatWhen } from './AgendaEditor';

const useStyles = makeStyles({
  list: { paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  agenda: { color: tokens.colorNeutralForeground2 },
});

const STATUS_WORDS: Record<Session['status'], string> = {
  proposed: 'proposed',
  scheduled: 'scheduled',
  held: 'held',
  cancelled: 'cancelled',
  missed: 'missed',
};

/** Past sessions can run to hundreds; the most recent are the ones people look back at. */
const PAST_SHOWN = 10;

export function SessionList({ upcoming, past }: { upcoming: Session[]; past: Session[] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <h3>Upcoming</h3>
      {upcoming.length === 0 ? (
        <p>No session booked yet.</p>
      ) : (
        <ul className={styles.list}>
          {upcoming.map((s) => (
            <li key={s.id}>
              {formatWhen(s.startsAt)} ({STATUS_WORDS[s.status]})
              {s.joinUrl && (
                <>
                  {' · '}
                  <Link href={s.joinUrl} target="_blank" rel="noreferrer">
                    Join the meeting<span className="visually-hidden"> on {formatWhen(s.startsAt)}</span>
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>Past</h3>
      {past.length === 0 ? (
        <p>No sessions yet.</p>
      ) : (
        <ul className={styles.list}>
          {past.slice(0, PAST_SHOWN).map((s) => (
            <li key={s.id}>
              {formatWhen(s.startsAt)} ({STATUS_WORDS[s.status]})
              {s.agenda.length > 0 && <div className={styles.agenda}>Talked about: {s.agenda.map((item) => item.text).join('; ')}</div>}
            </li>
          ))}
        </ul>
      )}
      {past.length > PAST_SHOWN && <p>And {past.length - PAST_SHOWN} earlier sessions.</p>}
    </section>
  );
}
