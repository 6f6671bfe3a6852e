-- wrk script: posts structured CloudEvents to Herald's POST /events, each with a unique id, signed as xConnector
-- signs them (signed-events.lua).
-- Environment: BENCH_RUN (makes ids unique across runs against one store), BENCH_SECRET (the sender's secret).
-- Prints one line "RESULT key=value ..." that bench/run reads.

-- signed-events.lua stands beside this script
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local signed = require("signed-events")
local run = os.getenv("BENCH_RUN") or tostring(os.time())

-- One event: ~600 bytes, matched by the sample rule erp-workflow-status, owner carol and no team: one e-mail.
local template = '{"specversion":"1.0","id":"%s","source":"/xconnector/erp/s4-logistics",'
  .. '"type":"erp.shipment.delayed","subject":"shipment/%s","time":"%s","datacontenttype":"application/json",'
  .. '"data":{"entity":"Shipment","entityId":"%s","status":"Delayed","previousStatus":"In transit",'
  .. '"owner":"carol","severity":"low","carrier":"Nordic Freight Lines","hub":"Hamburg",'
  .. '"message":"Carrier reports a two-day delay at the Hamburg hub; the consignment waits for customs clearance.",'
  .. '"url":"https://erp.example.com/shipments/%s"}}'

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

local sequence = 0
non_2xx = 0 -- a global: done() reads it from each thread with thread:get

function init(args)
  non_2xx = 0
end

function request()
  sequence = sequence + 1
  local key = string.format("%s-%d-%d", run, thread_id, sequence)
  local now = os.time()
  local body = string.format(template, "bench-" .. key, key, os.date("!%Y-%m-%dT%H:%M:%SZ", now), key, key)
  return signed.post(body, now)
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
