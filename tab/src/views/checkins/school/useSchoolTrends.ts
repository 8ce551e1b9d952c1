import { useCallback, useEffect, useState } from 'react';
import type { PeriodKind } from '../../../../../core/checkin/trends.js';
import type { SchoolApi, SchoolTrendsResponse } from './school-api.js';

export type TrendsState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; view: SchoolTrendsResponse };

export type DownloadState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; error: unknown };

/**
 * The school view for the chosen question and period. `reloadKey` changes when the settings are
 * saved: k and year groups change every number, so the view is asked for again.
 */
export function useSchoolTrends(api: SchoolApi, reloadKey: number) {
  const [question, setQuestion] = useState('mood');
  const [period, setPeriod] = useState<PeriodKind>('week');
  const [state, setState] = useState<TrendsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    api.trends(question, period).then(
      (view) => !cancelled && setState({ kind: 'ready', view }),
      (error: unknown) => !cancelled && setState({ kind: 'error', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, question, period, reloadKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  /** Saves the server's CSV through a link to a blob, as the rota's download does. */
  const downloadCsv = useCallback(async () => {
    setDownload({ kind: 'busy' });
    let csv: string;
    try {
      csv = await api.trendsCsv(question, period);
    } catch (error) {
      setDownload({ kind: 'failed', error });
      return;
    }
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `belong-checkins-${question}-${period}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setDownload({ kind: 'idle' });
  }, [api, question, period]);

  return { question, setQuestion, period, setPeriod, state, retry, download, downloadCsv };
}
