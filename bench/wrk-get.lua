-- wrk script: an authenticated GET (e.g. /api/offices, JSON without the database), the baseline
-- the intake and tracking figures are compared with. DOSSIERPOST_BASIC as in wrk-intake.lua.
wrk.headers["Authorization"] = "Basic " .. os.getenv("DOSSIERPOST_BASIC")

done = function(summary, latency, requests)
  io.write(string.format("answers other than 2xx/3xx: %d\n", summary.errors.status))
end
