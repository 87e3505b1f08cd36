-- Appended to every wrk script by wrk.mjs. At the end of a run it prints one line of
-- JSON, so run.mjs parses numbers instead of scraping wrk's human-readable report.
-- wrk gives durations and latencies in microseconds. errors.status counts responses
-- with a status of 400 or more (wrk's own rule); the socket errors are counted apart.

local function finite(x)
  -- An empty run has a NaN mean, which is not JSON.
  if x ~= x or x == math.huge or x == -math.huge then return 0 end
  return x
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, finite(latency.mean)))
end
