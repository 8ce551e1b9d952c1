import { useCallback, useEffect, useState } from 'react';
import type { ClassTeamView } from '../../../../core/api.js';
import type { Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type { CmhwWeek, Schedule } from '../../../../core/api/connect.js';
import { openCmhwWeeks } from '../../connect/cmhw.js';
import {
  initialRows,
  noChoices,
  planRequest,
  type PlanRow,
  type WeekChoices,
} from './cmhw-plan.js';

export type PlannerState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; openWeeks: CmhwWeek[] };

export type PlanState =
  | { kind: 'idle' }
  | { kind: 'planning' }
  | { kind: 'noClass' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'planned'; schedules: Schedule[] };

export function useCmhwPlanner(
  client: ApiClient,
  teams: readonly ClassTeamView[],
  readerLocale: Locale,
) {
  const [state, setState] = useState<PlannerState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [year, setYear] = useState(0);
  const [locale, setLocale] = useState<Locale>(readerLocale);
  const [rows, setRows] = useState<PlanRow[]>(() => initialRows(teams));
  const [plan, setPlan] = useState<PlanState>({ kind: 'idle' });
  const [choices, setChoices] = useState<WeekChoices>(noChoices);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    // Year groups set the classes' age groups; without them (or the right to read them) every
    // class starts as primary, as before.
    client.checkins
      .settings()
      .then(({ yearGroups }) => {
        if (cancelled) return;
        setRows((current) => {
          const fresh = initialRows(teams, yearGroups);
          // Only rows nobody has touched yet take the year group's age group.
          return current.map((row, i) =>
            row.include || row.phase !== 'primary' ? row : { ...row, phase: fresh[i]!.phase },
          );
        });
      })
      .catch(() => undefined);
    client.connect.cmhw().then(
      ({ weeks, today }) => {
        if (cancelled) return;
        const openWeeks = openCmhwWeeks(weeks, today);
        setYear((current) => current || (openWeeks[0]?.year ?? 0));
        setState({ kind: 'ready', openWeeks });
      },
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, teams, attempt]);

  const changeRow = useCallback((teamId: string, patch: Partial<PlanRow>) => {
    setRows((current) =>
      current.map((row) => (row.teamId === teamId ? { ...row, ...patch } : row)),
    );
  }, []);

  const week = state.kind === 'ready' ? state.openWeeks.find((w) => w.year === year) : undefined;
  const chooseYear = useCallback((next: number) => {
    setYear(next);
    // Another year's week has its own dates.
    setChoices(noChoices);
  }, []);
  const choose = useCallback(
    (patch: Partial<WeekChoices>) => setChoices((current) => ({ ...current, ...patch })),
    [],
  );

  const submit = useCallback(async () => {
    const request = planRequest(year, locale, rows, choices, week);
    if (request.classes.length === 0) return setPlan({ kind: 'noClass' });
    setPlan({ kind: 'planning' });
    try {
      const { schedules } = await client.connect.planCmhw(request);
      setPlan({ kind: 'planned', schedules });
    } catch (error) {
      setPlan({ kind: 'failed', error });
    }
  }, [client, year, locale, rows, choices, week]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    state,
    retry,
    year,
    setYear: chooseYear,
    week,
    choices,
    choose,
    locale,
    setLocale,
    rows,
    changeRow,
    plan,
    submit,
  };
}
