import { Badge, Button } from '@fluentui/react-components';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { DutyAssignment } from '../../../../core/api/rota.js';
import { dayLabel, dutyLabel } from './format.js';
import type { GridCell, WeekGrid as Grid } from './rota-grid.js';
import { useRotaStyles } from './Rota.styles.js';

export interface WeekGridProps {
  locale: Locale;
  grid: Grid;
  today: string;
  label: string;
  /** An ambassador's name (or description) for the coordinator. */
  nameFor(id: string): string;
  busy: boolean;
  onLock(assignment: DutyAssignment, locked: boolean): void;
  onRemove(assignment: DutyAssignment): void;
  onAdd(cell: GridCell): void;
}

/**
 * The week as a table: a row per period and place, a column per school day. Every change is a
 * button in the cell (lock, unlock, take off, add), so the keyboard and screen readers reach
 * everything a mouse can; nothing needs dragging.
 */
export function WeekGrid(props: WeekGridProps) {
  const { locale, grid, today, label } = props;
  const styles = useRotaStyles();
  if (grid.rows.length === 0) return <p>{t(locale, 'tab.rota.grid.noSlots')}</p>;
  return (
    <div className={styles.scroller}>
      <table className={styles.grid} aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className={styles.rowHead}>
              {t(locale, 'tab.rota.grid.duty')}
            </th>
            {grid.days.map((day) => (
              <th
                key={day.date}
                scope="col"
                className={day.date === today ? styles.today : undefined}
                aria-current={day.date === today ? 'date' : undefined}
              >
                {dayLabel(locale, day.date)}
                {day.week && (
                  <div className={styles.meta}>
                    {t(locale, 'tab.rota.grid.week', { week: day.week })}
                  </div>
                )}
                {!day.inRota && (
                  <div className={styles.meta}>
                    {t(
                      locale,
                      day.schoolDay ? 'tab.rota.grid.outsideRota' : 'tab.rota.grid.noSchool',
                    )}
                  </div>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={styles.rowHead}>
                {row.periodId}
                <div className={styles.meta}>{row.placeId}</div>
              </th>
              {row.cells.map((cell) => (
                <td key={cell.date}>
                  <Cell {...props} cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell(props: WeekGridProps & { cell: GridCell }) {
  const { locale, cell, nameFor, busy, onLock, onRemove, onAdd } = props;
  const styles = useRotaStyles();
  if (!cell.slot && cell.people.length === 0)
    return <span className={styles.noDuty}>{t(locale, 'tab.rota.grid.noDuty')}</span>;
  const duty = dutyLabel(locale, cell.date, cell.slot);
  const changeable = !cell.past;
  return (
    <div className={styles.cell}>
      {cell.slot && (
        <span className={styles.meta}>
          {t(locale, 'tab.rota.grid.adult', { adult: cell.slot.supervisingAdult })}
        </span>
      )}
      {cell.people.length > 0 && (
        <ul className={styles.people}>
          {cell.people.map((a) => {
            const name = nameFor(a.ambassadorId);
            return (
              <li key={a.ambassadorId} className={styles.person}>
                <span className={styles.personName}>{name}</span>
                {a.locked && (
                  <Badge size="small" appearance="outline" color="informative">
                    {t(locale, 'tab.rota.grid.locked')}
                  </Badge>
                )}
                {changeable && (
                  <span className={styles.noPrint}>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={busy}
                      aria-label={t(
                        locale,
                        a.locked ? 'tab.rota.grid.unlockLabel' : 'tab.rota.grid.lockLabel',
                        { name, duty },
                      )}
                      onClick={() => onLock(a, !a.locked)}
                    >
                      {t(locale, a.locked ? 'tab.rota.grid.unlock' : 'tab.rota.grid.lock')}
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={busy}
                      aria-label={t(locale, 'tab.rota.grid.removeLabel', { name, duty })}
                      onClick={() => onRemove(a)}
                    >
                      {t(locale, 'tab.rota.grid.remove')}
                    </Button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {cell.missing > 0 && (
        <span className={styles.gap}>
          {t(locale, 'tab.rota.grid.missing', { count: cell.missing })}
          {cell.unfilled && <> {t(locale, `rota.unfilled.${cell.unfilled.reason}`)}.</>}
        </span>
      )}
      {cell.warnings.map((w) => (
        <span key={`${w.ambassadorId}/${w.kind}`} className={styles.warning}>
          {t(locale, 'tab.rota.grid.warning', {
            name: nameFor(w.ambassadorId),
            warning: t(locale, `rota.warning.${w.kind}`),
          })}
        </span>
      ))}
      {cell.slot && changeable && cell.people.length < cell.slot.needed && (
        <Button
          size="small"
          className={styles.noPrint}
          disabled={busy}
          aria-label={t(locale, 'tab.rota.grid.addLabel', { duty })}
          onClick={() => onAdd(cell)}
        >
          {t(locale, 'tab.rota.grid.add')}
        </Button>
      )}
    </div>
  );
}
