/**
 * The composition root (decision 032): the one place that turns configuration into stores, the
 * directory, token verification, the domain services, the workers and the bot. Each service is
 * built here once and handed to whoever uses it; routers and bot handlers declare the small part
 * they need (`CheckinApiDeps`, `ConnectDeps`, …) and build nothing themselves.
 */
import type { TokenCredential } from '@azure/identity';
import { accessResolver, type AccessResolver } from '../core/access.js';
import { ClassTeams } from '../core/class-teams.js';
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
import { ClassCheckins } from '../core/checkin/class-checkins.js';
import { ReleaseLedger } from '../core/checkin/release-ledger.js';
import { TrendsService } from '../core/checkin/trends-service.js';
import { checkinRenderer } from '../bot/checkin-actions.js';
import type { Pseudonymiser } from '../core/ports/pseudonymiser.js';
import { ScheduleStore } from '../core/stores/schedule-store.js';
import { ScheduleService } from '../core/schedule/schedule-service.js';
import { RotaStore } from '../core/rota/rota-store.js';
import { Scheduler } from './schedule/scheduler.js';
import { RotaNoticeStore } from '../core/rota/rota-notice-store.js';
import { RotaNoticeService } from '../core/rota/rota-notice-service.js';
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
import { graphClient } from './graph/graph-credential.js';
import { AzureTableStore } from './storage/azure-table-store.js';
import { requireCommonJs } from './cjs.js';
import { AuditLog } from '../core/support/audit-log.js';
import { TalkStore } from '../core/support/talk-store.js';
import { TalkService } from '../core/support/talk-service.js';
import { SchoolRoles } from '../core/support/school-roles.js';
import { readAudit } from '../core/support/safeguarding-views.js';
import type { AuditResponse } from '../core/api/roles.js';
import { talkRenderer } from '../bot/cards/talk-cards.js';
import { BuddyService } from '../core/support/buddy.js';
import { buddyRenderer } from '../bot/cards/buddy-card.js';
import { RotaService } from '../core/rota/rota-service.js';
import { TickLoop } from './tick-loop.js';

/**
 * Everything the process is made of. Routers and the bot take their own narrower types, which
 * this satisfies; main.ts starts and stops the workers; tests reach the stores to set up and
 * check what is stored.
 */
export interface Services {
  config: Config;
  log: Logger;
  clock: Clock;
  /** Only in local mode with DEV_CLOCK: the clock tests may move forward. */
  devClock?: DevClock;

  // Storage: the table port and one store per aggregate -------------------------------------
  store: TableStore;
  schools: SchoolStore;
  teams: TeamStore;
  deliveries: DeliveryStore;
  schedules: ScheduleStore;
  /** Check-ins: posts, answers (by pseudonym) and aggregates; one per process (its cache of open check-ins is shared). */
  checkins: CheckinStore;
  /** The school's check-in settings (k, year groups). */
  checkinSettings: CheckinSettingsStore;
  /** Wellbeing-ambassador rotas (RotaService works on it). */
  rotas: RotaStore;
  /** Reminder settings and each day's reminder records (the notifier and the tab API share it). */
  rotaNoticeStore: RotaNoticeStore;
  /** The append-only, hash-chained audit log (talk requests, exports, school roles). */
  audit: AuditLog;

  // Outside the process ----------------------------------------------------------------------
  directory: Directory;
  /** People's display names (demo school locally, Graph in production); Belong stores none. */
  personNames: PersonNames;
  /** Keyed pseudonyms for check-in answers (PSEUDONYM_SECRET). */
  pseudonyms: Pseudonymiser;
  verifier: TokenVerifier;
  /** Only in local mode. */
  devIssuer?: DevIssuer;

  // Domain services, each built once ----------------------------------------------------------
  /** Who a signed-in person is (school roles, and their role in each class team). */
  resolveAccess: AccessResolver;
  /** Class teams as the tab reads them: which a person sees, delivery status, a pupil's Teams id. */
  classTeams: ClassTeams;
  /** Posting check-ins, answers, a pupil's own history: the bot, the tab API and the scheduler. */
  checkin: CheckinService;
  /** A class's list of check-ins for its teachers, and who may post one. */
  classCheckins: ClassCheckins;
  /** Suppressed trends, kept per process; shared by the API and the scheduler (which warms it). */
  trends: TrendsService;
  /** Whether the school can take talk requests; check-ins wait for it (issue 17). */
  safeguarding: SafeguardingReadiness;
  /** Schedules and the school calendar: the bot and the tab API. */
  schedule: ScheduleService;
  /** The rota: the tab API, the notifier (on duty) and buddy requests; it tells the notifier. */
  rota: RotaService;
  /** The coordinator's reminder settings and each day's record. */
  rotaNotices: RotaNoticeService;
  /** Talk requests: asking, alerting the DSL and deputies, acknowledging, escalating. */
  talk: TalkService;
  /** Who holds the school roles; the admin changes them, each change audited. */
  schoolRoles: SchoolRoles;
  /** The audit log as its readers see it; each reading is itself audited. */
  auditReader: { read(tenantId: string, actorId: string, limit: number): Promise<AuditResponse> };

