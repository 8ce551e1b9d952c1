/**
 * Support's calls (server/http/support-api.ts): the safeguarding team's inbox and a pupil's own
 * "talk to a trusted adult".
 */
import type {
  AskTalkRequest,
  AskTalkResponse,
  MyTalkResponse,
  SupportActionRequest,
  SupportInboxResponse,
  SupportRequestResponse,
} from '../../../core/api/support.js';
import { enc, type Request } from './request.js';

export const supportApi = (request: Request) => ({
  inbox: () => request<SupportInboxResponse>('/api/support/requests', { auth: true }),
  request: (id: string) =>
    request<SupportRequestResponse>(`/api/support/requests/${enc(id)}`, { auth: true }),
  act: (id: string, body: SupportActionRequest) =>
    request<SupportRequestResponse>(`/api/support/requests/${enc(id)}/actions`, {
      method: 'POST',
      body,
      auth: true,
    }),
  /** One request's record as the server wrote it (JSON or CSV with its byte order mark). */
  export: (id: string, format: 'json' | 'csv') =>
    request<string>(`/api/support/requests/${enc(id)}/export?format=${format}`, {
      auth: true,
      text: true,
    }),
  myTalk: () => request<MyTalkResponse>('/api/support/mine', { auth: true }),
  askToTalk: (body: AskTalkRequest) =>
    request<AskTalkResponse>('/api/support/talk', { method: 'POST', body, auth: true }),
});
export type SupportApi = ReturnType<typeof supportApi>;
