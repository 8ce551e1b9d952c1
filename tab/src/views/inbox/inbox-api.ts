/**
 * The inbox's calls (server/http/support-api.ts) as the view uses them: a narrow interface over
 * the shared client, so the view's state can be tested with a stub.
 */
import type { SupportActionRequest, SupportRequestView } from '../../../../core/api/support.js';
import type { ApiClient } from '../../api/client.js';

export interface InboxApi {
  list(): Promise<SupportRequestView[]>;
  /** One request (the server records the view in the audit log). */
  one(id: string): Promise<SupportRequestView>;
  act(id: string, action: SupportActionRequest): Promise<SupportRequestView>;
  /** The server's export, as text: JSON, or CSV with its byte order mark. */
  exportText(id: string, format: 'json' | 'csv'): Promise<string>;
}

export const inboxApiOf = (client: ApiClient): InboxApi => ({
  list: async () => (await client.support.inbox()).requests,
  one: async (id) => (await client.support.request(id)).request,
  act: async (id, action) => (await client.support.act(id, action)).request,
  exportText: (id, format) => client.support.export(id, format),
});
