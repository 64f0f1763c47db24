-- wrk script: public tracking GET /api/track/{S10} (no credentials), cycling through the S10 numbers
-- listed one a line in the file named by DOSSIERPOST_TRACK_FILE (bench/run-all writes it from the
-- seeded dossiers), so the requests spread over the database instead of one cached row.
local numbers = {}
for line in io.lines(os.getenv("DOSSIERPOST_TRACK_FILE")) do
  numbers[#numbers + 1] = line
end
assert(#numbers > 0, "no S10 numbers in " .. os.getenv("DOSSIERPOST_TRACK_FILE"))
local i = 0

request = function()
  i = i + 1
  return wrk.format("GET", "/api/track/" .. numbers[(i % #numbers) + 1])
end

done = function(summary, latency, requests)
  io.write(string.format("answers other than 2xx/3xx: %d\n", summary.errors.status))
end
