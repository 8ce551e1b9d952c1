import { mergeClasses } from '@fluentui/react-components';
import { useId } from 'react';
import type { Distribution } from '../../../../../core/checkin/trends.js';
import { t, type Locale } from '../../../../../core/i18n/index.js';
import {
  bucketRange,
  buckets,
  cellLines,
  heatCell,
  periodLabel,
  questionLabel,
  yearGroupLabel,
  type HeatCell,
} from './heat-map.js';
import type { SchoolTrendsResponse } from './school-api.js';
import { useSchoolTrendsStyles } from './SchoolTrends.styles.js';

interface Row {
  key: string;
  name: string;
  sub?: string | undefined;
  cells: (Distribution | null)[];
}

/**
 * Classes, year groups and the whole school by period, as one table: a real table for screen
 * readers and the keyboard (the scroll area takes focus, so it scrolls with the arrow keys), with
 * each cell's numbers as text and colour as a second channel.
 */
export function HeatMapTable({ view, locale }: { view: SchoolTrendsResponse; locale: Locale }) {
  const styles = useSchoolTrendsStyles();
  const captionId = useId();
  const columns = view.periods.length + 1;
  const groups: { key: string; title: string; rows: Row[] }[] = [
    {
      key: 'classes',
      title: t(locale, 'tab.trends.classes'),
      rows: view.classes.map((c) => ({
        key: c.teamId,
        name: c.name,
        sub: c.yearGroup === null ? undefined : yearGroupLabel(locale, c.yearGroup),
        cells: c.cells,
      })),
    },
    {
      key: 'years',
      title: t(locale, 'tab.trends.yearGroups'),
      rows: view.yearGroups.map((y) => ({
        key: y.yearGroup,
        name: yearGroupLabel(locale, y.yearGroup),
        cells: y.cells,
      })),
    },
    {
      key: 'school',
      title: t(locale, 'tab.trends.school'),
      rows: [{ key: 'school', name: t(locale, 'tab.trends.school'), cells: view.school }],
    },
  ];

  return (
    <div
      className={styles.scroller}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      data-testid="heat-map"
    >
      <table className={styles.table}>
        <caption id={captionId} className={styles.caption}>
          {t(locale, 'tab.trends.table', {
            question: questionLabel(locale, view.questionId),
            period: t(locale, view.kind === 'term' ? 'tab.trends.byTerm' : 'tab.trends.byWeek'),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.colHeader}>
              {t(locale, 'tab.trends.group')}
            </th>
            {view.periods.map((period) => {
              const label = periodLabel(locale, period);
              return (
                <th key={period.id} scope="col" className={styles.colHeader}>
                  {label.main}
                  {label.sub && <span className={styles.sub}>{label.sub}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        {groups
          .filter((group) => group.rows.length > 0)
          .map((group) => (
            <tbody key={group.key}>
              {group.key !== 'school' && (
                <tr>
                  <th scope="rowgroup" colSpan={columns} className={styles.groupHeader}>
                    {group.title}
                  </th>
                </tr>
              )}
              {group.rows.map((row) => (
                <tr key={row.key}>
                  <th
                    scope="row"
                    className={mergeClasses(
                      styles.rowHeader,
                      group.key === 'school' && styles.groupHeader,
                    )}
                  >
                    {row.name}
                    {row.sub && <span className={styles.sub}>{row.sub}</span>}
                  </th>
                  {row.cells.map((cell, i) => (
                    <HeatMapCell
                      key={view.periods[i]?.id ?? i}
                      cell={heatCell(cell)}
                      locale={locale}
                      k={view.k}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
      </table>
    </div>
  );
}

function HeatMapCell({ cell, locale, k }: { cell: HeatCell; locale: Locale; k: number }) {
  const styles = useSchoolTrendsStyles();
  const [first, ...rest] = cellLines(cell, locale, k);
  return (
    <td className={mergeClasses(styles.cell, cellClass(styles, cell))} data-cell={cell.kind}>
      <span className={styles.first}>{first}</span>
      {rest.map((line) => (
        <span key={line} className={styles.line}>
          {line}
        </span>
      ))}
    </td>
  );
}

type Styles = ReturnType<typeof useSchoolTrendsStyles>;

function cellClass(styles: Styles, cell: HeatCell): string {
  switch (cell.kind) {
    case 'none':
      return styles.none;
    case 'withheld':
    case 'total':
      return styles.withheld;
    case 'share':
      return styles[`b${cell.bucket}`];
  }
}

/** What the colours and hatching mean, in words; and how to read the numbers. */
export function HeatMapLegend({ locale, k, mood }: { locale: Locale; k: number; mood: boolean }) {
  const styles = useSchoolTrendsStyles();
  const headingId = useId();
  return (
    <div className={styles.section}>
      <span id={headingId} className={styles.caption}>
        {t(locale, 'tab.trends.legend')}
      </span>
      <ul className={styles.legend} aria-labelledby={headingId}>
        {buckets.map((bucket) => (
          <li key={bucket} className={styles.legendItem}>
            <span aria-hidden className={mergeClasses(styles.swatch, styles[`b${bucket}`])} />
            {t(locale, 'tab.trends.legend.bucket', bucketRange(bucket))}
          </li>
        ))}
        <li className={styles.legendItem}>
          <span aria-hidden className={mergeClasses(styles.swatch, styles.withheld)} />
          {t(locale, 'tab.trends.legend.withheld', { k })}
        </li>
        <li className={styles.legendItem}>
          <span aria-hidden className={mergeClasses(styles.swatch, styles.none)} />
          {t(locale, 'tab.trends.legend.none')}
        </li>
      </ul>
      <span className={styles.hint}>{t(locale, 'tab.trends.legend.scale')}</span>
      {mood && <span className={styles.hint}>{t(locale, 'tab.trends.legend.rate')}</span>}
    </div>
  );
}