  // The bot and the workers -------------------------------------------------------------------
  adapter: BelongAdapter;
  bot: BelongBot;
  /** The outbox worker; started by main when DELIVERY_WORKER is on. */
  engine: DeliveryEngine;
  /** Turns due posts into deliveries; started by main when SCHEDULER_WORKER is on. */
  scheduler: Scheduler;
  /** Rota reminders, the daily card and swap notices; started by main with the scheduler. */
  rotaNotifier: RotaNotifier;
  /** Alerts and escalations that come due; started by main with the scheduler. */
  talkWorker: TickLoop;
}

export async function createServices(
  config: Config,
  log: Logger,
  overrides: {
    clock?: Clock;
    directory?: Directory;
    credential?: TokenCredential;
    /** Graph's identity (tests bring one that the fake Graph accepts). */
    graphCredential?: TokenCredential;
  } = {},
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
  const tenants = [
    ...new Set([
      ...(config.mode === 'local' ? [demoSchool.tenantId] : []),
      ...config.auth.allowedTenants,
    ]),
  ];

  // Stores ------------------------------------------------------------------------------------
  const schools = new SchoolStore(store);
  const teams = new TeamStore(store);
  const deliveries = new DeliveryStore(store);
  const schedules = new ScheduleStore(store);
  // One store per process: its cache of open check-ins is shared by the bot and the worker.
  const checkins = new CheckinStore(store);
  const checkinSettings = new CheckinSettingsStore(store);
  const rotas = new RotaStore(store);
  const rotaNoticeStore = new RotaNoticeStore(store);
  const talkStore = new TalkStore(store);
  const audit = new AuditLog(store, clock);

  // Outside the process -----------------------------------------------------------------------
  // Graph is called as the app that holds Belong's consent, not as storage's identity (029).
  const graph =
    config.mode === 'local' ? undefined : graphClient(config, log, overrides.graphCredential);
  const graphDirectory = graph && new GraphDirectory({ graph, clock });
  const directory = overrides.directory ?? graphDirectory ?? new FixtureDirectory(demoSchool);
  const personNames =
    graph && graphDirectory
      ? new GraphPersonNames({ graph, directory: graphDirectory, teams, log, clock })
      : demoPersonNames(demoSchool);
  const pseudonyms = new HmacPseudonymiser(config.pseudonymSecret);
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

  // Domain services ---------------------------------------------------------------------------
  const resolveAccess = accessResolver({ schools, teams, directory });
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
  const checkin = new CheckinService({
    schools,
    teams,
    directory,
    deliveries,
    clock,
    pseudonyms,
    checkins,
    render: checkinRenderer,
    safeguarding,
  });
  const trends = new TrendsService({
    schools,
    teams,
    checkins,
    settings: checkinSettings,
    ledger: new ReleaseLedger(store),
    clock,
  });
  const schedule = new ScheduleService({ schedules, schools, teams, clock });
  // The rota tells the notifier about swap and cover requests, and the notifier asks the rota
  // who is on duty: the rota is built first and reaches the notifier through this function.
  const rota: RotaService = new RotaService({
    rotas,
    schools,
    clock,
    rotaEvents: {
      requestChanged: (tenantId, request) => rotaNotifier.requestChanged(tenantId, request),
    },
  });
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

  // The bot -----------------------------------------------------------------------------------
  const adapter = createAdapter(config.bot, log);
  const bot = new BelongBot({
    teams,
    clock,
    log,
    resolveAccess,
    talk,
    buddy,
    checkin,
    schedule,
    deliveries,
    checkinSettings,
  });

  // Workers -----------------------------------------------------------------------------------
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
    checkins: checkin,
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
  const rotaNotifier: RotaNotifier = new RotaNotifier({
    rota,
    rotas,
    notices: rotaNoticeStore,
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
  const talkWorker = new TickLoop(async () => {
    for (const tenantId of tenants)
      await talk
        .tick(tenantId)
        .catch((e: unknown) => log.error('talk.tickFailed', { error: errorName(e) }));
  }, config.scheduler.tickMs);

  return {
    config,
    log,
    clock,
    ...(devClock ? { devClock } : {}),
    store,
    schools,
    teams,
    deliveries,
    schedules,
    checkins,
    checkinSettings,
    rotas,
    rotaNoticeStore,
    audit,
    directory,
    personNames,
    pseudonyms,
    verifier,
    ...(devIssuer ? { devIssuer } : {}),
    resolveAccess,
    classTeams: new ClassTeams({ teams, deliveries }),
    checkin,
    classCheckins: new ClassCheckins({ teams, schools, checkins, safeguarding, clock }),
    trends,
    safeguarding,
    schedule,
    rota,
    rotaNotices: new RotaNoticeService({ notices: rotaNoticeStore, schools, teams, clock }),
    talk,
    schoolRoles: new SchoolRoles({ schools, audit, directory, names: personNames }),
    auditReader: {
      read: (tenantId, actorId, limit) =>
        readAudit({ audit, schools, names: personNames }, tenantId, actorId, limit),
    },
    adapter,
    bot,
    engine,
    scheduler,
    rotaNotifier,
    talkWorker,
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

/** The app's own identity for Storage: managed identity in Azure, or the bot's secret. */
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
