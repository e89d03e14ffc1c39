/**
 * The Store on Redis (ioredis): for production and for several bot instances sharing one Redis.
 *
 * Durability is the server's: run Redis with `appendonly yes`. With `appendfsync always` every
 * acknowledged write is on disk before Redis answers, which is what the Store contract promises;
 * `appendfsync everysec` (the Redis default) is much faster but a crash of the Redis host (not of
 * the bot) can lose the last second of acknowledged writes. RDB snapshots alone (`save`) lose
 * everything since the last snapshot. A managed Redis must offer AOF persistence to be used here.
 *
 * A write and its index changes run as one Lua script, so they happen entirely or not at all,
 * and the expected-version check sits inside the same script. Redis Cluster is not supported
 * (the scripts touch several keys); use a single primary, optionally behind Sentinel.
 *
 * When Redis is unreachable, calls fail fast with StoreUnavailableError instead of waiting: a
 * command waits at most for the next reconnection attempt (backoff up to one second), and a
 * command in flight when the connection drops is rejected rather than sent again, because a
 * write that may already have been applied must not be applied twice. The client keeps
 * reconnecting, so the same store works again once Redis is back.
 */
import Redis from 'ioredis';
import {
  StoreConflictError,
  StoreUnavailableError,
  type AuditEntry,
  type IndexChange,
  type IndexEntry,
  type PutOptions,
  type RangeQuery,
  type Store,
  type Versioned,
} from '../../ports/store';
import {
  checkBounds,
  checkExpectedVersion,
  checkIndexChanges,
  checkLimit,
  checkTtl,
  normalizeRange,
  serialize,
} from '../store-input';
import { GET_MANY_SCRIPT, WRITE_SCRIPT } from './scripts';

/** The part of the structured logger (pino) the Redis store uses. */
export interface RedisStoreLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface RedisStoreOptions {
  /** redis:// or rediss:// URL; never logged, it may hold a password. */
  readonly url: string;
  /** Namespace of every key, so several bots (or tests) can share one Redis; default `bot:`. */
  readonly keyPrefix?: string;
  readonly logger?: RedisStoreLogger;
  readonly connectTimeoutMs?: number;
  readonly commandTimeoutMs?: number;
  readonly pingTimeoutMs?: number;
}

interface ScriptedRedis extends Redis {
  storeWrite(keyCount: number, ...keysAndArgs: string[]): Promise<[number, number]>;
  storeGetMany(keyCount: number, ...keys: string[]): Promise<(string | null)[]>;
}

/** Replies that mean "not now" rather than "wrong request". */
const TRANSIENT_REPLY = /^(LOADING|BUSY|MISCONF|READONLY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|NOREPLICAS)\b/;

function storeError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof StoreUnavailableError) return error;
  if (error.name === 'ReplyError' && !TRANSIENT_REPLY.test(error.message)) return error;
  return new StoreUnavailableError(`redis is unavailable: ${error.message}`, { cause: error });
}

function bound(score: number): string {
  if (score === -Infinity) return '-inf';
  if (score === Infinity) return '+inf';
  return String(score);
}

function versioned<T>(
  json: string | null | undefined,
  version: string | null | undefined,
): Versioned<T> | undefined {
  if (json === null || json === undefined) return undefined;
  return { value: JSON.parse(json) as T, version: Number(version) };
}

class RedisStore implements Store {
  private closing: Promise<void> | undefined;
  /** Commands sent and not yet answered. */
  private pending = 0;

  constructor(
    private readonly redis: ScriptedRedis,
    private readonly prefix: string,
    private readonly pingTimeoutMs: number,
  ) {}

  async get<T>(key: string): Promise<Versioned<T> | undefined> {
    const [json, version] = await this.run(() => this.redis.hmget(this.valueKey(key), 'v', 'n'));
    return versioned<T>(json, version);
  }

  async getMany<T>(keys: readonly string[]): Promise<(Versioned<T> | undefined)[]> {
    if (keys.length === 0) return [];
    const reply = await this.run(() =>
      this.redis.storeGetMany(keys.length, ...keys.map((key) => this.valueKey(key))),
    );
    return keys.map((_, i) => versioned<T>(reply[2 * i], reply[2 * i + 1]));
  }

  async put<T>(key: string, value: T, options: PutOptions = {}): Promise<number> {
    return this.write(key, 'put', serialize(value), options);
  }

  async delete(key: string, options: PutOptions = {}): Promise<boolean> {
    return (await this.write(key, 'delete', '', options)) === 1;
  }

  async range(index: string, query?: RangeQuery): Promise<IndexEntry[]> {
    const { min, max, offset, limit, reverse } = normalizeRange(query);
    if (limit === 0 || min > max) return [];
    const key = this.indexKey(index);
    const [from, to] = reverse ? [bound(max), bound(min)] : [bound(min), bound(max)];
    const command = reverse ? 'ZREVRANGEBYSCORE' : 'ZRANGEBYSCORE';
    const reply = (await this.run(() =>
      this.redis.call(command, key, from, to, 'WITHSCORES', 'LIMIT', offset, limit ?? -1),
    )) as string[];
    const entries: IndexEntry[] = [];
    for (let i = 0; i + 1 < reply.length; i += 2) {
      entries.push({ member: reply[i] as string, score: Number(reply[i + 1]) });
    }
    return entries;
  }

