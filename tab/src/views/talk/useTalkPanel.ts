import { useCallback, useState } from 'react';
import type { AskTalkRequest, MyTalkResponse, TalkUrgency } from '../../../../core/api/support.js';
import type { Locale, MessageKey } from '../../../../core/i18n/index.js';
import type { ApiClient } from '../../api/client.js';
import { useLoad, type LoadState } from '../../hooks/useLoad.js';
import { sendErrorKey } from './talk-panel.js';

export type TalkState = LoadState<{ view: MyTalkResponse }>;

/** The narrow part of the client the panel uses. */
export interface TalkApi {
  mine(): Promise<MyTalkResponse>;
  ask(body: AskTalkRequest): Promise<MyTalkResponse>;
}

export const talkApiOf = (client: ApiClient): TalkApi => ({
  mine: () => client.support.myTalk(),
  ask: (body) => client.support.askToTalk(body),
});

/**
 * The pupil's own request: whether they may ask, and what happened to the last one. "How soon"
 * starts unchosen; nothing is sent until they press Send.
 */
export function useTalkPanel(api: TalkApi, locale: Locale) {
  const { state, retry, update } = useLoad(
    useCallback(async () => ({ view: await api.mine() }), [api]),
  );
  const [urgency, setUrgency] = useState<TalkUrgency | undefined>();
  const [askingAgain, setAskingAgain] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<MessageKey | undefined>();

  const send = useCallback(async () => {
    setSending(true);
    setSendError(undefined);
    try {
      const view = await api.ask({ ...(urgency ? { urgency } : {}), locale });
      update(() => ({ view }));
      setAskingAgain(false);
      setUrgency(undefined);
    } catch (error) {
      setSendError(sendErrorKey(error));
    } finally {
      setSending(false);
    }
  }, [api, urgency, locale, update]);

  return {
    state,
    retry,
    urgency,
    setUrgency,
    askingAgain,
    askAgain: () => setAskingAgain(true),
    sending,
    sendError,
    send,
  };
}
