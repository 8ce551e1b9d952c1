import { useCallback, useState } from 'react';
import type { PeriodKind } from '../../../../../core/checkin/trends.js';
import { useLoad, type LoadState } from '../../../hooks/useLoad.js';
import type { SchoolApi, SchoolTrendsResponse } from './school-api.js';

export type TrendsState = LoadState<{ view: SchoolTrendsResponse }>;

export type DownloadState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; error: unknown };

/**
 * The school view for the chosen question and period. `reloadKey` changes when the settings are
 * saved: k and year groups change every number, so the view is asked for again.
 */
export function useSchoolTrends(api: SchoolApi, reloadKey: number) {
  const [question, setQuestion] = useState('mood');
  const [period, setPeriod] = useState<PeriodKind>('week');
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });
  const { state, retry } = useLoad(
    useCallback(
      async () => ({ view: await api.trends(question, period) }),
      // reloadKey: saved settings change every number, so the view is read again.
      [api, question, period, reloadKey],
    ),
  );

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
