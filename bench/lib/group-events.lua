-- wrk script: posts signed integration.record.failed CloudEvents, all of one group (source system and error code),
-- each with a unique id, signed as xConnector signs them (signed-events.lua), until each of the BENCH_THREADS wrk
-- threads has had BENCH_EVENTS_PER_THREAD answers. wrk runs for a time, not a number of requests: a thread with its
-- share leaves a mark in BENCH_DONE_DIR and stops; once every thread has, bench/run interrupts wrk (SIGINT), which
-- then reports as at the end of its duration. Events in flight when a thread stops may be stored too, so a slice is
-- its share and at most one more per connection: bench/run takes what Herald accepted from Herald's own metric.
-- Environment: BENCH_RUN (makes ids unique across slices and runs), BENCH_SECRET, BENCH_EVENTS_PER_THREAD,
-- BENCH_DONE_DIR (an empty directory). Prints one line "RESULT key=value ..." that bench/run reads.

-- signed-events.lua stands beside this script
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local signed = require("signed-events")
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local quota = tonumber(os.getenv("BENCH_EVENTS_PER_THREAD") or "1000")
local done_dir = os.getenv("BENCH_DONE_DIR") or error("BENCH_DONE_DIR is needed")

-- One failed record of the nightly invoice export (samples/events/integration-record-failed.json): every event
-- has the same sourceSystem and errorCode, so all of them fall into one group.
local template = '{"specversion":"1.0","id":"%s","source":"/xconnector/runtime/scheduler",'
  .. '"type":"integration.record.failed","subject":"job/nightly-invoice-export","time":"%s",'
  .. '"datacontenttype":"application/json","data":{"transactionId":"TX-%s","sourceSystem":"SAP S/4HANA",'
  .. '"errorCode":"EDI-422","errorMessage":"The EDI hub refused invoice %s: unknown tax code.",'
  .. '"retryStatus":"not retried","recordId":"INV-%s"}}'

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
  table.insert(threads, thread)
end

-- globals: done() reads them from each thread with thread:get
answered = 0
non_2xx = 0
local sent = 0

local function thread_done()
  io.open(done_dir .. "/" .. thread_id, "w"):close()
  wrk.thread:stop()
end

function request()
  sent = sent + 1
  local key = string.format("%s-%d-%d", run, thread_id, sent)
  local now = os.time()
  local body = string.format(template, "bench-group-" .. key, os.date("!%Y-%m-%dT%H:%M:%SZ", now), key, key, key)
  return signed.post(body, now)
end

function response(status, headers, body)
  answered = answered + 1
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
    if non_2xx == 1 then io.stderr:write("first non-2xx answer: " .. status .. " " .. tostring(body) .. "\n") end
  end
  if answered == quota then
    thread_done()
  end
end

function done(summary, latency, requests)
  local events, failed = 0, 0
  for _, thread in ipairs(threads) do
    events = events + (thread:get("answered") or 0)
    failed = failed + (thread:get("non_2xx") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT events=%d duration_s=%.3f rate=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    events, summary.duration / 1e6, events / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, failed,
    errors.connect + errors.read + errors.write + errors.timeout))
end
