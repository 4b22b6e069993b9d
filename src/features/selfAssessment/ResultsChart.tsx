import { useId } from 'react';
import type { ModuleId } from '../../schemas/ids';
import type { RoundAverages } from './model';

interface Props {
  before: RoundAverages;
  after: RoundAverages;
  /** The course's modules in course order, by id. */
  moduleTitles: Record<string, string>;
  l: (key: string, values?: Record<string, string | number>) => string;
  format: (value: number | null) => string;
}

const ROW = 46;
const LEFT = 48;
const WIDTH = 640;
const BAR = 16;
const scale = (v: number): number => ((WIDTH - LEFT - 56) * v) / 5;

/**
 * Before and after, per module, as a bar chart. The SVG has a text alternative (title and desc) and
 * the same numbers are in the data table after it, for anyone who cannot see the chart.
 */
export default function ResultsChart({ before, after, moduleTitles, l, format }: Props) {
  const id = useId();
  const moduleIds = Object.keys(moduleTitles);
  const height = 40 + moduleIds.length * ROW;
  const summary = moduleIds
    .map((m, i) =>
      l('assess.chart.row', {
        n: i + 1,
        module: moduleTitles[m] ?? m,
        before: format(before.byModule[m] ?? null),
        after: format(after.byModule[m] ?? null),
      }),
    )
    .join(' ');
  const bar = (m: ModuleId, value: number | null, y: number, kind: 'before' | 'after') =>
    value === null ? null : (
      <g key={`${m}-${kind}`}>
        <rect className={`chart-${kind}`} x={LEFT} y={y} width={scale(value)} height={BAR} />
        <text x={LEFT + scale(value) + 6} y={y + BAR - 3} className="chart-value">
          {format(value)}
        </text>
      </g>
    );
  return (
    <figure className="assess-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        data-chart="self-assessment"
      >
        <title id={`${id}-title`}>{l('assess.chart.title')}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <g aria-hidden="true">
          <rect className="chart-before" x={LEFT} y={6} width={14} height={14} />
          <text x={LEFT + 20} y={18}>
            {l('assess.round.before')}
          </text>
          <rect className="chart-after" x={LEFT + 180} y={6} width={14} height={14} />
          <text x={LEFT + 200} y={18}>
            {l('assess.round.after')}
          </text>
          {moduleIds.map((m, i) => {
            const y = 36 + i * ROW;
            return (
              <g key={m} data-chart-module={m}>
                <text x={0} y={y + BAR + 4} className="chart-label">
                  {l('assess.chart.short', { n: i + 1 })}
                </text>
                {bar(m, before.byModule[m] ?? null, y, 'before')}
                {bar(m, after.byModule[m] ?? null, y + BAR + 2, 'after')}
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="meta">{l('assess.chart.caption')}</figcaption>
    </figure>
  );
}
