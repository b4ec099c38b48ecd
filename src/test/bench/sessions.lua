-- wrk script: every request carries one of the logged-in sessions (cookies.txt, one JSESSIONID
-- a line), rotating, and every answer that is not 200 is counted (a 302 to the login page or a
-- 403 would otherwise look like success). Exact sequential counts are sequential.sh's job: wrk
-- keeps its connections busy for the whole duration.
local cookies = {}
for line in io.lines(os.getenv("COOKIES") or "cookies.txt") do
  cookies[#cookies + 1] = line
end
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7)
  table.insert(threads, thread)
end

function init(args)
  counter = offset
  non200 = 0
end

function request()
  counter = counter + 1
  local cookie = cookies[(counter % #cookies) + 1]
  return wrk.format("GET", nil, { ["Cookie"] = "JSESSIONID=" .. cookie })
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non200")
  end
  io.write(string.format("non-200 answers: %d of %d\n", bad, summary.requests))
  io.write(string.format("latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
