/**
 * `npm run bench:checkins -- --contention 2x200,2x400,3x200,3x400` (issue 21 item 4): one
 * check-in of a 1,000-pupil year group answered through two or three real Belong servers on the
 * same tables, at a steady rate (an open loop: each answer starts at its due time whatever the
 * servers do; latency from that time). A load balancer with no affinity is stood in for by
 * sending answer n to server n mod N. Every pupil answers once, and a quarter of them change
 * their answer about a second later, on another server. Then what is stored is checked: every
 * pupil's answer is one they were told was kept (`lost` otherwise), and the counts staff get
 * (every server's counts row, merged) equal a recount of the answer rows.
 *
 * With `--contention-stores` the "instances" are CheckinStores with their own storage clients
 * in the bench process instead of servers: the counting scheme alone, without the bot's path.
 *
 * Each case gets its own check-in; all servers start before the first case and a warm-up check-in
 * is answered first, so no case measures a cold process. Servers run pinned to core 1, the bench
 * and Azurite to core 0, as in the single-server run.
 */
import { randomBytes } from 'node:crypto';
import {
  applyAnswer,
  emptyAggregate,
  type CheckinAggregate,
  type StoredAnswer,
} from '../../core/checkin/checkin.js';
import { CheckinStore } from '../../core/checkin/checkin-store.js';
import { checkinTemplate } from '../../core/checkin/templates.js';
import { HmacPseudonymiser } from '../../server/checkin/hmac-pseudonymiser.js';
import { AzureTableStore } from '../../server/storage/azure-table-store.js';
import { startAzurite } from '../../tests/support/azurite.js';
import { benchTenantId, bigClassFrom, bigClassSize, pupilId } from './bench-school.js';
import {
  belongEnv,
  compileServers,
  cpuSeconds,
  log,
  pinBenchToCore0,
  startChild,
  type ChildOptions,
} from './checkins-processes.js';
import { acknowledges, answerActivity, chosenText } from './answer-activity.js';
import { seedSchool } from './checkins-seed.js';
import { client, openLoop, percentile, type Client, type Job, type Reply } from './load.js';

export interface ContentionCase {
  instances: number;
  rate: number;
}

/** "2x200,3x400" → cases; anything else is refused. */
export function parseCases(text: string): ContentionCase[] {
  return text.split(',').map((part) => {
    const m = /^(\d+)x(\d+)$/.exec(part.trim());
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
      throw new Error(`--contention takes cases like 2x200,3x400, not "${part}"`);
    return { instances: Number(m[1]), rate: Number(m[2]) };
  });
}

export interface ContentionResult extends ContentionCase {
  answers: number;
  acknowledged: number;
  /** Answered by Belong with something other than the pupil's own card (e.g. "try again"). */
  refused: number;
  /** No HTTP reply at all (the connection failed: an overloaded server, not Belong's answer). */
  noReply: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  lost: number;
  countsExact: boolean;
  countsRows: number;
  /** CPU per answer, in ms: all the servers of the case together, and Azurite. */
  serverCpuMs: number;
  azuriteCpuMs: number;
}

/** Every fourth pupil changes their answer, this many answers after their first. */
const changeEvery = 4;
const changeAfter = 200;

interface Sent {
  i: number;
  point: number;
  server: number;
  acknowledged?: boolean;
  noReply?: boolean;
}

/**
 * The answers of one case, in the order they are due: pupil i's first answer (to server
 * i mod N), and for every fourth pupil a changed answer `changeAfter` answers later, on the next
 * server.
 */
function plan(instances: number): Sent[] {
  const due: { at: number; sent: Sent }[] = [];
  for (let i = 0; i < bigClassSize; i++) {
    due.push({ at: i, sent: { i, point: (i % 5) + 1, server: i % instances } });
    if (i % changeEvery === 0) {
      const sent = { i, point: ((i + 2) % 5) + 1, server: (i + 1) % instances };
      due.push({ at: i + changeAfter + 0.5, sent });
    }
  }
  return due.sort((a, b) => a.at - b.at).map((d) => d.sent);
}

/** Sends one planned answer to the instance it was planned for. */
type Send = (sent: Sent, body: string) => Promise<Reply>;

