import { useCallback, useEffect, useRef, useState } from 'react';
import type { SupportActionRequest, SupportRequestView } from '../../../../core/api/support.js';
import type { MessageKey } from '../../../../core/i18n/index.js';
import { ApiRequestError } from '../../api/client.js';
import { errorMessageKey } from '../../api/error-message.js';
import type { InboxApi } from './inbox-api.js';
import { actionErrorKey, type StatusFilter } from './inbox-view.js';

export type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; requests: SupportRequestView[] };

export type DetailState =
  | { kind: 'none' }
  | { kind: 'loading'; id: string }
  | { kind: 'error'; id: string; error: unknown }
  | { kind: 'ready'; request: SupportRequestView };

export type ActionKind = SupportActionRequest['kind'] | 'export';

/** A refused or failed action, said next to the control that caused it. */
export interface ActionError {
  action: ActionKind;
  key: MessageKey;
}

/**
 * The inbox: every request (newest first), a status filter, the one open on the right with its
 * timeline, and the actions on it. Opening a request asks the server for it (a view the audit log
 * records); each action answers with the request as it now stands, which replaces the old copy in
 * the list too.
 */
export function useInbox(api: InboxApi) {
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [detail, setDetail] = useState<DetailState>({ kind: 'none' });
  const [busy, setBusy] = useState<ActionKind | undefined>();
  const [actionError, setActionError] = useState<ActionError | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  // The request asked for last: a slower answer for an earlier click must not replace it.
  const wanted = useRef<string | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    setRefreshing(true);
    api.list().then(
      (requests) => {
        if (cancelled) return;
        setList({ kind: 'ready', requests });
        setRefreshing(false);
      },
      (error: unknown) => {
        if (cancelled) return;
        setList({ kind: 'error', error });
        setRefreshing(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  const replace = useCallback((request: SupportRequestView) => {
    setList((current) =>
      current.kind === 'ready'
        ? {
            kind: 'ready',
            requests: current.requests.map((r) => (r.id === request.id ? request : r)),
          }
        : current,
    );
    if (wanted.current === request.id) setDetail({ kind: 'ready', request });
  }, []);

  const open = useCallback(
    async (id: string) => {
      wanted.current = id;
      setActionError(undefined);
      setDetail({ kind: 'loading', id });
      try {
        replace(await api.one(id));
      } catch (error) {
        if (wanted.current === id) setDetail({ kind: 'error', id, error });
      }
    },
    [api, replace],
  );

  /** Acts on the open request; true when it worked (so a note can be cleared). */
  const act = useCallback(
    async (action: SupportActionRequest): Promise<boolean> => {
      if (detail.kind !== 'ready') return false;
      const { id } = detail.request;
      setBusy(action.kind);
      setActionError(undefined);
      try {
        replace(await api.act(id, action));
        return true;
      } catch (error) {
        setActionError({ action: action.kind, key: actionErrorKey(error) });
        // Closed meanwhile (another adult): show it as it now stands.
        if (error instanceof ApiRequestError && error.status === 409)
          await api.one(id).then(replace, () => undefined);
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [api, detail, replace],
  );

  /** Saves the server's export through a link to a blob, as the rota's download does. */
  const exportAs = useCallback(
    async (format: 'json' | 'csv') => {
      if (detail.kind !== 'ready') return;
      const { id } = detail.request;
      setBusy('export');
      setActionError(undefined);
      let text: string;
      try {
        text = await api.exportText(id, format);
      } catch (error) {
        setActionError({ action: 'export', key: errorMessageKey(error) });
        return;
      } finally {
        setBusy(undefined);
      }
      const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8';
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `talk-request-${id}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    [api, detail],
  );

  return {
    list,
    filter,
    setFilter,
    refresh,
    refreshing,
    detail,
    open,
    act,
    exportAs,
    busy,
    actionError,
  };
}

export type Inbox = ReturnType<typeof useInbox>;
