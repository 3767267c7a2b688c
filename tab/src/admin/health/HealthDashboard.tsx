/**
 * Program health: the figures for a date range (the last six months unless
 * chosen), charts where a picture reads better than a number, the pairs at
 * risk with what to do, and the CSV downloads.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AdminClient } from '../../api/adminClient';
import type { AdminMe, Program, ProgramHealth } from '../../api/adminTypes';
import { ApiError, describeFailure } from '../../api/apiError';
import { ErrorNote } from '../../shell/ErrorNote';
import { day, decimal } from '../format';
import { BarChart, LineChart, chartColors } from './charts';
import { ExportLinks } from './ExportLinks';
import { Figures } from './Figures';
import { PairsAtRisk } from './PairsAtRisk';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', marginBottom: tokens.spacingVerticalM },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: tokens.spacingHorizontalXL, margin: `${tokens.spacingVerticalL} 0` },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** A week by its Monday ("9 Mar"); a month as "Mar 26". */
const weekLabel = (week: string) => new Date(`${week}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthLabel = (month: string) =>
  new Date(`${month}-15T12:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

export function HealthDashboard(props: {
  client: AdminClient;
  program: Program;
  programs: AdminMe['programs'];
  switchProgram(programId: string): void;
}) {
  const { client, program, programs, switchProgram } = props;
  const styles = useStyles();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [health, setHealth] = useState<ProgramHealth | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    setError(null);
    return client.health(program.id, range).then((found) => {
      setHealth(found);
      setFrom(found.range.from);
      setTo(found.range.to);
    }, setError);
  }, [client, program.id, range]);
  useEffect(() => {
    void reload();
  }, [reload]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setRange({ from: from || undefined, to: to || undefined });
  }

  const rangeProblem = (field: 'from' | 'to') => (error instanceof ApiError && error.field === field ? error.message : undefined);
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Program health</h2>
      <form className={styles.filters} onSubmit={apply} aria-label="Health filters">
        {programs.length > 1 && (
          <Field label="Program">
            <Select value={program.id} onChange={(_, d) => switchProgram(d.value)}>
              {programs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="From" validationMessage={rangeProblem('from')}>
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label="To" validationMessage={rangeProblem('to')}>
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
        <Button type="submit">Show</Button>
      </form>
      {error !== null && !rangeProblem('from') && !rangeProblem('to') && <ErrorNote message={describeFailure(error)} />}
      {!health && !error && <Spinner label="Adding up the figures…" />}
      {health && (
        <div className={styles.stack}>
          <p>
            From {day(health.range.from)} to {day(health.range.to)}. Counts of people, pairs and proposals are as of now; sessions, ratings
            and registrations are those in the period.
          </p>
          <Figures health={health} />
          <div className={styles.charts}>
            <BarChart
              title="Sessions per week"
              summary={`${health.sessions.held} sessions held and ${health.attendance.missed + health.attendance.cancelled} missed or cancelled over ${health.series.sessionsPerWeek.length} weeks.`}
              series={[
                { name: 'Held', color: chartColors.primary },
                { name: 'Missed or cancelled', color: chartColors.bad },
              ]}
              rows={health.series.sessionsPerWeek.map((w) => ({ label: weekLabel(w.week), values: [w.held, w.missedOrCancelled] }))}
            />
            <BarChart
              title="Registrations per week"
              summary={`${health.registrations.inRange.total} registrations in the period.`}
              series={[
                { name: 'Mentors', color: chartColors.primary },
                { name: 'Mentees', color: chartColors.secondary },
              ]}
              rows={health.series.registrationsPerWeek.map((w) => ({ label: weekLabel(w.week), values: [w.mentors, w.mentees] }))}
            />
            <LineChart
              title="Average rating per month"
              summary={`Average rating ${decimal(health.rating.average)} out of 5 from ${health.rating.count} ratings.`}
              series={[{ name: 'Average rating', color: chartColors.primary }]}
              rows={health.series.ratingPerMonth.map((m) => ({ label: monthLabel(m.month), values: [m.average] }))}
              max={5}
              format={(v) => v.toFixed(1)}
            />
            <BarChart
              title="Mentors by number of mentees"
              summary={`${health.mentorLoad.mentors} mentors: ${health.mentorLoad.idle} without a mentee, ${health.mentorLoad.full} full, ${health.mentorLoad.overCapacity} over capacity.`}
              series={[{ name: 'Mentors', color: chartColors.primary }]}
              rows={health.mentorLoad.distribution.map((d) => ({ label: `${d.mentees} mentee${d.mentees === 1 ? '' : 's'}`, values: [d.mentors] }))}
            />
            <BarChart
              title="Ratings by score"
              summary={`${health.rating.count} ratings, from 1 to 5 stars.`}
              series={[{ name: 'Ratings', color: chartColors.good }]}
              rows={(['1', '2', '3', '4', '5'] as const).map((s) => ({ label: `${s} ★`, values: [health.rating.byScore[s]] }))}
            />
          </div>
          <PairsAtRisk client={client} programId={program.id} pairs={health.atRisk.pairs} total={health.atRisk.total} changed={() => void reload()} />
          <ExportLinks client={client} programId={program.id} />
        </div>
      )}
    </section>
  );
}
