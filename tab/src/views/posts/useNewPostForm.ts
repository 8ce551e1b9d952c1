import { useCallback, useState } from 'react';
import type { Locale, MessageKey } from '../../../../core/i18n/index.js';
import type {
  CmhwWeek,
  CreateScheduleRequest,
  CreateScheduleResponse,
} from '../../../../core/api/connect.js';
import { formProblems, initialPostForm, scheduleRequest, type PostForm } from './post-form.js';

export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  /** The form itself can tell something is missing. */
  | { kind: 'missing'; keys: MessageKey[] }
  /** The server refused or failed; the view says which problems, in the reader's language. */
  | { kind: 'failed'; error: unknown }
  | { kind: 'created'; next: CreateScheduleResponse['next']; time: string };

export function useNewPostForm(opts: {
  today: string;
  locale: Locale;
  channels: readonly { id: string; name: string }[];
  openWeeks: readonly CmhwWeek[];
  /** To change an existing post: the form as it was. */
  initial?: PostForm;
  create(body: CreateScheduleRequest): Promise<CreateScheduleResponse>;
}) {
  const [form, setForm] = useState<PostForm>(() => opts.initial ?? initialPostForm(opts));
  const [submitState, setSubmitState] = useState<SubmitState>({ kind: 'idle' });
  const { create } = opts;

  const update = useCallback((patch: Partial<PostForm>) => {
    setForm((current) => ({ ...current, ...patch }));
  }, []);

  const submit = useCallback(async () => {
    const missing = formProblems(form);
    if (missing.length) return setSubmitState({ kind: 'missing', keys: missing });
    setSubmitState({ kind: 'saving' });
    try {
      const created = await create(scheduleRequest(form));
      setSubmitState({ kind: 'created', next: created.next, time: created.schedule.time });
    } catch (error) {
      setSubmitState({ kind: 'failed', error });
    }
  }, [create, form]);

  return { form, update, submit, submitState };
}
