-- Shared by the wrk scripts that post events: a structured CloudEvent as a request to POST /events with a fresh
-- X-Herald-Timestamp, signed as xConnector signs them (HMAC-SHA256 over "<timestamp>.<body>", README "Sending
-- events"). wrk's Lua has no HMAC, so OpenSSL's libcrypto is called through LuaJIT's FFI.
-- Environment: BENCH_SECRET (the sender's secret).

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

local function hmac_hex(text)
  crypto.HMAC(crypto.EVP_sha256(), secret, #secret, text, #text, digest, digest_length)
  local hex = {}
  for i = 0, 31 do hex[i + 1] = string.format("%02x", digest[i]) end
  return table.concat(hex)
end

local signed = {}

-- The request posting body, signed at the given time (seconds since the epoch).
function signed.post(body, now)
  local timestamp = tostring(now)
  local headers = {
    ["Content-Type"] = "application/cloudevents+json",
    ["X-Herald-Sender"] = "xconnector",
    ["X-Herald-Timestamp"] = timestamp,
    ["X-Herald-Signature"] = "sha256=" .. hmac_hex(timestamp .. "." .. body),
  }
  return wrk.format("POST", "/events", headers, body)
end

return signed
