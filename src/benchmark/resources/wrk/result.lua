-- Shared by the benchmark's wrk scripts (loaded with dofile): the clock and the line the benchmark parses.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local now = ffi.new("bench_timespec")

-- Nanoseconds on CLOCK_MONOTONIC: the clock of Java's System.nanoTime on Linux, so the benchmark can compare
-- these with the moments its SMTP sink saw each mail.
function monotonic_ns()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
  return tonumber(now.tv_sec) * 1e9 + tonumber(now.tv_nsec)
end

-- One line, "BENCH-RESULT key=value ...", after wrk's own report. Latencies are wrk's (microseconds, after its
-- correction for coordinated omission, the same figures as --latency prints); extra: more key=value pairs.
function write_result(summary, latency, extra)
  local errors = summary.errors
  local line = string.format("BENCH-RESULT requests=%d durationUs=%d p50Us=%d p90Us=%d p99Us=%d maxUs=%d "
      .. "meanUs=%.1f connectErrors=%d readErrors=%d writeErrors=%d statusErrors=%d timeouts=%d",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, latency.mean, errors.connect, errors.read, errors.write,
      errors.status, errors.timeout)
  for key, value in pairs(extra or {}) do
    line = line .. " " .. key .. "=" .. value
  end
  io.write(line .. "\n")
  io.stdout:flush()
end
