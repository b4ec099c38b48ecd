-- wrk script for the anonymous flood (run-hostile-benchmarks.sh): plain GETs of a protected page
-- with a long query string, no cookies, as the issue-7 probe sent them; counts the answers by
-- class (3xx is the expected redirect to the login page).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  c3, c4, c5, other = 0, 0, 0, 0
end

function response(status, headers, body)
  if status >= 500 then c5 = c5 + 1
  elseif status >= 400 then c4 = c4 + 1
  elseif status >= 300 then c3 = c3 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t3, t4, t5, t2 = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t3 = t3 + t:get("c3"); t4 = t4 + t:get("c4"); t5 = t5 + t:get("c5"); t2 = t2 + t:get("other")
  end
  io.write(string.format("flood: %d requests (%.0f/s), 2xx %d, 3xx %d, 4xx %d, 5xx %d, socket errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), t2, t3, t4, t5,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
