-- wrk script: posts one alert per request to Prometheus Alertmanager's POST /api/v2/alerts, each with a unique
-- label set (a new alert, as each Herald event is new), about the size of Herald's events.
-- Environment: BENCH_RUN. Prints one line "RESULT key=value ..." that bench/run reads.

local run = os.getenv("BENCH_RUN") or tostring(os.time())

local template = '[{"labels":{"alertname":"ShipmentDelayed","id":"%s","entity":"Shipment","entityId":"%s",'
  .. '"severity":"low","owner":"carol","source":"/xconnector/erp/s4-logistics"},'
  .. '"annotations":{"summary":"Shipment %s delayed",'
  .. '"description":"Carrier reports a two-day delay at the Hamburg hub; the consignment waits for customs clearance.",'
  .. '"url":"https://erp.example.com/shipments/%s"},'
  .. '"startsAt":"%s","generatorURL":"https://erp.example.com/shipments/%s"}]'

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

local sequence = 0
non_2xx = 0 -- a global: done() reads it from each thread with thread:get

function request()
  sequence = sequence + 1
  local key = string.format("%s-%d-%d", run, thread_id, sequence)
  local body = string.format(template, "bench-" .. key, key, key, key, os.date("!%Y-%m-%dT%H:%M:%SZ"), key)
  return wrk.format("POST", "/api/v2/alerts", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
    if non_2xx == 1 then io.stderr:write("first non-2xx answer: " .. status .. " " .. tostring(body) .. "\n") end
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + (thread:get("non_2xx") or 0) end
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, failed,
    errors.connect + errors.read + errors.write + errors.timeout))
end