  async count(index: string, min?: number, max?: number): Promise<number> {
    const bounds = checkBounds(min, max);
    return this.run(() => this.redis.zcount(this.indexKey(index), bound(bounds.min), bound(bounds.max)));
  }

  async increment(counter: string): Promise<number> {
    return this.run(() => this.redis.incr(`${this.prefix}c:${counter}`));
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const reply = await this.run(() => this.redis.set(this.claimKey(key), '1', 'PX', ttl, 'NX'));
    return reply === 'OK';
  }

  async releaseClaim(key: string): Promise<void> {
    await this.run(() => this.redis.del(this.claimKey(key)));
  }

  async putExpiring<T>(key: string, value: T, ttlMs: number): Promise<void> {
    const ttl = checkTtl(ttlMs);
    const json = serialize(value);
    await this.run(() => this.redis.set(this.expiringKey(key), json, 'PX', ttl));
  }

  async getExpiring<T>(key: string): Promise<T | undefined> {
    const json = await this.run(() => this.redis.get(this.expiringKey(key)));
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async appendAudit(stream: string, entry: AuditEntry): Promise<void> {
    const json = serialize(entry, 'audit entry');
    await this.run(() => this.redis.rpush(this.auditKey(stream), json));
  }

  async readAudit(stream: string, limit?: number): Promise<AuditEntry[]> {
    const count = checkLimit(limit);
    if (count === 0) return [];
    const reply = await this.run(() =>
      this.redis.lrange(this.auditKey(stream), 0, count === undefined ? -1 : count - 1),
    );
    return reply.map((json) => JSON.parse(json) as AuditEntry);
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(`redis did not answer PING within ${this.pingTimeoutMs} ms`)),
        this.pingTimeoutMs,
      );
    });
    try {
      await Promise.race([this.run(() => this.redis.ping()), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    this.closing ??= this.quit();
    return this.closing;
  }

  private async quit(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
      return;
    }
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private async write(
    key: string,
    mode: 'put' | 'delete',
    json: string,
    options: PutOptions,
  ): Promise<number> {
    const expected = options.expectedVersion;
    checkExpectedVersion(expected);
    const changes = checkIndexChanges(options.indexes);
    const keys = [this.valueKey(key), ...changes.map((change) => this.indexKey(change.index))];
    const args = [expected === undefined ? '' : String(expected), mode, json, ...changes.flatMap(changeArgs)];
    const [ok, result] = await this.run(() => this.redis.storeWrite(keys.length, ...keys, ...args));
    if (ok === 0) throw new StoreConflictError(key, expected ?? 0, result);
    return result;
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    if (this.closing) throw new StoreUnavailableError('redis store is closed');
    // Auto-pipelining (commands of one event-loop turn in one socket write, sent a turn later)
    // only while other commands await their replies: under full load that saves a system call
    // per command (with it always off, bench:http throughput fell to 0.74 of the echo bot's),
    // while a lone command would only wait a turn and go through a pipeline for nothing.
    // ioredis reads the option at every command. A lone command goes out at once, and the
    // next ones queue behind it, so the order holds.
    this.redis.options.enableAutoPipelining = this.pending > 0;
    this.pending += 1;
    try {
      return await command();
    } catch (error) {
      throw storeError(error);
    } finally {
      this.pending -= 1;
    }
  }

  private valueKey(key: string): string {
    return `${this.prefix}k:${key}`;
  }

  private indexKey(index: string): string {
    return `${this.prefix}i:${index}`;
  }

  private claimKey(key: string): string {
    return `${this.prefix}l:${key}`;
  }

  private expiringKey(key: string): string {
    return `${this.prefix}e:${key}`;
  }

  private auditKey(stream: string): string {
    return `${this.prefix}a:${stream}`;
  }
}

function changeArgs(change: IndexChange): string[] {
  return change.op === 'add' ? ['add', change.member, String(change.score)] : ['remove', change.member, ''];
}

export function createRedisStore(options: RedisStoreOptions): Store {
  const { logger } = options;
  const redis = new Redis(options.url, {
    connectTimeout: options.connectTimeoutMs ?? 2_000,
    commandTimeout: options.commandTimeoutMs ?? 5_000,
    // Reject queued commands at every failed (re)connection attempt instead of holding them.
    maxRetriesPerRequest: 0,
    enableOfflineQueue: true,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) => Math.min(100 * 2 ** (attempt - 1), 1_000),
    enableReadyCheck: true,
    // Switched on and off per command by RedisStore.run: see there.
    enableAutoPipelining: false,
  }) as ScriptedRedis;
  redis.defineCommand('storeWrite', { lua: WRITE_SCRIPT });
  redis.defineCommand('storeGetMany', { lua: GET_MANY_SCRIPT });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger?.warn({ err: error.message }, 'redis connection lost; reconnecting');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger?.info({}, 'redis connection restored');
  });
  return new RedisStore(redis, options.keyPrefix ?? 'bot:', options.pingTimeoutMs ?? 1_000);
}
