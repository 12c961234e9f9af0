-- wrk script: POST /password/forgot/ exactly once for each of the addresses 0 .. count-1 of a printf pattern
-- (the seeded accounts), then stop; optionally paced and with the moment each request went out.
--
--   wrk -t<T> -c<C> -d<long> -s each-account-once.lua <url> -- <count> <T> <pattern> <rate> [<sent-file>]
--
-- <pattern>: the form body with %d for the index, e.g. email=bench-%05d%%40bench.example.
-- <rate>: requests per second over all threads, request i due at start + i / rate; 0: as fast as the replies
-- come back (a closed loop over the connections).
-- <sent-file>: if given, gets "<index> <monotonic ns when sent>" per request.
--
-- How it sends each address exactly once and then stops: thread k of T takes the indexes k, k+T, k+2T ... (wrk
-- runs every thread in its own Lua state, so they cannot share a counter). Before a connection sends, wrk asks
-- delay(): that is where the next index of the thread is taken; a connection for which none is left is told to
-- wait an hour and never sends again. When the replies to all the thread's indexes have come back, the thread stops
-- itself and prints "BENCH-THREAD-DONE". wrk's main thread still sleeps until -d is over: the benchmark sends it
-- SIGINT once every thread is done, and wrk then prints its report and the BENCH-RESULT line. A request whose
-- connection broke gets no reply; its thread then never finishes and the benchmark reports the missing replies.

dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "result.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"

local NEVER_MS = 3600 * 1000
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  local count, thread_count = tonumber(args[1]), tonumber(args[2])
  pattern = args[3]
  rate = tonumber(args[4])
  sent_file_name = args[5]
  record = sent_file_name ~= nil
  step = thread_count
  next_index = thread_number
  mine = count > thread_number and math.floor((count - 1 - thread_number) / thread_count) + 1 or 0
  taken, ok, failed = 0, 0, 0
  due_queue = {}
  sent_index, sent_ns = {}, {}
  first_sent_ns, done_ns = 0, 0
end

function delay()
  if taken == mine then
    return NEVER_MS
  end
  local index = next_index
  next_index = next_index + step
  taken = taken + 1
  table.insert(due_queue, index)
  if rate == 0 then
    return 0
  end
  if start_ns == nil then
    start_ns = monotonic_ns()
  end
  local wait_ms = (start_ns + index * 1e9 / rate - monotonic_ns()) / 1e6
  return wait_ms > 0 and math.ceil(wait_ms) or 0
end

function request()
  if #due_queue == 0 then
    -- wrk's check of the script at start-up, before any delay(): the request it builds is never sent
    return wrk.format(nil, nil, nil, string.format(pattern, 0))
  end
  local index = table.remove(due_queue, 1)
  local now = monotonic_ns()
  if first_sent_ns == 0 then
    first_sent_ns = now
  end
  if record then
    table.insert(sent_index, index)
    table.insert(sent_ns, now)
  end
  return wrk.format(nil, nil, nil, string.format(pattern, index))
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    failed = failed + 1
  end
  if ok + failed == mine then
    done_ns = monotonic_ns()
    io.write(string.format("BENCH-THREAD-DONE %d ok=%d failed=%d\n", thread_number, ok, failed))
    io.stdout:flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local total_ok, total_failed, first, last_done = 0, 0, 0, 0
  local file = nil
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_failed = total_failed + thread:get("failed")
    local thread_first = thread:get("first_sent_ns")
    if thread_first > 0 and (first == 0 or thread_first < first) then
      first = thread_first
    end
    last_done = math.max(last_done, thread:get("done_ns"))
    if thread:get("record") then
      file = file or io.open(thread:get("sent_file_name"), "w")
      local indexes, moments = thread:get("sent_index"), thread:get("sent_ns")
      for i = 1, #indexes do
        file:write(string.format("%d %.0f\n", indexes[i], moments[i]))
      end
    end
  end
  if file then
    file:close()
  end
  write_result(summary, latency, { ok = total_ok, failed = total_failed,
                                   firstSentNs = string.format("%.0f", first),
                                   lastReplyNs = string.format("%.0f", last_done) })
end
