-- wrk script: posts one complete dossier per request (a light load generator for intake).
-- DOSSIERPOST_BASIC holds base64("user:password") of a COUNTER user:
--   DOSSIERPOST_BASIC=$(printf 'lan.nguyen:matkhau123' | base64) \
--     wrk -t2 -c32 -d20s --latency -s bench/wrk-intake.lua http://127.0.0.1:8080/api/dossiers
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. os.getenv("DOSSIERPOST_BASIC")
wrk.body = [[{"procedureCode": "2.000488", "serviceForm": "SEND_AND_RETURN",
  "applicant": {"fullName": "Trần Văn Đức", "citizenId": "001085012345", "phone": "0987654321",
                "address": {"street": "Số 5 phố Tràng Tiền", "communeCode": "00070"}},
  "delivery": {"method": "HOME", "address": {"street": "Số 5 phố Tràng Tiền", "communeCode": "00070"}},
  "components": [{"code": "TO_KHAI", "form": "ORIGINAL", "pages": 2},
                 {"code": "GIAY_TO_TUY_THAN", "form": "COPY", "pages": 1}]}]]

done = function(summary, latency, requests)
  io.write(string.format("answers other than 2xx/3xx: %d\n", summary.errors.status))
end
