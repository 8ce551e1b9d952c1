/**
 * The composition root's object graph: one place that turns configuration into stores, the
 * directory, token verification and the bot.
 */
import type { TokenCredential } from '@azure/identity';
import { systemClock, type Clock, type Directory } from '../core/ports/directory.js';
import { errorName, type Logger } from '../core/ports/logger.js';
import type { TableStore } from '../core/ports/table-store.js';
import { SchoolStore } from '../core/stores/school-store.js';
import { TeamStore } from '../core/stores/team-store.js';
import { DeliveryStore } from '../core/stores/delivery-store.js';
import { LeaseStore } from '../core/stores/lease-store.js';
import { ConnectorSender } from './delivery/connector-sender.js';
import { DeliveryEngine } from './delivery/engine.js';
import { DevClock } from './dev-clock.js';
import { HmacPseudonymiser } from './checkin/hmac-pseudonymiser.js';
import { CheckinStore } from '../core/checkin/checkin-store.js';
import { CheckinService, type SafeguardingReadiness } from '../core/checkin/checkin-service.js';
import { CheckinSettingsStore } from '../core/checkin/checkin-settings.js';
import { ReleaseLedger } from '../core/checkin/release-ledger.js';
import { TrendsService } from '../core/checkin/trends-service.js';
import { checkinRenderer } from '../bot/checkin-actions.js';
import type { Pseudonymiser } from '../core/ports/pseudonymiser.js';
import { ScheduleStore } from '../core/stores/schedule-store.js';
import { RotaStore } from '../core/rota/rota-store.js';
import { Scheduler } from './schedule/scheduler.js';
import { RotaNoticeStore } from '../core/rota/rota-notice-store.js';
import type { RotaEvents } from '../core/rota/rota-notices.js';
import { RotaNotifier } from './rota/rota-notifier.js';
import { demoPersonNames, GraphPersonNames } from './rota/person-names.js';
import type { PersonNames } from '../core/rota/rota-notices.js';
import { createAdapter, type BelongAdapter } from '../bot/adapter.js';
import { BelongBot } from '../bot/belong-bot.js';
import { DevIssuer } from './auth/dev-issuer.js';
import { EntraVerifier } from './auth/entra-verifier.js';
import type { TokenVerifier } from './auth/principal.js';
import type { Config } from './config.js';
import { demoSchool } from './demo/demo-school.js';
import { FixtureDirectory } from './directory/fixture-directory.js';
import { GraphDirectory } from './directory/graph-directory.js';
import { AzureTableStore } from './storage/azure-table-store.js';
import { requireCommonJs } from './cjs.js';
import { AuditLog } from '../core/support/audit-log.js';
import { TalkStore } from '../core/support/talk-store.js';
import { TalkService } from '../core/support/talk-service.js';
import { SchoolRoles } from '../core/support/school-roles.js';
import { talkRenderer } from '../bot/cards/talk-cards.js';
import { BuddyService } from '../core/support/buddy.js';
import { buddyRenderer } from '../bot/cards/buddy-card.js';
import { RotaService } from '../core/rota/rota-service.js';
import { TickLoop } from './tick-loop.js';

export interface Services {
  config: Config;
  log: Logger;
  clock: Clock;
  store: TableStore;
  schools: SchoolStore;
  teams: TeamStore;
  directory: Directory;
  verifier: TokenVerifier;
  /** Only in local mode. */
  devIssuer?: DevIssuer;
  adapter: BelongAdapter;
  bot: BelongBot;
  deliveries: DeliveryStore;
  /** The outbox worker; started by main when DELIVERY_WORKER is on. */
  engine: DeliveryEngine;
  schedules: ScheduleStore;
  /** Turns due posts into deliveries; started by main when SCHEDULER_WORKER is on. */
  scheduler: Scheduler;
  /** Keyed pseudonyms for check-in answers (PSEUDONYM_SECRET). */
  pseudonyms: Pseudonymiser;
  /** Check-ins: posts, answers (by pseudonym) and aggregates. */
  checkins: CheckinStore;
  /** The school's check-in settings (k, year groups). */
  checkinSettings: CheckinSettingsStore;
  /** People's display names (demo school locally, Graph in production); Belong stores none. */
  personNames: PersonNames;
  /** Suppressed trends, kept per process; shared by the API and the scheduler (which warms it). */
  trends: TrendsService;
  /** Rota reminders, the daily card and swap notices; started by main with the scheduler. */
  rotaNotifier: RotaNotifier;
  /** What RotaService tells about swap and cover requests (the notifier). */
  rotaEvents: RotaEvents;
  /** Only in local mode with DEV_CLOCK: the clock tests may move forward. */
  devClock?: DevClock;
  /** Wellbeing-ambassador rotas (RotaService wraps it for the API and the bot). */
  rotas: RotaStore;
  /** The append-only, hash-chained audit log (talk requests, exports, school roles). */
  audit: AuditLog;
  /** Talk requests: asking, alerting the DSL and deputies, acknowledging, escalating. */
  talk: TalkService;
  /** Whether the school can take talk requests; check-ins wait for it (issue 17). */
  safeguarding: SafeguardingReadiness;
  /** Alerts and escalations that come due; started by main with the scheduler. */
  talkWorker: TickLoop;
  /** Who holds the school roles; the admin changes them, each change audited. */
  schoolRoles: SchoolRoles;
}

