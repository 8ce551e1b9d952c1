import { useCallback, useEffect, useState } from 'react';
import type { ClassTeamView } from '../../../../core/api.js';
import type { Locale } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import type { CmhwWeek, Schedule } from '../../../../core/api/connect.js';
import { openCmhwWeeks } from '../../connect/cmhw.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';
import {
  initialRows,
  noChoices,
  planRequest,
  type PlanRow,
  type WeekChoices,
} from './cmhw-plan.js';

export type PlannerState = LoadState<{
  openWeeks: CmhwWeek[];
  /** Class team id → year group; absent when they could not be read. */
  yearGroups?: Record<string, string>;
}>;

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
  const [year, setYear] = useState(0);
  const [locale, setLocale] = useState<Locale>(readerLocale);
  const [rows, setRows] = useState<PlanRow[]>(() => initialRows(teams));
  const [plan, setPlan] = useState<PlanState>({ kind: 'idle' });
  const [choices, setChoices] = useState<WeekChoices>(noChoices);

  const { connect, checkins } = client;
  const { state, retry } = useLoad(
    useCallback(async () => {
      const [{ weeks, today }, yearGroups] = await Promise.all([
        connect.cmhw(),
        // Year groups set the classes' age groups; without them (or the right to read them)
        // every class starts as primary, as before.
        checkins.settings().then(
          (settings) => settings.yearGroups,
          () => undefined,
        ),
      ]);
      return { openWeeks: openCmhwWeeks(weeks, today), ...(yearGroups ? { yearGroups } : {}) };
    }, [connect, checkins]),
  );

  useEffect(() => {
    if (state.kind !== 'ready') return;
    setYear((current) => current || (state.openWeeks[0]?.year ?? 0));
    const { yearGroups } = state;
    if (!yearGroups) return;
    setRows((current) => {
      const fresh = initialRows(teams, yearGroups);
      // Only rows nobody has touched yet take the year group's age group.
      return current.map((row, i) =>
        row.include || row.phase !== 'primary' ? row : { ...row, phase: fresh[i]!.phase },
      );
    });
  }, [state, teams]);

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
      const { schedules } = await connect.planCmhw(request);
      setPlan({ kind: 'planned', schedules });
    } catch (error) {
      setPlan({ kind: 'failed', error });
    }
  }, [connect, year, locale, rows, choices, week]);

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
