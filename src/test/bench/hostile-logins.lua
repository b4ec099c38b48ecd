-- wrk script for the wrong-password flood (run-hostile-benchmarks.sh): each thread reads the login
-- page once (its view state and, on code that has one, its session cookie), then posts wrong
-- passwords with it as fast as the connections allow, with Origin as a browser sends it.
-- USERNAME: the name to post ("random" = a made-up one each time); RANDOM_ADDRESS=1 adds a random
-- X-Forwarded-For (believed only with MEDBORGER_FORWARDED_HEADERS=true), so that the throttle per
-- address and per name does not stop the flood and only the bounded password checks are left.
local threads = {}
local origin = os.getenv("ORIGIN")
local username = os.getenv("USERNAME") or "anna.jensen"
local randomAddress = os.getenv("RANDOM_ADDRESS") == "1"

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  viewState, cookie = nil, nil
  c2, c3, c4, c5, n = 0, 0, 0, 0, 0
  math.randomseed(os.time() + id * 7919)
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(ch) return string.format("%%%02X", string.byte(ch)) end))
end

function request()
  if not viewState then
    return wrk.format("GET", "/login.xhtml")
  end
  n = n + 1
  local name = username
  if username == "random" then name = "nobody" .. id .. "x" .. n .. "x" .. math.random(1e9) end
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
  }
  if cookie then headers["Cookie"] = cookie end
  if randomAddress then
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  end
  local body = "login=login&login%3Ausername=" .. encode(name) ..
    "&login%3Apassword=wrong&login%3Asubmit=&jakarta.faces.ViewState=" .. encode(viewState)
  return wrk.format("POST", "/login.xhtml", headers, body)
end

function response(status, headers, body)
  if not viewState then
    local vs = body and body:match('name="jakarta.faces.ViewState"[^>]-value="([^"]+)"')
    if vs then
      viewState = vs
      local set = headers["Set-Cookie"]
      if set then cookie = set:match("(JSESSIONID=[^;]+)") end
    end
    return
  end
  if status >= 500 then c5 = c5 + 1
  elseif status >= 400 then c4 = c4 + 1
  elseif status >= 300 then c3 = c3 + 1
  else c2 = c2 + 1 end
end

function done(summary, latency, requests)
  local t2, t3, t4, t5 = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t2 = t2 + t:get("c2"); t3 = t3 + t:get("c3"); t4 = t4 + t:get("c4"); t5 = t5 + t:get("c5")
  end
  io.write(string.format(
    "flood: %d requests (%.0f/s), 200 (wrong password) %d, 3xx %d, 4xx (locked) %d, 5xx (busy/error) %d, socket errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), t2, t3, t4, t5,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
