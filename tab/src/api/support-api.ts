/**
 * The support API's calls (server/http/support-api.ts), spread into the shared client: the
 * safeguarding team's inbox and a pupil's own "talk to a trusted adult". Types only from core.
 */
import type {
  AskTalkRequest,
  AskTalkResponse,
  MyTalkResponse,
  SupportActionRequest,
  SupportInboxResponse,
  SupportRequestResponse,
} from '../../../core/api/support.js';

/** The client's own request function, as support-calls needs it. */
export type RequestFn = <T>(
  path: string,
  init: {
    method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
    body?: unknown;
    auth: boolean;
    text?: boolean;
  },
) => Promise<T>;

const enc = encodeURIComponent;

export const supportCalls = (request: RequestFn) => ({
  supportInbox: () => request<SupportInboxResponse>('/api/support/requests', { auth: true }),
  supportRequest: (id: string) =>
    request<SupportRequestResponse>(`/api/support/requests/${enc(id)}`, { auth: true }),
  supportAct: (id: string, body: SupportActionRequest) =>
    request<SupportRequestResponse>(`/api/support/requests/${enc(id)}/actions`, {
      method: 'POST',
      body,
      auth: true,
    }),
  /** One request's record as the server wrote it (JSON or CSV with its byte order mark). */
  supportExport: (id: string, format: 'json' | 'csv') =>
    request<string>(`/api/support/requests/${enc(id)}/export?format=${format}`, {
      auth: true,
      text: true,
    }),
  myTalk: () => request<MyTalkResponse>('/api/support/mine', { auth: true }),
  askToTalk: (body: AskTalkRequest) =>
    request<AskTalkResponse>('/api/support/talk', { method: 'POST', body, auth: true }),
});
