-- wrk script for the peer's two loads (bench/peer/run.sh):
--   wrk ... -s peer.lua URL -- start KEY_PREFIX        POST .../process-definition/key/caseIntake/start
--   wrk ... -s peer.lua URL -- complete IDS_FILE T     POST /engine-rest/task/{id}/complete, T = wrk's -t
-- "complete" gives wrk thread n the ids on lines n, n+T, n+2T, ... so no task is completed twice; a thread that runs
-- out of ids stops (counted as "overrun"). done() prints one line, "RESULT name=value ...", that run.sh reads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("n", #threads)
end

function init(args)
  mode = args[1]
  sent, ok, non2xx, overrun, first_error = 0, 0, 0, 0, ""
  headers = { ["Content-Type"] = "application/json" }
  if mode == "start" then
    key_prefix = args[2] .. "-" .. n .. "-"
    math.randomseed(os.time() + 1000 * n)
  elseif mode == "complete" then
    ids, next_id = {}, 1
    local line_no, stride = 0, tonumber(args[3])
    for line in io.lines(args[2]) do
      if line ~= "" then
        if line_no % stride == n - 1 then table.insert(ids, line) end
        line_no = line_no + 1
      end
    end
  else
    error("first argument: start or complete")
  end
end

local function uuid()   -- a random version-4 UUID, as our service's case ids are
  local h = function() return string.format("%04x", math.random(0, 0xffff)) end
  return h() .. h() .. "-" .. h() .. "-4" .. string.sub(h(), 2) .. "-" .. string.format("%x", math.random(8, 11))
    .. string.sub(h(), 2) .. "-" .. h() .. h() .. h()
end

function request()
  sent = sent + 1
  if mode == "start" then
    local body = string.format('{"businessKey":"%s%d","variables":{'
      .. '"language":{"value":"es","type":"String"},"caseId":{"value":"%s","type":"String"},'
      .. '"due":{"value":"2026-12-01T17:00:00.000+0000","type":"String"}}}', key_prefix, sent, uuid())
    return wrk.format("POST", "/engine-rest/process-definition/key/caseIntake/start", headers, body)
  end
  local id = ids[next_id]
  next_id = next_id + 1
  if id == nil then
    overrun = overrun + 1
    wrk.thread:stop()
    id = "no-more-ids"
  end
  return wrk.format("POST", "/engine-rest/task/" .. id .. "/complete", headers, "{}")
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    non2xx = non2xx + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 200) end
  end
end

function done(summary, latency, requests)
  local total = { sent = 0, ok = 0, non2xx = 0, overrun = 0 }
  local first_error = ""
  for _, thread in ipairs(threads) do
    for name in pairs(total) do total[name] = total[name] + thread:get(name) end
    if first_error == "" then first_error = thread:get("first_error") end
  end
  -- wrk builds one request on thread 1 to check the script and never sends it
  total.sent = total.sent - 1
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  local ms = function(p) return latency:percentile(p) / 1000 end
  io.write(string.format("RESULT sent=%d ok=%d non2xx=%d overrun=%d socket_errors=%d seconds=%.3f ok_per_s=%.1f "
    .. "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n", total.sent, total.ok, total.non2xx, total.overrun, errors,
    seconds, total.ok / seconds, ms(50), ms(90), ms(99), latency.max / 1000))
  if first_error ~= "" then io.write("FIRST_ERROR " .. first_error .. "\n") end
end
