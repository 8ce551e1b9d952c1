/**
 * Configuration: parsed once, at start-up, from the environment. Nothing else reads process.env.
 * Two modes: `local` (Agents Playground, dev-issuer tokens, Azurite) and `production` (Bot
 * Framework JWTs, Entra ID tokens only). Wrong or dangerous settings refuse to start, loudly.
 */
import { z } from 'zod';

/** Azurite's well-known development account (public, documented by Microsoft), on a given port. */
export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;
}
const azuriteDefault = azuriteConnectionString(10002);

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const env = z.object({
  BELONG_MODE: z.enum(['local', 'production']).default('local'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  /** Public origin of the app, e.g. https://belong.example.sch.uk (production). */
  PUBLIC_URL: z.url().optional(),

  STORAGE_CONNECTION_STRING: z.string().optional(),
  STORAGE_ACCOUNT_URL: z.url().optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/, 'letters and digits, starting with a letter')
    .default('belong'),

  BOT_ID: z.string().optional(),
  BOT_PASSWORD: z.string().optional(),
  BOT_TENANT_ID: z.string().optional(),
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  /**
   * Where the Bot Framework publishes the keys that sign its tokens to the bot (channel, and
   * emulator/skill). Botbuilder's public defaults unless set; tests point them at a fake.
   */
  BOT_OPENID_METADATA_URL: z.url().optional(),
  BOT_EMULATOR_OPENID_METADATA_URL: z.url().optional(),

  AAD_APP_CLIENT_ID: guid.optional(),
  ALLOWED_TENANT_IDS: csv.optional(),
  /**
   * Entra object ids of a new school's first admins (the deployment names them; decision 035).
   * Given the admin role at start while the school has no admin; after that, admins decide.
   */
  FIRST_ADMIN_IDS: csv.optional(),
  ENTRA_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  ENTRA_JWKS_URI: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  /**
   * The Entra app Graph is called as: the one in the manifest's `webApplicationInfo`, which
   * receives resource-specific consent (decision 029). Defaults to AAD_APP_CLIENT_ID.
   */
  GRAPH_CLIENT_ID: guid.optional(),
  /**
   * Only without a managed identity (a developer tunnel): that app's client secret. In Azure the
   * app trusts the managed identity through a federated credential and needs no secret.
   */
  GRAPH_CLIENT_SECRET: z.string().optional(),

  DEV_AUTH: bool.optional(),
  DEMO_SEED: bool.optional(),
  /**
   * With the demo school, a short history of Class 7B's closed check-ins (local mode; on with
   * DEMO_SEED). Suites that count check-ins turn it off and bring their own.
   */
  DEMO_CHECKINS: bool.optional(),
  /** Where the demo school's seeded class team is reached before the Playground's own install event. */
  DEMO_SERVICE_URL: z.url().default('http://localhost:56150/_connector'),
  PSEUDONYM_SECRET: z.string().optional(),
  TAB_DIST: z.string().default('tab/dist'),
  /** Run the delivery engine in this process (every instance may; a tenant lease picks one sender). */
  DELIVERY_WORKER: bool.optional(),
  /** Requests per second per tenant to the Teams connector (Teams allows 50; older docs say 30). */
  TENANT_RPS: z.coerce.number().int().min(1).max(50).default(30),
  /** How long a tenant's sender lease lasts; a crashed sender is replaced after at most this. */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(2_000).max(120_000).default(10_000),
  /** Added to each of Teams' rate windows to absorb jitter between writing and arrival (ms). */
  DELIVERY_MARGIN_MS: z.coerce.number().int().min(0).max(1_000).default(20),
  /** Run the scheduler worker in this process (every instance may; posts are decided once). */
  SCHEDULER_WORKER: bool.optional(),
  /** How often the scheduler looks for due posts. */
  SCHEDULER_TICK_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  /** After downtime, posts this late still go out; older ones are skipped and shown as missed. */
  SCHEDULE_GRACE_MINUTES: z.coerce.number().int().min(1).max(1_440).default(120),
  /** Raw check-in answers are deleted after this many days (aggregates stay); at least 7. */
  CHECKIN_RETENTION_DAYS: z.coerce.number().int().min(7).max(3_650).default(90),
  /** Local mode only: lets tests and demos move the server's clock (POST /api/dev/clock). */
  DEV_CLOCK: bool.optional(),
  /**
   * Local mode only: the instant the server's clock starts at (it then runs forward as usual), so
   * tests and demos of a given day do not depend on the machine's date. Turns the dev clock on.
   */
  DEV_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  BODY_LIMIT: z.string().default('100kb'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Set by Azure App Service; its presence means this is not a developer's machine. */
  WEBSITE_SITE_NAME: z.string().optional(),
  /** Set by Azure App Service: the site's default host name; PUBLIC_URL falls back to it. */
  WEBSITE_HOSTNAME: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, 'a host name')
    .optional(),
});

