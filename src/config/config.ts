/**
 * Every setting of the bot in one zod schema, parsed once at start-up and frozen.
 * An invalid value stops start-up with a message naming the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const tenantList = z
  .string()
  .default('')
  .transform((text) =>
    text
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item.length > 0),
  )
  .pipe(z.array(z.string().regex(/^[0-9a-f-]{36}$/, 'each tenant id must be a GUID')));

const emptyAsUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  ),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]*$/, 'letters, digits, : . - and _ only')
    .default('yb:'),
  DATA_DIR: z.string().default('./.data'),
  REGISTRY_PATH: z.string().default('./data/registry'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LOCALE: z.enum(LOCALES).default('fi'),
  ALLOWED_TENANTS: tenantList,
  MicrosoftAppId: z.preprocess(emptyAsUndefined, z.string().optional()),
  MicrosoftAppPassword: z.preprocess(emptyAsUndefined, z.string().optional()),
  MicrosoftAppTenantId: z.preprocess(emptyAsUndefined, z.string().optional()),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  /** Where channel tokens' signing keys are published; set only for sovereign clouds (and tests). */
  ToBotFromChannelOpenIdMetadataUrl: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  ToBotFromChannelTokenIssuer: z.preprocess(emptyAsUndefined, z.string().optional()),
  SOTKANET_URL: z.string().url().default('https://sotkanet.fi/rest/1.1'),
  STATFIN_URL: z.string().url().default('https://pxdata.stat.fi/PxWeb/api/v1'),
  PUBLIC_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z.string().url('must be a URL such as https://bot.example.fi').optional(),
  ),
  /** How often due digests and reminders are looked for; 0 turns the scheduler off. */
  SCHEDULER_TICK_MS: z.coerce.number().int().min(0).default(30_000),
  /** How many bot instances share the store: the tenant's message rate is split between them. */
  BOT_INSTANCES: z.coerce.number().int().min(1).max(100).default(1),
  /** Host of the tab (the manifest's validDomains); SSO audience api://BOT_DOMAIN/MicrosoftAppId. */
  BOT_DOMAIN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9.-]+(:\d+)?$/, 'a host name such as bot.example.fi')
      .optional(),
  ),
  /** Where Entra publishes its token signing keys; only for sovereign clouds (and tests). */
  ENTRA_JWKS_URL: z.preprocess(emptyAsUndefined, z.string().url().optional()),
  /** Changes (card saves, status changes, meeting edits) one user may make per minute. */
  WRITES_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(256 * 1024),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

type Parsed = z.infer<typeof configSchema>;

export interface Config extends Parsed {
  /** No MicrosoftAppId: unauthenticated local mode (Emulator, Agents Playground). */
  readonly localMode: boolean;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Readonly<Config> {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const parsed = result.data;
  const problems: string[] = [];
  const localMode = !parsed.MicrosoftAppId;
  if (parsed.NODE_ENV === 'production') {
    if (localMode)
      problems.push('MicrosoftAppId: required when NODE_ENV=production (refusing to run unauthenticated)');
    if (!localMode && parsed.MicrosoftAppType !== 'UserAssignedMSI' && !parsed.MicrosoftAppPassword) {
      problems.push('MicrosoftAppPassword: required when NODE_ENV=production');
    }
    if (parsed.ALLOWED_TENANTS.length === 0) {
      problems.push('ALLOWED_TENANTS: required when NODE_ENV=production (comma-separated tenant ids)');
    }
  }
  if (parsed.MicrosoftAppType === 'SingleTenant' && !localMode && !parsed.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    ...parsed,
    DATA_DIR: resolve(cwd, parsed.DATA_DIR),
    REGISTRY_PATH: resolve(cwd, parsed.REGISTRY_PATH),
    localMode,
  });
}

const SECRET_KEYS = new Set(['MicrosoftAppPassword']);

/** The configuration as it may be logged: secrets and credentials in URLs redacted. */
export function redactedConfig(config: Readonly<Config>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (SECRET_KEYS.has(key)) out[key] = value ? '[redacted]' : undefined;
    else if (key === 'REDIS_URL' && typeof value === 'string')
      out[key] = value.replace(/\/\/[^@/]*@/, '//[redacted]@');
    else out[key] = value;
  }
  return out;
}
