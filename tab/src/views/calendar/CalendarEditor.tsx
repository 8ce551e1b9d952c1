import {
  Button,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { useId, type FormEvent } from 'react';
import { t, type Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { ErrorState } from '../../components/ErrorState.js';
import { ProblemsAlert } from '../../components/ProblemsAlert.js';
import { Loading } from '../../components/Loading.js';
import { problemMessages } from '../../connect/problems.js';
import { closureKinds, isClosureKind, type ClosureRow, type TermRow } from './calendar-draft.js';
import { useCalendarEditorStyles } from './CalendarEditor.styles.js';
import { useCalendarEditor, type SaveState } from './useCalendarEditor.js';

export interface CalendarEditorProps {
  client: ApiClient;
  locale: Locale;
}

/** The wellbeing lead's (or admin's) school calendar: terms, holidays, INSET days, closures. */
export default function CalendarEditor({ client, locale }: CalendarEditorProps) {
  const styles = useCalendarEditorStyles();
  const editor = useCalendarEditor(client.connect);
  const { state, save } = editor;
  const termsId = useId();
  const closuresId = useId();

  if (state.kind === 'loading')
    return <Loading label={t(locale, 'tab.connect.calendar.loading')} />;
  if (state.kind === 'error')
    return <ErrorState locale={locale} error={state.error} onRetry={editor.retry} />;

  const { draft, timeZone } = state;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void editor.submit();
  };

  return (
    <form className={styles.page} onSubmit={onSubmit} noValidate>
      <div className={styles.section}>
        <Title2 as="h2" className={styles.heading}>
          {t(locale, 'tab.connect.calendar.heading')}
        </Title2>
        <Text>{t(locale, 'tab.connect.calendar.intro', { timeZone })}</Text>
        {draft.terms.length === 0 && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t(locale, 'tab.connect.calendar.noTerms')}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <section className={styles.section} aria-labelledby={termsId}>
        <Subtitle1 as="h3" id={termsId} className={styles.heading}>
          {t(locale, 'tab.connect.calendar.terms')}
        </Subtitle1>
        <RangeTable
          locale={locale}
          labelledBy={termsId}
          rows={draft.terms}
          rowName={(n) => t(locale, 'tab.connect.calendar.term', { n })}
          onChange={(key, patch) => editor.change('terms', key, patch)}
          onRemove={(key) => editor.remove('terms', key)}
        />
        <div className={styles.actions}>
          <Button onClick={editor.addTerm}>{t(locale, 'tab.connect.calendar.addTerm')}</Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby={closuresId}>
        <Subtitle1 as="h3" id={closuresId} className={styles.heading}>
          {t(locale, 'tab.connect.calendar.closures')}
        </Subtitle1>
        <RangeTable
          locale={locale}
          labelledBy={closuresId}
          rows={draft.closures}
          rowName={(n) => t(locale, 'tab.connect.calendar.closure', { n })}
          onChange={(key, patch) => editor.change('closures', key, patch)}
          onRemove={(key) => editor.remove('closures', key)}
        />
        <div className={styles.actions}>
          <Button onClick={editor.addClosure}>
            {t(locale, 'tab.connect.calendar.addClosure')}
          </Button>
        </div>
      </section>

      <SaveOutcome locale={locale} save={save} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.kind === 'saving'}>
          {save.kind === 'saving'
            ? t(locale, 'tab.connect.calendar.saving')
            : t(locale, 'tab.connect.calendar.save')}
        </Button>
      </div>
    </form>
  );
}

function RangeTable<Row extends TermRow | ClosureRow>(props: {
  locale: Locale;
  labelledBy: string;
  rows: readonly Row[];
  rowName(n: number): string;
  onChange(key: string, patch: Partial<ClosureRow>): void;
  onRemove(key: string): void;
}) {
  const { locale, labelledBy, rows, rowName, onChange, onRemove } = props;
  const styles = useCalendarEditorStyles();
  if (rows.length === 0) return <Text>{t(locale, 'tab.connect.calendar.none')}</Text>;
  const withKind = rows.some((row) => 'kind' in row);
  const cell = (field: string, n: number) =>
    t(locale, 'tab.connect.calendar.cell', { field, row: rowName(n) });
  const names = {
    name: t(locale, 'tab.connect.calendar.name'),
    kind: t(locale, 'tab.connect.calendar.kind'),
    start: t(locale, 'tab.connect.calendar.start'),
    end: t(locale, 'tab.connect.calendar.end'),
  };
  return (
    <div className={styles.scroller}>
      <Table aria-labelledby={labelledBy} className={styles.table} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.nameCell}>{names.name}</TableHeaderCell>
            {withKind && <TableHeaderCell>{names.kind}</TableHeaderCell>}
            <TableHeaderCell>{names.start}</TableHeaderCell>
            <TableHeaderCell>{names.end}</TableHeaderCell>
            <TableHeaderCell>{t(locale, 'tab.connect.calendar.remove')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={row.key}>
              <TableCell>
                <Input
                  className={styles.input}
                  aria-label={cell(names.name, index + 1)}
                  value={row.name}
                  onChange={(_e, data) => onChange(row.key, { name: data.value })}
                />
              </TableCell>
              {'kind' in row && (
                <TableCell>
                  <Select
                    aria-label={cell(names.kind, index + 1)}
                    value={row.kind}
                    onChange={(_e, data) =>
                      isClosureKind(data.value) && onChange(row.key, { kind: data.value })
                    }
                  >
                    {closureKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(locale, `tab.connect.closure.${kind}`)}
                      </option>
                    ))}
                  </Select>
                </TableCell>
              )}
              <TableCell>
                <Input
                  className={styles.input}
                  type="date"
                  aria-label={cell(names.start, index + 1)}
                  value={row.start}
                  onChange={(_e, data) => onChange(row.key, { start: data.value })}
                />
              </TableCell>
              <TableCell>
                <Input
                  className={styles.input}
                  type="date"
                  aria-label={cell(names.end, index + 1)}
                  value={row.end}
                  onChange={(_e, data) => onChange(row.key, { end: data.value })}
                />
              </TableCell>
              <TableCell>
                <Button onClick={() => onRemove(row.key)}>
                  {t(locale, 'tab.connect.calendar.removeRow', { row: rowName(index + 1) })}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function SaveOutcome({ locale, save }: { locale: Locale; save: SaveState }) {
  if (save.kind === 'saved') {
    return (
      <div role="status">
        <MessageBar intent="success">
          <MessageBarBody>{t(locale, 'tab.connect.calendar.saved')}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  const problems = save.kind === 'failed' ? problemMessages(save.error, locale) : undefined;
  if (save.kind === 'failed' && !problems) return <ErrorState locale={locale} error={save.error} />;
  return <ProblemsAlert locale={locale} problems={problems} />;
}
