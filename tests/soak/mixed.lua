-- A mixed load for the soak: public reads, organiser reads and registrations, in fixed proportions.
-- Counts answers by class; any 5xx is a failure of the soak.
local counter = 0
local forum = os.getenv("SOAK_FORUM")
local token = os.getenv("SOAK_TOKEN")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  statuses = { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0 }
  -- Each thread its own sequence, so that no two threads send the same e-mail.
  math.randomseed(os.time() * 1000 + id)
end

function request()
  counter = counter + 1
  local kind = counter % 10
  local auth = { ["Authorization"] = "Bearer " .. token }
  if kind < 4 then
    return wrk.format("GET", "/api/forums/" .. forum)
  elseif kind < 6 then
    return wrk.format("GET", "/api/forums/" .. forum .. "/agenda")
  elseif kind < 8 then
    return wrk.format("GET", "/api/forums/" .. forum .. "/delegates?limit=20&q=delegate", auth)
  else
    auth["Content-Type"] = "application/json"
    local body = string.format('{"name":"Soak %d-%d","email":"soak-%d-%d-%d@example.kz","country":"KZ"}',
      id, counter, id, counter, math.random(1, 1e9))
    return wrk.format("POST", "/api/forums/" .. forum .. "/delegates", auth, body)
  end
end

function response(status, headers, body)
  local class = tostring(math.floor(status / 100)) .. "xx"
  statuses[class] = (statuses[class] or 0) + 1
end

function done(summary, latency, requests)
  local total = { ["2xx"] = 0, ["3xx"] = 0, ["4xx"] = 0, ["5xx"] = 0 }
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for class, n in pairs(s) do total[class] = (total[class] or 0) + n end
  end
  io.write(string.format("answers: 2xx %d, 3xx %d, 4xx %d, 5xx %d\n", total["2xx"], total["3xx"], total["4xx"], total["5xx"]))
  io.write(string.format("latency: p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