export type Config = ReturnType<typeof parseConfig>;

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(
      `Belong cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export function parseConfig(source: Record<string, string | undefined>) {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = env.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const local = e.BELONG_MODE === 'local';
  const problems: string[] = [];
  const devAuth = e.DEV_AUTH ?? local;

  if (local) {
    // Local mode is the default, so it must not be able to run somewhere real by accident.
    if (!['127.0.0.1', 'localhost', '::1'].includes(e.HOST)) {
      problems.push(
        `HOST ${e.HOST} is not loopback: local mode (dev sign-in, demo data) only listens on this machine; set BELONG_MODE=production`,
      );
    }
    if (e.STORAGE_ACCOUNT_URL)
      problems.push(
        'STORAGE_ACCOUNT_URL is set in local mode: local mode uses Azurite; set BELONG_MODE=production',
      );
    if (e.WEBSITE_SITE_NAME)
      problems.push('This is an Azure App Service, but BELONG_MODE is not production');
  }

  if (!local) {
    if (devAuth)
      problems.push(
        'DEV_AUTH is on in production mode: dev sign-in must never be enabled in production',
      );
    if (e.DEMO_SEED)
      problems.push('DEMO_SEED is on in production mode: the demo school is for local use only');
    if (e.DEMO_CHECKINS)
      problems.push(
        'DEMO_CHECKINS is on in production mode: the demo school is for local use only',
      );
    if (e.DEV_CLOCK)
      problems.push('DEV_CLOCK is on in production mode: only local mode may move the clock');
    if (e.DEV_CLOCK_START)
      problems.push('DEV_CLOCK_START is set in production mode: only local mode may set the clock');
    if (!e.BOT_ID) problems.push('BOT_ID is required in production mode (the bot identity)');
    if (e.BOT_TYPE !== 'UserAssignedMSI' && !e.BOT_PASSWORD)
      problems.push(`BOT_PASSWORD is required for BOT_TYPE ${e.BOT_TYPE}`);
    if (e.BOT_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID)
      problems.push(`BOT_TENANT_ID is required for BOT_TYPE ${e.BOT_TYPE}`);
    if (!e.AAD_APP_CLIENT_ID)
      problems.push('AAD_APP_CLIENT_ID is required in production mode (the tab token audience)');
    if (!e.ALLOWED_TENANT_IDS?.length)
      problems.push('ALLOWED_TENANT_IDS is required in production mode (the school tenants)');
    for (const id of e.FIRST_ADMIN_IDS ?? [])
      if (!guid.safeParse(id).success)
        problems.push(`FIRST_ADMIN_IDS: ${id} is not an Entra object id (a GUID)`);
    for (const t of e.ALLOWED_TENANT_IDS ?? [])
      if (!guid.safeParse(t).success) problems.push(`ALLOWED_TENANT_IDS: ${t} is not a GUID`);
    if (!e.STORAGE_CONNECTION_STRING && !e.STORAGE_ACCOUNT_URL)
      problems.push(
        'STORAGE_ACCOUNT_URL or STORAGE_CONNECTION_STRING is required in production mode',
      );
    if (!e.PSEUDONYM_SECRET || e.PSEUDONYM_SECRET.length < 32)
      problems.push('PSEUDONYM_SECRET is required in production mode (at least 32 characters)');
    // App Service passes a Key Vault reference it could not resolve through as its own text;
    // used as the key, it would silently unlink every earlier answer.
    if (e.PSEUDONYM_SECRET?.startsWith('@Microsoft.KeyVault('))
      problems.push(
        "PSEUDONYM_SECRET is an unresolved Key Vault reference: give the app's identity the Key Vault Secrets User role and check the secret exists",
      );
    if (!e.PUBLIC_URL && !e.WEBSITE_HOSTNAME)
      problems.push(
        "PUBLIC_URL is required in production mode (or App Service's WEBSITE_HOSTNAME)",
      );
    if (e.BOT_TYPE !== 'UserAssignedMSI' && !e.GRAPH_CLIENT_SECRET)
      problems.push(
        `GRAPH_CLIENT_SECRET is required for BOT_TYPE ${e.BOT_TYPE}: Graph is called as the app GRAPH_CLIENT_ID (or AAD_APP_CLIENT_ID), which trusts the managed identity (BOT_TYPE UserAssignedMSI) or its own secret`,
      );
  }
  if (e.SCHEDULE_GRACE_MINUTES * 60_000 <= e.SCHEDULER_TICK_MS)
    problems.push(
      'SCHEDULE_GRACE_MINUTES must be longer than SCHEDULER_TICK_MS, or posts are skipped as missed between ticks',
    );
  if (problems.length) throw new ConfigError(problems);

  return {
    mode: e.BELONG_MODE,
    port: e.PORT,
    host: e.HOST,
    publicUrl:
      e.PUBLIC_URL ??
      (!local && e.WEBSITE_HOSTNAME
        ? `https://${e.WEBSITE_HOSTNAME}`
        : `http://localhost:${e.PORT}`),
    storage: e.STORAGE_ACCOUNT_URL
      ? ({ kind: 'accountUrl', accountUrl: e.STORAGE_ACCOUNT_URL } as const)
      : ({
          kind: 'connectionString',
          connectionString: e.STORAGE_CONNECTION_STRING ?? azuriteDefault,
        } as const),
    tablePrefix: e.TABLE_PREFIX,
    bot: {
      appId: e.BOT_ID ?? '',
      password: e.BOT_PASSWORD ?? '',
      tenantId: e.BOT_TENANT_ID ?? '',
      type: e.BOT_TYPE,
      ...(e.BOT_OPENID_METADATA_URL ? { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL } : {}),
      ...(e.BOT_EMULATOR_OPENID_METADATA_URL
        ? { emulatorOpenIdMetadataUrl: e.BOT_EMULATOR_OPENID_METADATA_URL }
        : {}),
    },
    auth: {
      devIssuer: devAuth,
      audience: e.AAD_APP_CLIENT_ID,
      allowedTenants: e.ALLOWED_TENANT_IDS ?? [],
      firstAdmins: e.FIRST_ADMIN_IDS ?? [],
      authorityHost: e.ENTRA_AUTHORITY_HOST.replace(/\/$/, ''),
      jwksUri: e.ENTRA_JWKS_URI,
    },
    graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/$/, ''),
    graph: {
      clientId: e.GRAPH_CLIENT_ID ?? e.AAD_APP_CLIENT_ID,
      clientSecret: e.GRAPH_CLIENT_SECRET,
      // The school's tenant: Graph reads its teams and people, as the app consented there.
      tenantId: e.ALLOWED_TENANT_IDS?.[0] ?? 'organizations',
      additionalTenants: e.ALLOWED_TENANT_IDS?.slice(1) ?? [],
    },
    demoSeed: e.DEMO_SEED ?? local,
    demoCheckins: local && (e.DEMO_CHECKINS ?? e.DEMO_SEED ?? true),
    demoServiceUrl: e.DEMO_SERVICE_URL,
    // Local mode uses a fixed, public development secret: local data is demo data.
    pseudonymSecret: e.PSEUDONYM_SECRET ?? 'belong-local-development-secret-not-for-production',
    tabDist: e.TAB_DIST,
    delivery: {
      worker: e.DELIVERY_WORKER ?? true,
      tenantRps: e.TENANT_RPS,
      leaseMs: e.DELIVERY_LEASE_MS,
      marginMs: e.DELIVERY_MARGIN_MS,
    },
    scheduler: {
      worker: e.SCHEDULER_WORKER ?? true,
      tickMs: e.SCHEDULER_TICK_MS,
      graceMs: e.SCHEDULE_GRACE_MINUTES * 60_000,
    },
    checkins: { retentionDays: e.CHECKIN_RETENTION_DAYS },
    devClock: local && (e.DEV_CLOCK ?? e.DEV_CLOCK_START !== undefined),
    ...(local && e.DEV_CLOCK_START ? { devClockStart: new Date(e.DEV_CLOCK_START) } : {}),
    bodyLimit: e.BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
  };
}
