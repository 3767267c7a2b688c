/**
 * Small charts drawn as SVG, no chart library: grouped bars and a line. Each
 * is one image with a spoken summary, and its figures as a table under a
 * "Show the figures" disclosure for anyone who prefers numbers or cannot see it.
 */
import { useId, type ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

export interface Series {
  name: string;
  color: string;
}

export interface ChartProps {
  title: string;
  /** One sentence for screen readers: what the picture shows. */
  summary: string;
  series: Series[];
  rows: { label: string; values: (number | null)[] }[];
  format?: (value: number) => string;
  /** Fixed top of the scale (e.g. 5 for ratings); else the largest value. */
  max?: number;
}

const useStyles = makeStyles({
  figure: { margin: 0, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  svg: { width: '100%', height: 'auto', display: 'block', overflow: 'visible' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, listStyleType: 'none', padding: 0, margin: `${tokens.spacingVerticalXS} 0` },
  swatch: { display: 'inline-block', width: '0.8em', height: '0.8em', marginRight: '0.3em', verticalAlign: 'middle' },
  table: { borderCollapse: 'collapse', '& th, & td': { padding: `0 ${tokens.spacingHorizontalS}`, textAlign: 'right' } },
});

// Drawn about as wide as it is shown, so 12-unit text reads as 12 px.
const WIDTH = 360;
const HEIGHT = 160;
const PAD = { top: 8, right: 8, bottom: 26, left: 32 };
const PLOT_WIDTH = WIDTH - PAD.left - PAD.right;
const PLOT_HEIGHT = HEIGHT - PAD.top - PAD.bottom;
/** A few categories should not become slabs. */
const MAX_BAR = 36;

const plain = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

function scaleTop(rows: ChartProps['rows'], max?: number): number {
  if (max !== undefined) return max;
  const top = Math.max(0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  return top === 0 ? 1 : top;
}

/** The y of a value on a scale from 0 to `top` (SVG y grows downwards). */
function yOf(value: number, top: number): number {
  return PAD.top + PLOT_HEIGHT * (1 - value / top);
}

/** Every nth label, so labels never overlap on a narrow chart. */
function labelStep(count: number): number {
  return Math.max(1, Math.ceil(count / 5));
}

function Legend({ series }: { series: Series[] }) {
  const styles = useStyles();
  if (series.length < 2) return null;
  return (
    <ul className={styles.legend}>
      {series.map((s) => (
        <li key={s.name}>
          <span className={styles.swatch} style={{ backgroundColor: s.color }} aria-hidden="true" />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

function FiguresTable({ title, series, rows, format = plain }: ChartProps) {
  const styles = useStyles();
  return (
    <details>
      <summary>Show the figures</summary>
      <table className={styles.table} aria-label={title}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left' }}>
              &nbsp;
            </th>
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" style={{ textAlign: 'left' }}>
                {r.label}
              </th>
              {r.values.map((v, i) => (
                <td key={i}>{v === null ? '—' : format(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Axis({ top, format }: { top: number; format: (v: number) => string }) {
  const y = (v: number) => yOf(v, top);
  return (
    <g aria-hidden="true" fontSize="12" style={{ fill: tokens.colorNeutralForeground2 }}>
      {[0, top / 2, top].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} style={{ stroke: tokens.colorNeutralStroke2, strokeWidth: 1 }} />
          <text x={PAD.left - 4} y={y(v) + 4} textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** What both charts share: the caption, the picture with its summary and scale around `children`, the legend and the figures. */
function ChartFrame({ chart, top, children }: { chart: ChartProps; top: number; children: ReactNode }) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption} id={titleId}>
        {chart.title}
      </figcaption>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-d`}>
        <desc id={`${titleId}-d`}>{chart.summary}</desc>
        <Axis top={top} format={chart.format ?? plain} />
        {children}
      </svg>
      <Legend series={chart.series} />
      <FiguresTable {...chart} />
    </figure>
  );
}

/** A row's label under the plot, centred on `x`. */
function XLabel({ x, label }: { x: number; label: string }) {
  return (
    <text x={x} y={HEIGHT - 8} fontSize="12" textAnchor="middle" style={{ fill: tokens.colorNeutralForeground2 }} aria-hidden="true">
      {label}
    </text>
  );
}

export function BarChart(props: ChartProps) {
  const { series, rows, format = plain } = props;
  const top = scaleTop(rows, props.max);
  const slot = PLOT_WIDTH / Math.max(rows.length, 1);
  const barWidth = Math.min(MAX_BAR, Math.max(1, (slot * 0.8) / Math.max(series.length, 1)));
  const groupOffset = (slot - barWidth * series.length) / 2;
  const step = labelStep(rows.length);

  return (
    <ChartFrame chart={props} top={top}>
      {rows.map((r, i) => (
        <g key={r.label}>
          {r.values.map((v, j) => {
            const h = v === null ? 0 : (PLOT_HEIGHT * v) / top;
            return (
              <rect
                key={j}
                x={PAD.left + i * slot + groupOffset + j * barWidth}
                y={PAD.top + PLOT_HEIGHT - h}
                width={barWidth}
                height={h}
                style={{ fill: series[j]?.color }}
              >
                <title>{`${r.label}, ${series[j]?.name}: ${v === null ? 'none' : format(v)}`}</title>
              </rect>
            );
          })}
          {i % step === 0 && <XLabel x={PAD.left + i * slot + slot / 2} label={r.label} />}
        </g>
      ))}
    </ChartFrame>
  );
}

export function LineChart(props: ChartProps) {
  const { series, rows, format = plain } = props;
  const top = scaleTop(rows, props.max);
  const x = (i: number) => PAD.left + (rows.length <= 1 ? PLOT_WIDTH / 2 : (PLOT_WIDTH * i) / (rows.length - 1));
  const y = (v: number) => yOf(v, top);
  const step = labelStep(rows.length);

  return (
    <ChartFrame chart={props} top={top}>
      {series.map((s, j) => {
        // A month without ratings breaks the line rather than drawing it down to zero.
        const segments: string[] = [];
        let current = '';
        rows.forEach((r, i) => {
          const v = r.values[j];
          if (v === null || v === undefined) {
            if (current) segments.push(current);
            current = '';
          } else current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        });
        if (current) segments.push(current);
        return (
          <g key={s.name}>
            {segments.map((d, k) => (
              <path key={k} d={d} style={{ fill: 'none', stroke: s.color, strokeWidth: 2 }} />
            ))}
            {rows.map((r, i) => {
              const v = r.values[j];
              return v === null || v === undefined ? null : (
                <circle key={r.label} cx={x(i)} cy={y(v)} r="3" style={{ fill: s.color }}>
                  <title>{`${r.label}, ${s.name}: ${format(v)}`}</title>
                </circle>
              );
            })}
          </g>
        );
      })}
      {rows.map((r, i) => (i % step === 0 ? <XLabel key={r.label} x={x(i)} label={r.label} /> : null))}
    </ChartFrame>
  );
}

/** Colours that read on light, dark and high-contrast themes alike. */
export const chartColors = {
  primary: tokens.colorPaletteBlueBorderActive,
  secondary: tokens.colorPaletteMarigoldBorderActive,
  bad: tokens.colorPaletteRedBorderActive,
  good: tokens.colorPaletteGreenBorderActive,
};