export async function createServices(
  config: Config,
  log: Logger,
  overrides: { clock?: Clock; directory?: Directory; credential?: TokenCredential } = {},
): Promise<Services> {
  const devClock =
    !overrides.clock && config.devClock ? new DevClock(config.devClockStart) : undefined;
  const clock = overrides.clock ?? devClock ?? systemClock;
  const credential = overrides.credential ?? appCredential(config);
  const store =
    config.storage.kind === 'connectionString'
      ? await AzureTableStore.open(config.storage, config.tablePrefix)
      : await AzureTableStore.open(
          { ...config.storage, credential: credential! },
          config.tablePrefix,
        );
  const schools = new SchoolStore(store);
  const teams = new TeamStore(store);
  const directory =
    overrides.directory ??
    (config.mode === 'local'
      ? new FixtureDirectory(demoSchool)
      : new GraphDirectory({ baseUrl: config.graphBaseUrl, credential: credential! }));

  let verifier: TokenVerifier;
  let devIssuer: DevIssuer | undefined;
  if (config.auth.devIssuer) {
    devIssuer = await DevIssuer.create([demoSchool.tenantId, ...config.auth.allowedTenants]);
    verifier = devIssuer;
  } else {
    const clientId = config.auth.audience!;
    verifier = new EntraVerifier({
      jwksUri: config.auth.jwksUri,
      authorityHost: config.auth.authorityHost,
      audiences: [clientId, `api://${new URL(config.publicUrl).host}/${clientId}`],
      allowedTenants: config.auth.allowedTenants,
    });
  }

  const adapter = createAdapter(config.bot, log);
  const deliveries = new DeliveryStore(store);
  const schedules = new ScheduleStore(store);
  const pseudonyms = new HmacPseudonymiser(config.pseudonymSecret);
  // One store per process: its cache of open check-ins is shared by the bot and the worker.
  const checkins = new CheckinStore(store);
  const checkinSettings = new CheckinSettingsStore(store);
  const trends = new TrendsService({
    schools,
    teams,
    checkins,
    settings: checkinSettings,
    ledger: new ReleaseLedger(store),
    clock,
  });
  const audit = new AuditLog(store, clock);
  const personNames =
    config.mode === 'local'
      ? demoPersonNames(demoSchool)
      : new GraphPersonNames({ baseUrl: config.graphBaseUrl, credential: credential!, teams });
  const talkStore = new TalkStore(store);
  const rotas = new RotaStore(store);
  const rota = new RotaService({ rotas, schools, clock });
  const talk = new TalkService({
    talks: talkStore,
    audit,
    schools,
    teams,
    directory,
    deliveries,
    names: personNames,
    clock,
    log,
    render: talkRenderer,
  });
  const safeguarding: SafeguardingReadiness = {
    ready: async (tenantId) => (await talk.readiness(tenantId)).ready,
  };
  const buddy = new BuddyService({
    talks: talkStore,
    store,
    onDuty: async (tenantId, date) => (await rota.onDuty(tenantId, date)).duties,
    schools,
    teams,
    directory,
    deliveries,
    names: personNames,
    clock,
    log,
    render: buddyRenderer,
  });
  const bot = new BelongBot({
    talk,
    safeguarding,
    buddy,
    schools,
    teams,
    directory,
    clock,
    log,
    schedules,
    deliveries,
    checkins,
    pseudonyms,
    checkinSettings,
  });
  const tenants = [
    ...new Set([
      ...(config.mode === 'local' ? [demoSchool.tenantId] : []),
      ...config.auth.allowedTenants,
    ]),
  ];
  const scheduler = new Scheduler({
    schedules,
    schools,
    teams,
    deliveries,
    clock,
    log,
    tenants,
    tickMs: config.scheduler.tickMs,
    graceMs: config.scheduler.graceMs,
    checkins: new CheckinService({
      schools,
      teams,
      directory,
      deliveries,
      clock,
      pseudonyms,
      checkins,
      render: checkinRenderer,
      safeguarding,
    }),
    retentionDays: config.checkins.retentionDays,
    trends,
  });
  const connectorCredential = botConnectorCredential(config);
  // A send must end well within the sender lease (decision 007).
  const requestTimeoutMs = Math.min(5_000, Math.floor(config.delivery.leaseMs / 3));
  const engine = new DeliveryEngine({
    deliveries,
    leases: new LeaseStore(store),
    sender: new ConnectorSender(
      connectorCredential
        ? {
            timeoutMs: requestTimeoutMs,
            token: async () => {
              const token = await connectorCredential.getToken(
                'https://api.botframework.com/.default',
              );
              if (!token) throw new Error('Bot Framework token unavailable');
              return token.token;
            },
          }
        : { timeoutMs: requestTimeoutMs },
    ),
    clock,
    log,
    tenants,
    tenantRps: config.delivery.tenantRps,
    leaseTtlMs: config.delivery.leaseMs,
    marginMs: config.delivery.marginMs,
    requestTimeoutMs,
  });
  const rotaNotifier = new RotaNotifier({
    rotas,
    notices: new RotaNoticeStore(store),
    schools,
    teams,
    deliveries,
    names: personNames,
    clock,
    log,
    tenants,
    tickMs: config.scheduler.tickMs,
    graceMs: config.scheduler.graceMs,
  });
  return {
    config,
    log,
    clock,
    store,
    schools,
    teams,
    directory,
    verifier,
    ...(devIssuer ? { devIssuer } : {}),
    adapter,
    bot,
    deliveries,
    engine,
    schedules,
    scheduler,
    rotaNotifier,
    rotaEvents: rotaNotifier,
    ...(devClock ? { devClock } : {}),
    rotas,
    pseudonyms,
    checkins,
    checkinSettings,
    trends,
    personNames,
    audit,
    talk,
    safeguarding,
    schoolRoles: new SchoolRoles({ schools, audit, directory, names: personNames }),
    talkWorker: new TickLoop(async () => {
      for (const tenantId of tenants)
        await talk
          .tick(tenantId)
          .catch((e: unknown) => log.error('talk.tickFailed', { error: errorName(e) }));
    }, config.scheduler.tickMs),
  };
}

/** `@azure/identity`'s CommonJS build, the copy botbuilder's connector already loaded (server/cjs.ts). */
const identity = () => requireCommonJs<typeof import('@azure/identity')>('@azure/identity');

/** The bot's identity towards the Bot Framework connector (none locally: the Playground doesn't check). */
function botConnectorCredential(config: Config): TokenCredential | undefined {
  if (!config.bot.appId) return undefined;
  if (config.bot.type === 'UserAssignedMSI')
    return new (identity().ManagedIdentityCredential)({ clientId: config.bot.appId });
  const tenant = config.bot.type === 'SingleTenant' ? config.bot.tenantId : 'botframework.com';
  return new (identity().ClientSecretCredential)(tenant, config.bot.appId, config.bot.password);
}

/** The app's own identity for Graph and Storage: managed identity in Azure, or the bot's secret. */
function appCredential(config: Config): TokenCredential | undefined {
  if (config.mode === 'local') return undefined;
  if (config.bot.type === 'UserAssignedMSI')
    return new (identity().ManagedIdentityCredential)({ clientId: config.bot.appId });
  return new (identity().ClientSecretCredential)(
    config.bot.tenantId || 'organizations',
    config.bot.appId,
    config.bot.password,
  );
}
