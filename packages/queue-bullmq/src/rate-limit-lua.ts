import { createHash } from 'node:crypto';
import type { LuaScript } from './lua-scripts.js';

// The planning rules of `reserveInRecord` / `settleRecord` (@smm/core/http), in Lua so a
// reservation or a settle is one atomic step for every process sharing the Redis.
// ARGV: 1 = record key, 2 = reservations key, 3 = 'reserve' | 'settle', 4 = the request /
// report as JSON, 5 = reservation time-to-live in ms, 6 = the scope (record.scope).
// Reservations live in a sorted set (member `cost|id`, score = expiry), so the points of a
// process that died mid-request come back after the time-to-live instead of leaking.
// Times stay in epoch ms (`resetAtMs`); `resetAt` is written as the same ISO string JS prints.
const SOURCE = `
local K = ARGV[1]
local R = ARGV[2]
local op = ARGV[3]
local q = cjson.decode(ARGV[4])
local ttl = tonumber(ARGV[5])
local scope = ARGV[6]
local NULL = cjson.null
local function nn(v) if v == NULL then return nil end return v end
local TOL = 1000
local now = q.now
local margin = q.marginMs
local fixed = nn(q.fixed)
local changed = false

local function iso(ms)
  ms = math.floor(ms)
  local s = math.floor(ms / 1000)
  local milli = ms - s * 1000
  local days = math.floor(s / 86400)
  local secs = s - days * 86400
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return string.format('%04d-%02d-%02dT%02d:%02d:%02d.%03dZ', y, m, d, math.floor(secs / 3600), math.floor((secs % 3600) / 60), secs % 60, milli)
end

redis.call('ZREMRANGEBYSCORE', R, '-inf', now)
local function inflight()
  local sum = 0
  for _, member in ipairs(redis.call('ZRANGE', R, 0, -1)) do
    sum = sum + tonumber(string.match(member, '^([^|]+)|'))
  end
  return sum
end

local function unknown()
  return { limit = 0, scope = scope, windowResetMs = NULL }
end

local raw = redis.call('GET', K)
local rec
if raw then
  rec = cjson.decode(raw)
  rec.resetAtMs = nn(rec.resetAtMs)
  local r = rec.resetAtMs
  if r ~= nil and now >= r + margin then
    rec.windowResetMs = NULL
    if fixed then
      local limit = rec.limit > 0 and rec.limit or fixed.limit
      rec.limit = limit
      rec.serverRemaining = limit
      rec.resetAtMs = fixed.windowEnd
      rec.windowMs = fixed.windowMs
      changed = true
    elseif rec.limit > 0 then
      rec.serverRemaining = rec.limit
      if nn(rec.windowMs) ~= nil then rec.resetAtMs = now + rec.windowMs else rec.resetAtMs = nil end
      changed = true
    else
      rec = unknown()
    end
  end
elseif fixed then
  rec = { limit = fixed.limit, resetAtMs = fixed.windowEnd, windowMs = fixed.windowMs, scope = scope, serverRemaining = fixed.limit, windowResetMs = NULL }
  changed = true
else
  rec = unknown()
end

local function derive()
  rec.inFlight = inflight()
  local sr = nn(rec.serverRemaining)
  if sr == nil then rec.remaining = 0 else rec.remaining = math.max(0, sr - rec.inFlight) end
end

local function encoded()
  if rec.resetAtMs ~= nil then rec.resetAt = iso(rec.resetAtMs) else rec.resetAt = NULL end
  rec.scope = scope
  return cjson.encode(rec)
end

local function save()
  redis.call('SET', K, encoded(), 'PX', 172800000)
end

if op == 'reserve' then
  local cost = q.cost
  derive()
  local fresh = rec.limit > 0 and rec.remaining >= rec.limit
  if rec.resetAtMs == nil or rec.remaining >= cost or (fresh and cost > rec.limit) then
    redis.call('ZADD', R, now + ttl, tostring(cost) .. '|' .. q.id)
    redis.call('PEXPIRE', R, ttl * 2)
    derive()
    save()
    return cjson.encode({ granted = true, record = cjson.decode(encoded()), window = rec.resetAt, changed = changed })
  end
  if changed then save() end
  return cjson.encode({ granted = false, record = cjson.decode(encoded()), waitMs = rec.resetAtMs + margin - now, changed = changed })
end

-- settle
local res = nn(q.reservation)
if res then
  local removed = redis.call('ZREM', R, tostring(res.cost) .. '|' .. res.id)
  local window = nn(res.window)
  local current = rec.resetAtMs ~= nil and iso(rec.resetAtMs) or nil
  if removed == 1 and q.sent and #q.observations == 0 and nn(rec.serverRemaining) ~= nil and window == current then
    rec.serverRemaining = math.max(0, rec.serverRemaining - res.cost)
  end
end

for _, o in ipairs(q.observations) do
  local remaining, resetAtMs, olimit, owin = nn(o.remaining), nn(o.resetAtMs), nn(o.limit), nn(o.windowMs)
  local apply = not (remaining == nil and olimit == nil and resetAtMs == nil and owin == nil)
  if apply and resetAtMs ~= nil and resetAtMs + margin <= now then apply = false end
  local resetMs = resetAtMs
  if apply and remaining ~= nil then
    local seen = nn(rec.windowResetMs)
    if resetAtMs == nil then
      rec.serverRemaining = remaining
      rec.windowResetMs = NULL
    elseif seen == nil or resetAtMs > seen + TOL then
      rec.serverRemaining = remaining
      rec.windowResetMs = resetAtMs
    elseif resetAtMs < seen - TOL then
      apply = false
    else
      local sr = nn(rec.serverRemaining)
      if sr == nil then sr = remaining end
      rec.serverRemaining = math.min(sr, remaining)
      rec.windowResetMs = math.max(seen, resetAtMs)
      resetMs = rec.windowResetMs
    end
  end
  if apply then
    local limit = olimit
    if limit == nil and rec.limit > 0 then limit = rec.limit end
    if limit == nil and fixed then limit = fixed.limit end
    if limit == nil then limit = math.max(remaining or 0, 0) end
    rec.limit = limit
    if nn(rec.serverRemaining) == nil then rec.serverRemaining = limit end
    local w = owin or nn(rec.windowMs)
    if w ~= nil then rec.windowMs = w end
    if resetMs ~= nil then rec.resetAtMs = resetMs end
    changed = true
  end
end

local limited = nn(q.rateLimited)
if limited then
  local ra = nn(limited.retryAfterMs)
  local untilMs = nil
  if ra ~= nil then untilMs = now + ra end
  local previous = rec.resetAtMs
  if previous ~= nil and previous > now then untilMs = math.max(untilMs or 0, previous) end
  if untilMs == nil and fixed and fixed.aligned then untilMs = fixed.windowEnd end
  if untilMs ~= nil then
    rec.windowResetMs = untilMs
    rec.serverRemaining = 0
    if not (rec.limit > 0) then rec.limit = fixed and fixed.limit or 0 end
    rec.resetAtMs = untilMs
    if nn(rec.windowMs) == nil and fixed then rec.windowMs = fixed.windowMs end
    changed = true
  end
end

derive()
if rec.limit == 0 and rec.resetAtMs == nil and rec.inFlight == 0 then
  redis.call('DEL', K)
  return cjson.encode({ record = NULL, changed = changed })
end
save()
return cjson.encode({ record = cjson.decode(encoded()), changed = changed })
`;

/** Atomic reserve / settle of one rate-limit bucket. @internal */
export const RATE_LIMIT_STEP: LuaScript = { source: SOURCE, sha: createHash('sha1').update(SOURCE).digest('hex') };
