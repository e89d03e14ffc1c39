/**
 * Lua scripts run by Redis as one atomic step. Redis writes a script's effects to the AOF as
 * one MULTI/EXEC block and discards an incomplete block when it loads, so after a crash a value
 * is never left without its index changes or the other way round. Every check comes before the
 * first write because Redis does not roll a script back.
 */

/**
 * KEYS[1]: the value hash (fields v = JSON, n = version); KEYS[2..]: one sorted set per index change.
 * ARGV[1]: expected version or ''; ARGV[2]: 'put' | 'delete'; ARGV[3]: the value's JSON (put);
 * then three arguments per index change: 'add' | 'remove', member, score.
 * Returns {1, new version} for a put, {1, 1 | 0} (deleted or not) for a delete,
 * {0, current version} on a version conflict.
 */
export const WRITE_SCRIPT = `
local current = tonumber(redis.call('HGET', KEYS[1], 'n')) or 0
if ARGV[1] ~= '' and tonumber(ARGV[1]) ~= current then
  return {0, current}
end
local result
if ARGV[2] == 'put' then
  result = current + 1
  redis.call('HSET', KEYS[1], 'v', ARGV[3], 'n', result)
else
  result = redis.call('DEL', KEYS[1])
end
for i = 2, #KEYS do
  local at = 4 + (i - 2) * 3
  if ARGV[at] == 'add' then
    redis.call('ZADD', KEYS[i], ARGV[at + 2], ARGV[at + 1])
  else
    redis.call('ZREM', KEYS[i], ARGV[at + 1])
  end
end
return {1, result}
`;

/** KEYS: value hashes. Returns JSON and version of each, flattened (nil where missing), from one consistent moment. */
export const GET_MANY_SCRIPT = `
local out = {}
for i = 1, #KEYS do
  local fields = redis.call('HMGET', KEYS[i], 'v', 'n')
  out[#out + 1] = fields[1]
  out[#out + 1] = fields[2]
end
return out
`;
