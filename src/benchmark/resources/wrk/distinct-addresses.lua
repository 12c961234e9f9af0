-- wrk script: POST a form with a different address on every request, none of them an account's:
-- email=<prefix>-<thread>-<n>@unknown.example. Runs for wrk's -d like any wrk run.
--
--   wrk -t2 -c32 -d5s -s distinct-addresses.lua http://127.0.0.1:<port>/password/forgot/ -- <prefix>
--
-- The prefix keeps the addresses of one wrk run apart from those of every other run.

dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "result.lua")

local threads_started = 0
function setup(thread)
  thread:set("thread_number", threads_started)
  threads_started = threads_started + 1
end

-- The request line and headers are built once: per request only the body and its length change, which keeps
-- wrk's own cost per request small next to the server's (the ceiling endpoint answers tens of thousands a second).
function init(args)
  local prefix = args[1] or "wrk"
  address_start = "email=" .. prefix .. "-" .. thread_number .. "-"
  head = "POST " .. wrk.path .. " HTTP/1.1\r\n"
      .. "Host: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
      .. "Content-Type: application/x-www-form-urlencoded\r\n"
      .. "Accept: application/json\r\n"
      .. "Content-Length: "
  sent = 0
end

function request()
  sent = sent + 1
  local body = address_start .. sent .. "%40unknown.example"
  return head .. #body .. "\r\n\r\n" .. body
end

function done(summary, latency, requests)
  write_result(summary, latency)
end
