-- wrk script: public tracking, each request for a reference drawn at random from a file (one S10
-- number or dossier code a line; DOSSIERPOST_REFS names it), so the answers cached by the service
-- are only as warm as the number of references allows. Example, 100,000 references of a seeded database:
--   psql … -Atc "SELECT s10_number FROM dossier ORDER BY random() LIMIT 100000" > /tmp/refs.txt
--   DOSSIERPOST_REFS=/tmp/refs.txt wrk -t2 -c32 -d20s --latency -s bench/wrk-track.lua http://127.0.0.1:8080
local refs = {}
for line in io.lines(os.getenv("DOSSIERPOST_REFS")) do
  refs[#refs + 1] = line
end

request = function()
  return wrk.format("GET", "/api/track/" .. refs[math.random(#refs)])
end

done = function(summary, latency, requests)
  io.write(string.format("answers other than 2xx/3xx: %d\n", summary.errors.status))
end
