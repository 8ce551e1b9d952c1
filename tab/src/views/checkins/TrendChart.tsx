import { mergeClasses, Subtitle2, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import { bandColours, useCheckinsStyles } from './ClassCheckins.styles.js';
import { bands, type Cell, type TrendChart as Chart } from './trends-view.js';

/**
 * One question's trend (or one term's questionnaire): stacked bars of the three bands, drawn with
 * plain CSS, and the same numbers as a table. The bars are for the eye only; screen readers get
 * the table, which also says which numbers are withheld and why.
 */
export function TrendChart({
  locale,
  chart,
  level = 'h5',
}: {
  locale: Locale;
  chart: Chart;
  /** h4 on its own, h5 in a group of charts. */
  level?: 'h4' | 'h5';
}) {
  const styles = useCheckinsStyles();
  const headingId = useId();
  const captionId = useId();
  const bandLabel = (band: (typeof bands)[number]) =>
    t(locale, `tab.checkins.band.${chart.scale}.${band}`);
  const lineHeader = t(
    locale,
    chart.lineKind === 'question'
      ? 'tab.checkins.trends.question'
      : chart.id.startsWith('term')
        ? 'tab.checkins.trends.term'
        : 'tab.checkins.trends.period',
  );
  return (
    <section className={styles.chartBlock} aria-labelledby={headingId}>
      <Subtitle2 as={level} id={headingId} className={styles.heading}>
        {chart.title}
      </Subtitle2>

      <div aria-hidden="true" className={styles.section}>
        <div className={styles.chart}>
          {chart.lines.map((line) => (
            <Bar key={line.id} locale={locale} line={line} />
          ))}
        </div>
        <ul className={styles.legend}>
          {[...bands, 'hidden' as const].map((band) => (
            <li key={band} className={styles.legendItem}>
              <span
                className={mergeClasses(styles.swatch, band === 'hidden' && styles.hiddenPart)}
                style={{ backgroundColor: bandColours[band] }}
              />
              <Text size={200}>
                {band === 'hidden' ? t(locale, 'tab.checkins.trends.hiddenPart') : bandLabel(band)}
              </Text>
            </li>
          ))}
        </ul>
      </div>

      <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.caption} id={captionId}>
            {t(locale, 'tab.checkins.trends.tableCaption', { question: chart.title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{lineHeader}</th>
              <th scope="col">{t(locale, 'tab.checkins.trends.answers')}</th>
              {chart.hasRate && (
                <th scope="col">{t(locale, 'tab.checkins.trends.responseRate')}</th>
              )}
              {bands.map((band) => (
                <th scope="col" key={band}>
                  {bandLabel(band)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.lines.map((line) => (
              <tr key={line.id}>
                <th scope="row">{line.label}</th>
                <NumberCell cell={line.total} />
                {chart.hasRate && <NumberCell cell={line.rate ?? { value: null, text: '' }} />}
                {bands.map((band) => (
                  <NumberCell key={band} cell={line.bands[band]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function NumberCell({ cell }: { cell: Cell }) {
  const styles = useCheckinsStyles();
  return <td className={cell.value === null ? styles.withheld : undefined}>{cell.text}</td>;
}

function Bar({ locale, line }: { locale: Locale; line: Chart['lines'][number] }) {
  const styles = useCheckinsStyles();
  const note =
    line.total.value === null
      ? t(locale, 'tab.checkins.trends.noBar', { withheld: line.total.text })
      : [
          `${line.total.text} ${t(locale, 'tab.checkins.trends.answers').toLowerCase()}`,
          ...(line.rate
            ? [t(locale, 'tab.checkins.trends.rateBeside', { rate: line.rate.text })]
            : []),
        ].join(' · ');
  return (
    <>
      <Text>{line.label}</Text>
      <div className={styles.bar}>
        {line.segments.map((segment) => (
          <span
            key={segment.band}
            className={segment.band === 'hidden' ? styles.hiddenPart : undefined}
            style={{
              width: `${(segment.share * 100).toFixed(2)}%`,
              backgroundColor: bandColours[segment.band],
            }}
          />
        ))}
      </div>
      <Text size={200} className={styles.barNote}>
        {note}
      </Text>
    </>
  );
}
