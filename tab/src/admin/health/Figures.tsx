/** The program's headline figures as tiles: a number, what it counts, and its basis. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ProgramHealth } from '../../api/adminTypes';
import { decimal, percent } from '../format';

const useStyles = makeStyles({
  grid: {
    listStyleType: 'none',
    padding: 0,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  tile: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
  },
  value: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  label: { fontWeight: tokens.fontWeightSemibold },
  basis: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function Figures({ health: h }: { health: ProgramHealth }) {
  const styles = useStyles();
  const tiles: { label: string; value: string; basis: string }[] = [
    { label: 'Active participants', value: String(h.registrations.active.total), basis: `${h.registrations.active.mentors} mentors, ${h.registrations.active.mentees} mentees` },
    { label: 'Registrations', value: String(h.registrations.inRange.total), basis: `in this period; ${h.registrations.withdrawnInRange} withdrew` },
    { label: 'Match rate', value: percent(h.matchRate.rate), basis: `${h.matchRate.matchedMentees} of ${h.matchRate.activeMentees} active mentees have a mentor` },
    { label: 'Time to match', value: h.timeToMatch.medianDays === null ? '—' : `${decimal(h.timeToMatch.medianDays)} days`, basis: `median, ${h.timeToMatch.mentees} mentees matched in this period` },
    { label: 'Pending proposals', value: String(h.proposals.pending), basis: `${h.proposals.acceptedInRange} accepted, ${h.proposals.declinedInRange} declined, ${h.proposals.expiredInRange} expired` },
    { label: 'Active pairs', value: String(h.pairs.active), basis: `${h.pairs.startedInRange} started, ${h.pairs.endedInRange} ended in this period` },
    { label: 'Sessions held per pair', value: decimal(h.sessions.heldPerPair), basis: `${h.sessions.held} held, ${h.sessions.scheduled} scheduled` },
    { label: 'Attendance', value: percent(h.attendance.rate), basis: `${h.attendance.held} held, ${h.attendance.missed} missed, ${h.attendance.cancelled} cancelled` },
    { label: 'Average rating', value: h.rating.average === null ? '—' : `${decimal(h.rating.average)} / 5`, basis: `${h.rating.count} ratings` },
    { label: 'Goal completion', value: percent(h.goals.completion), basis: `${h.goals.done} of ${h.goals.total} goals done` },
    { label: 'Mentor capacity used', value: percent(h.mentorLoad.utilisation), basis: `${h.mentorLoad.totalMentees} mentees, room for ${h.mentorLoad.totalCapacity}` },
    { label: 'Pairs at risk', value: String(h.atRisk.total), basis: 'listed below with what to do' },
  ];
  return (
    <ul className={styles.grid} aria-label="Program figures">
      {tiles.map((t) => (
        <li key={t.label} className={styles.tile}>
          <span className={styles.label}>{t.label}</span>
          <span className={styles.value}>{t.value}</span>
          <span className={styles.basis}>{t.basis}</span>
        </li>
      ))}
    </ul>
  );
}
