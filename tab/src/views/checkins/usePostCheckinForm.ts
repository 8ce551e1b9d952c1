import { useCallback, useState } from 'react';
import type { Locale } from '../../../../core/i18n/index.js';
import type {
  CheckinTemplateId,
  Phase,
  PostCheckinRequest,
  PostCheckinResponse,
} from '../../../../core/api/checkins.js';

export interface PostCheckinForm {
  templateId: CheckinTemplateId;
  phase: Phase;
  channelId: string;
  locale: Locale;
}

export type PostState =
  | { kind: 'idle' }
  | { kind: 'posting' }
  | { kind: 'posted'; posted: PostCheckinResponse }
  /** The server refused or failed; the view says why, in the reader's language. */
  | { kind: 'failed'; error: unknown };

export function initialPostCheckinForm(
  channels: readonly { id: string; name: string }[],
  locale: Locale,
): PostCheckinForm {
  const general = channels.find((c) => c.name === 'General') ?? channels[0];
  return { templateId: 'daily-mood', phase: 'primary', channelId: general?.id ?? '', locale };
}

export function usePostCheckinForm(opts: {
  channels: readonly { id: string; name: string }[];
  locale: Locale;
  post(body: PostCheckinRequest): Promise<PostCheckinResponse>;
}) {
  const [form, setForm] = useState(() => initialPostCheckinForm(opts.channels, opts.locale));
  const [state, setState] = useState<PostState>({ kind: 'idle' });
  const { post } = opts;

  const update = useCallback((patch: Partial<PostCheckinForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setState((current) => (current.kind === 'posting' ? current : { kind: 'idle' }));
  }, []);

  const submit = useCallback(async () => {
    setState({ kind: 'posting' });
    try {
      setState({ kind: 'posted', posted: await post(form) });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  }, [post, form]);

  return { form, update, submit, state };
}
