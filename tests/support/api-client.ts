import { demoSchool, type DemoPerson } from '../../server/demo/demo-school.js';

/** A demo persona by kind ('teacher', 'pupil', …): the first of that kind. */
export const demoPerson = (kind: string): DemoPerson =>
  demoSchool.people.find((p) => p.kind === kind)!;

/** A local dev-issuer token for a demo persona. */
export async function devToken(baseUrl: string, personaId: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personaId }),
  });
  if (res.status !== 200) throw new Error(`dev token: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Calls the tab API as the holder of `token`; `body` is sent as JSON. */
export async function callApi(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the shape
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
