import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A Lua script run with EVALSHA, loaded on first use (NOSCRIPT) with EVAL. @internal */
export interface LuaScript {
  readonly source: string;
  readonly sha: string;
}

function script(body: string): LuaScript {
  const source = PRELUDE + body;
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** Runs `lua` with no KEYS (every key sits under the store's `{prefix}:` hash tag, one slot). @internal */
export async function runScript(redis: Redis, lua: LuaScript, args: ReadonlyArray<string | number>): Promise<unknown> {
  try {
    // One array argument: spreading 100k+ values into a call would overflow the stack.
    return await redis.call('EVALSHA', [lua.sha, 0, ...args]);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
    return redis.call('EVAL', [lua.source, 0, ...args]);
  }
}

// Entry hash fields: j = JSON without version/lease, v = version, s = status, a = accountKey,
// h = '1' when held, dm = due ms (entryDueAt), sm / sa = scheduledAt ms / ISO, lo / le / lm / lt =
// lease owner / expiresAt ISO / expiry ms / token (new on every claim). '' stands for "none" everywhere.
// Indexes (ARGV[1] = the key prefix P):
//   P..'due'   zset, scheduled + unheld + placed entries, score = max(due, lease expiry): claimable iff score <= now
//   P..'stale' zset, publishing + unheld entries, score = lease expiry (0 without lease): reconcilable iff score <= now
//   P..'at'    zset of placed entries by scheduledAt (range queries)
//   P..'st:'..status, P..'ac:'..accountKey  sets (queries by status / account)
// Numbers go back to Redis as the strings they came in as: Lua's tostring would print epoch
// milliseconds in exponent form and lose digits.
const PRELUDE = `
local P = ARGV[1]
-- Puts an entry in the sorted sets its fields call for (s, h, dm, lm, sm as stored).
local function rescoreWith(id, s, h, dm, lm, sm)
  if sm ~= '' then redis.call('ZADD', P .. 'at', sm, id) else redis.call('ZREM', P .. 'at', id) end
  if s == 'scheduled' and h == '' and dm ~= '' then
    local score = dm
    if lm ~= '' and tonumber(lm) > tonumber(dm) then score = lm end
    redis.call('ZADD', P .. 'due', score, id)
  else
    redis.call('ZREM', P .. 'due', id)
  end
  if s == 'publishing' and h == '' then
    if lm == '' then lm = '0' end
    redis.call('ZADD', P .. 'stale', lm, id)
  else
    redis.call('ZREM', P .. 'stale', id)
  end
end
local function rescore(id)
  local f = redis.call('HMGET', P .. 'e:' .. id, 's', 'h', 'dm', 'lm', 'sm')
  rescoreWith(id, f[1], f[2], f[3], f[4], f[5])
end
-- Moves an entry between the status / account sets (old values from before the write, new ones just written).
local function reindexWith(id, olds, olda, s, a)
  if olds ~= s then
    if olds then redis.call('SREM', P .. 'st:' .. olds, id) end
    redis.call('SADD', P .. 'st:' .. s, id)
  end
  if olda ~= a then
    if olda then redis.call('SREM', P .. 'ac:' .. olda, id) end
    redis.call('SADD', P .. 'ac:' .. a, id)
  end
end
local function lease(id, owner, le, lm, lt)
  local key = P .. 'e:' .. id
  redis.call('HINCRBY', key, 'v', 1)
  redis.call('HSET', key, 'lo', owner, 'le', le, 'lm', lm, 'lt', lt)
  rescore(id)
end
-- Whether claimDue's rules let a claim at now take the entry (stale = '1': expired publishing
-- leases too); also returns its version, status and account as stored.
local function claimable(id, now, stale)
  local f = redis.call('HMGET', P .. 'e:' .. id, 's', 'h', 'dm', 'lm', 'v', 'a')
  local s, h, dm, lm = f[1], f[2], f[3], f[4]
  if not s or h ~= '' then return false end
  if lm ~= '' and tonumber(lm) > now then return false end
  if s == 'scheduled' then
    if dm == '' or tonumber(dm) > now then return false end
  elseif not (s == 'publishing' and stale == '1') then
    return false
  end
  return true, f[5], s, f[6]
end
local function fields(id)
  local f = redis.call('HMGET', P .. 'e:' .. id, 'j', 'v', 'lo', 'le', 'lt')
  return { id, f[1], f[2], f[3], f[4], f[5] or '' }
end
`;

/** Number of ARGV slots per entry in {@link WRITE}. @internal */
export const WRITE_WIDTH = 14;

/**
 * ARGV: P, n, then n × (id, expect, j, v, s, a, h, dm, sm, sa, lo, le, lm, lt). `expect` is 'new'
 * (the id must not exist) or the version the caller read (compare-and-set). All or none:
 * every check runs before any write. Returns {'ok'} or {reason, id}.
 * @internal
 */
export const WRITE = script(`
local n = tonumber(ARGV[2])
local olds, olda = {}, {}
for i = 0, n - 1 do
  local b = 3 + i * ${WRITE_WIDTH}
  local id, expect = ARGV[b], ARGV[b + 1]
  local f = redis.call('HMGET', P .. 'e:' .. id, 'v', 's', 'a')
  if expect == 'new' then
    if f[1] then return { 'exists', id } end
  else
    if not f[1] then return { 'missing', id } end
    if f[1] ~= expect then return { 'version', id } end
  end
  olds[i], olda[i] = f[2], f[3]
end
for i = 0, n - 1 do
  local b = 3 + i * ${WRITE_WIDTH}
  local id = ARGV[b]
  redis.call('HSET', P .. 'e:' .. id, 'j', ARGV[b + 2], 'v', ARGV[b + 3], 's', ARGV[b + 4], 'a', ARGV[b + 5], 'h', ARGV[b + 6],
    'dm', ARGV[b + 7], 'sm', ARGV[b + 8], 'sa', ARGV[b + 9], 'lo', ARGV[b + 10], 'le', ARGV[b + 11], 'lm', ARGV[b + 12],
    'lt', ARGV[b + 13])
  reindexWith(id, olds[i], olda[i], ARGV[b + 4], ARGV[b + 5])
  rescoreWith(id, ARGV[b + 4], ARGV[b + 6], ARGV[b + 7], ARGV[b + 12], ARGV[b + 8])
end
return { 'ok' }
`);

/**
 * ARGV: P, now, owner, le, lm, limit, stale ('1' to include stale publishing entries), token
 * base (the i-th claimed entry's lease token is base .. '.' .. i). Expired publishing leases
 * first (the oldest work: a worker died holding them), then due entries by score. Returns a
 * flat list of (id, j, v, lo, le, lt).
 * @internal
 */
export const CLAIM_DUE = script(`
local now, owner, le, lm, limit = ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local taken = {}
if ARGV[7] == '1' then
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', P .. 'stale', '-inf', now, 'LIMIT', 0, limit)) do taken[#taken + 1] = id end
end
if #taken < limit then
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', P .. 'due', '-inf', now, 'LIMIT', 0, limit - #taken)) do taken[#taken + 1] = id end
end
local out = {}
for i, id in ipairs(taken) do
  lease(id, owner, le, lm, ARGV[8] .. '.' .. i)
  for _, value in ipairs(fields(id)) do out[#out + 1] = value end
end
return out
`);

/**
 * ARGV: P, id, now, owner, le, lm, stale, token. Claims one entry under claimDue's rules;
 * returns (id, j, v, lo, le, lt) or nil.
 * @internal
 */
export const CLAIM_ONE = script(`
local id = ARGV[2]
if not claimable(id, tonumber(ARGV[3]), ARGV[7]) then return false end
lease(id, ARGV[4], ARGV[5], ARGV[6], ARGV[8])
return fields(id)
`);

/**
 * ARGV: P, now, stale, expect, then one {@link WRITE} row without its expect slot (id, j, v, s,
 * a, h, dm, sm, sa, lo, le, lm, lt): the entry as claimed and started at once. Claims under
 * claimDue's rules and, only if the entry is still at version `expect` (the one the caller
 * read and started from), writes the row. Returns {'ok'}, {'version'} (claimable, but
 * written since it was read: nothing written) or nil (not claimable).
 * @internal
 */
export const CLAIM_START = script(`
local id = ARGV[5]
local claimableNow, v, olds, olda = claimable(id, tonumber(ARGV[2]), ARGV[3])
if not claimableNow then return false end
if v ~= ARGV[4] then return { 'version' } end
redis.call('HSET', P .. 'e:' .. id, 'j', ARGV[6], 'v', ARGV[7], 's', ARGV[8], 'a', ARGV[9], 'h', ARGV[10], 'dm', ARGV[11],
  'sm', ARGV[12], 'sa', ARGV[13], 'lo', ARGV[14], 'le', ARGV[15], 'lm', ARGV[16], 'lt', ARGV[17])
reindexWith(id, olds, olda, ARGV[8], ARGV[9])
rescoreWith(id, ARGV[8], ARGV[10], ARGV[11], ARGV[16], ARGV[12])
return { 'ok' }
`);

/**
 * ARGV: P, id, owner, mode ('extend' | 'release'), le, lm, token ('' for any). Returns -1 when
 * the entry does not exist, 0 when the lease is not `owner`'s (or not the claim `token` names),
 * 1 when done. Extending keeps the token.
 * @internal
 */
export const LEASE = script(`
local id, owner, token = ARGV[2], ARGV[3], ARGV[7]
local f = redis.call('HMGET', P .. 'e:' .. id, 'lo', 'lt')
local lo, lt = f[1], f[2] or ''
if not lo then return -1 end
if lo ~= owner then return 0 end
if token ~= '' and lt ~= token then return 0 end
if ARGV[4] == 'extend' then lease(id, owner, ARGV[5], ARGV[6], lt) else lease(id, '', '', '', '') end
return 1
`);

/** ARGV: P, now. Returns { count, oldest scheduledAt or '' } of claimable scheduled entries. @internal */
export const DUE_SUMMARY = script(`
local ids = redis.call('ZRANGEBYSCORE', P .. 'due', '-inf', ARGV[2])
local oldest = ''
for _, id in ipairs(ids) do
  local sa = redis.call('HGET', P .. 'e:' .. id, 'sa')
  if oldest == '' or sa < oldest then oldest = sa end
end
return { #ids, oldest }
`);