async function runCase(
  send: Send,
  k: number,
  checkinId: string,
  { instances, rate }: ContentionCase,
  refusals: string[],
): Promise<{ sends: Sent[]; latencies: number[] }> {
  const sends = plan(instances);
  const planned = new Map<string, Sent>();
  // The open loop posts bodies; each body goes to the instance planned for its answer.
  const target: Client = {
    post: (body) => send(planned.get(body)!, body),
    close: () => undefined,
  };
  let n = 0;
  const next = (): Job => {
    const sent = sends[n++]!;
    const body = answerActivity(k, pupilId(k, sent.i), checkinId, sent.point);
    planned.set(body, sent);
    return {
      body,
      done: (reply) => {
        planned.delete(body);
        sent.noReply = reply === undefined;
        sent.acknowledged = acknowledges(reply, sent.point);
        if (!sent.acknowledged && refusals.length < 3) {
          refusals.push(reply ? `${reply.status} ${reply.body.slice(0, 300)}` : 'no reply');
        }
      },
    };
  };
  const run = await openLoop(target, next, rate, (sends.length * 1000) / rate);
  return { sends, latencies: run.latencies };
}

/** Real servers: answer n goes over HTTP to server n mod N. */
function toServers(urls: string[]): { send: Send; close: () => void } {
  const clients = urls.map((url) => client(`${url}/api/messages`, Infinity));
  return {
    send: (sent, body) => clients[sent.server]!.post(body),
    close: () => clients.forEach((c) => c.close()),
  };
}

/**
 * The counting scheme alone: each "instance" is a CheckinStore with its own storage client, in
 * this process (so they share its event loop), called as the service calls it after its checks.
 */
function toStores(
  stores: CheckinStore[],
  pseudonyms: HmacPseudonymiser,
  k: number,
  checkinId: string,
  at: Date,
): Send {
  return async (sent) => {
    const pseudonym = pseudonyms.pseudonymOf(benchTenantId, pupilId(k, sent.i));
    const answer = { points: { mood: sent.point as 1 | 2 | 3 | 4 | 5 }, skipped: false };
    return stores[sent.server]!.answer(benchTenantId, checkinId, pseudonym, answer, at).then(
      () => ({ status: 200, body: chosenText(sent.point) }),
      (e: unknown) => ({ status: 500, body: String(e) }),
    );
  };
}

/** What is stored for one case's check-in, against what the pupils were told. */
async function check(
  store: AzureTableStore,
  pseudonyms: HmacPseudonymiser,
  k: number,
  checkinId: string,
  sends: Sent[],
) {
  const rows = await store.list<Record<string, unknown>>(
    'checkins',
    benchTenantId,
    `c:${checkinId}`,
  );
  const stored = new Map(
    rows
      .filter((r) => r.key.row.startsWith('a:'))
      .map((r) => [r.key.row.slice(2), r.value as StoredAnswer]),
  );
  let lost = 0;
  for (let i = 0; i < bigClassSize; i++) {
    const kept = sends.filter((s) => s.i === i && s.acknowledged).map((s) => s.point);
    const now = stored.get(pseudonyms.pseudonymOf(benchTenantId, pupilId(k, i)));
    // Lost: told it was kept and something else (or nothing) is stored; or stored though refused.
    if (kept.length ? !kept.includes(now?.points.mood ?? 0) : now !== undefined) lost++;
  }
  const recount = [...stored.values()].reduce<CheckinAggregate>(
    (a, answer) => applyAnswer(a, answer, 1),
    emptyAggregate(checkinTemplate('daily-mood')),
  );
  const merged = await new CheckinStore(store).aggregate(benchTenantId, checkinId);
  return {
    lost,
    countsExact: JSON.stringify(merged) === JSON.stringify(recount),
    countsRows: rows.filter((r) => r.key.row === 'agg' || r.key.row.startsWith('agg:')).length,
  };
}

