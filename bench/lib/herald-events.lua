-- wrk script: posts signed structured CloudEvents to Herald's POST /events, each with a unique id and a fresh
-- X-Herald-Timestamp, signed as xConnector signs them (HMAC-SHA256 over "<timestamp>.<body>", README "Sending
-- events"). wrk's Lua has no HMAC, so OpenSSL's libcrypto is called through LuaJIT's FFI.
-- Environment: BENCH_RUN (makes ids unique across runs against one store), BENCH_SECRET (the sender's secret).
-- Prints one line "RESULT key=value ..." that bench/run reads.

local ffi = require("ffi")
ffi.cdef [[
typedef struct evp_md_st EVP_MD;
const EVP_MD *EVP_sha256(void);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len,
                    const unsigned char *d, size_t n, unsigned char *md, unsigned int *md_len);
]]

local function load_crypto()
  for _, name in ipairs({ "crypto", "libcrypto.so.3", "libcrypto.so.1.1" }) do
    local ok, lib = pcall(ffi.load, name)
    if ok then return lib end
  end
  error("libcrypto (OpenSSL) not found")
end

local crypto = load_crypto()
local digest = ffi.new("unsigned char[32]")
local digest_length = ffi.new("unsigned int[1]")
local secret = os.getenv("BENCH_SECRET") or "local-xconnector-secret"
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local function hmac_hex(text)
  crypto.HMAC(crypto.EVP_sha256(), secret, #secret, text, #text, digest, digest_length)
  local hex = {}
  for i = 0, 31 do hex[i + 1] = string.format("%02x", digest[i]) end
  return table.concat(hex)
end

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
  local timestamp = tostring(now)
  local headers = {
    ["Content-Type"] = "application/cloudevents+json",
    ["X-Herald-Sender"] = "xconnector",
    ["X-Herald-Timestamp"] = timestamp,
    ["X-Herald-Signature"] = "sha256=" .. hmac_hex(timestamp .. "." .. body),
  }
  return wrk.format("POST", "/events", headers, body)
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
