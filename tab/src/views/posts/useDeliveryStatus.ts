import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { OccurrenceProgress } from '../../../../core/api/connect.js';

export type DeliveryState =
  { kind: 'checking' } | { kind: 'known'; progress: OccurrenceProgress } | { kind: 'unknown' };

// A post that is still going out is looked at again now and then, for as long as it is on screen.
const recheckMs = 5_000;
const maxChecks = 60;

/** The delivery progress of one queued post. */
export function useDeliveryStatus(client: ApiClient, occurrenceId: string): DeliveryState {
  const [state, setState] = useState<DeliveryState>({ kind: 'checking' });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let checks = 0;
    const check = () => {
      checks++;
      client.connect.occurrence(occurrenceId).then(
        (progress) => {
          if (cancelled) return;
          setState({ kind: 'known', progress });
          if (!progress.finished && checks < maxChecks) timer = setTimeout(check, recheckMs);
        },
        () => !cancelled && setState({ kind: 'unknown' }),
      );
    };
    check();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, occurrenceId]);

  return state;
}