export async function runContention(
  cases: ContentionCase[],
  flags: Omit<ChildOptions, 'pinning'>,
  /** CheckinStores in this process instead of servers: the counting scheme alone. */
  storesOnly = false,
): Promise<ContentionResult[]> {
  const pinning = pinBenchToCore0();
  const what = storesOnly ? 'check-in stores in the bench process' : 'servers';
  log(
    `several instances: ${cases.map((c) => `${c.instances} ${what} at ${c.rate}/s`).join(', ')}; ` +
      `pinning: ${pinning ? 'servers on core 1, bench + Azurite on core 0' : 'none'}`,
  );
  const azurite = await startAzurite();
  const stops: (() => Promise<unknown>)[] = [() => azurite.stop()];
  try {
    if (!storesOnly) compileServers();
    const secret = `bench-${randomBytes(16).toString('hex')}`;
    const tablePrefix = `bench${randomBytes(4).toString('hex')}`;
    const store = await AzureTableStore.open(
      { kind: 'connectionString', connectionString: azurite.connectionString },
      tablePrefix,
    );
    const postedAt = new Date(Date.now() + 3_600_000);
    const postCheckin = await seedSchool(store, secret, postedAt);
    const checkins = await Promise.all(
      [{ instances: 0, rate: 200 }, ...cases].map((_, c) => postCheckin(bigClassFrom + c)),
    );
    const pseudonyms = new HmacPseudonymiser(secret);
    const most = Math.max(...cases.map((c) => c.instances));
    const servers: string[] = [];
    const pids: number[] = [];
    for (let s = 0; s < (storesOnly ? 0 : most); s++) {
      const server = await startChild(
        'bench/support/checkins-server.js',
        belongEnv(azurite.connectionString, tablePrefix, secret),
        '/api/health',
        { ...flags, pinning },
      );
      stops.push(() => server.child.stop('SIGTERM'));
      servers.push(server.url);
      pids.push(server.child.pid);
    }
    // New connections for each case: kept-alive ones left idle while the previous case was
    // checked may be closed by the server (5 s) just as they are reused.
    let overHttp = toServers(servers);
    stops.push(async () => overHttp.close());
    const stores = await Promise.all(
      Array.from({ length: storesOnly ? most : 0 }, async () => {
        const tables = await AzureTableStore.open(
          { kind: 'connectionString', connectionString: azurite.connectionString },
          tablePrefix,
        );
        return new CheckinStore(tables);
      }),
    );
    const sendFor = (k: number, checkinId: string): Send => {
      if (storesOnly) return toStores(stores, pseudonyms, k, checkinId, postedAt);
      overHttp.close();
      overHttp = toServers(servers);
      return overHttp.send;
    };
    // Warm-up: every instance answers one check-in (not counted), so no case meets a cold process.
    const warmUp = { instances: most, rate: 200 };
    await runCase(sendFor(bigClassFrom, checkins[0]!), bigClassFrom, checkins[0]!, warmUp, []);

    const results: ContentionResult[] = [];
    for (const [c, spec] of cases.entries()) {
      const k = bigClassFrom + 1 + c;
      const refusals: string[] = [];
      const cpu = () => pids.slice(0, spec.instances).reduce((t, pid) => t + cpuSeconds(pid), 0);
      const [serverCpu, azuriteCpu] = [cpu(), cpuSeconds(azurite.pid)];
      const checkinId = checkins[c + 1]!;
      const { sends, latencies } = await runCase(
        sendFor(k, checkinId),
        k,
        checkinId,
        spec,
        refusals,
      );
      const perAnswer = (seconds: number) => Number(((seconds * 1000) / sends.length).toFixed(2));
      const acknowledged = sends.filter((s) => s.acknowledged).length;
      const result: ContentionResult = {
        ...spec,
        answers: sends.length,
        acknowledged,
        refused: sends.filter((s) => !s.acknowledged && !s.noReply).length,
        noReply: sends.filter((s) => s.noReply).length,
        p50ms: Number(percentile(latencies, 50).toFixed(1)),
        p99ms: Number(percentile(latencies, 99).toFixed(1)),
        maxMs: Number(percentile(latencies, 100).toFixed(1)),
        serverCpuMs: perAnswer(cpu() - serverCpu),
        azuriteCpuMs: perAnswer(cpuSeconds(azurite.pid) - azuriteCpu),
        ...(await check(store, pseudonyms, k, checkinId, sends)),
      };
      results.push(result);
      log(
        `${spec.instances} ${what} at ${spec.rate}/s: ${result.answers} answers to one check-in of ` +
          `${bigClassSize} (${result.answers - bigClassSize} of them changes): acknowledged ` +
          `${acknowledged}, refused ${result.refused}, no reply ${result.noReply}; p50 ${result.p50ms} ms, p99 ${result.p99ms} ms, ` +
          `max ${result.maxMs} ms; lost ${result.lost}; counts ${result.countsExact ? '=' : '≠'} ` +
          `recount (${result.countsRows} counts rows); CPU per answer: servers ${result.serverCpuMs} ms, ` +
          `Azurite ${result.azuriteCpuMs} ms`,
      );
      for (const r of refusals) log(`  not acknowledged: ${r}`);
    }
    return results;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}
