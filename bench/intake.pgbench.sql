-- The two statements of one intake as IntakeWriter sends them (ALLOCATE, then INSERT), each its own
-- transaction as in the service, with the values of a typical judicial-record dossier paid in cash
-- at office 100000, an applicant with phone and e-mail (so two messages), for pgbench.
-- 1. The dossier code's XXXX and the S10 number from the office's series row; this commit does not
--    wait for the WAL flush (see IntakeWriter.ALLOCATE for why that keeps every guarantee).
WITH q AS (SELECT set_config('synchronous_commit', 'off', true)),
s AS (INSERT INTO dossier_code_sequence (agency_code, day, last_value) VALUES ('000.00.15.H26', current_date, 1)
  ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
  RETURNING last_value),
n AS (UPDATE s10_series SET next_serial = next_serial + 1 WHERE id = (SELECT id FROM s10_series
  WHERE office_code = '100000' AND next_serial <= serial_to ORDER BY id LIMIT 1 FOR UPDATE)
  RETURNING prefix, next_serial - 1 AS serial)
SELECT s.last_value, n.prefix, n.serial FROM s LEFT JOIN n ON true CROSS JOIN q;
-- 2. The dossier, its documents, its first timeline event, its payment and the applicant's SMS and
--    e-mail, with the delivering office: one statement, committed with a WAL flush.
WITH d AS (INSERT INTO dossier (code, s10_number, procedure_code, agency_code, office_code,
  service_form, status, applicant_name, applicant_citizen_id, applicant_phone, applicant_email, applicant_street,
  applicant_commune, delivery_method, delivery_street, delivery_commune, appointment_slip_by_post, agency_reference,
  route_class, received_at, received_by, acceptance_day, handover_due, result_due, return_due, postage,
  government_fee, payment_method, fees, updated_at, applicant_id_type, filer_name, filer_id_type,
  filer_id_number, filer_relation, filer_authorisation, delivery_office_code, home_pickup_id)
  VALUES ('PGB-' || gen_random_uuid(), 'PGB-' || gen_random_uuid(), '2.000488', '000.00.15.H26', '100000',
  'SEND_AND_RETURN', 'RECEIVED', 'Nguyễn Thị Hồng Nhung', '001190123456', '0912345678', 'nhung@example.vn',
  'Số 12 ngõ 34 phố Hàng Bông', '00070', 'HOME', 'Số 12 ngõ 34 phố Hàng Bông', '00070', false, NULL,
  'WITHIN_PROVINCE', now(), 'lan.nguyen', current_date, current_date + 2, current_date + 16, current_date + 18,
  56000, 200000, 'CASH',
  CAST('{"items":[{"code":"POSTAGE_OUTBOUND","labelVi":"Cước chuyển hồ sơ đến cơ quan","labelEn":"Postage to the agency","amount":28000},{"code":"POSTAGE_RETURN","labelVi":"Cước chuyển trả kết quả","labelEn":"Postage of the result","amount":28000},{"code":"GOVERNMENT_FEE","labelVi":"Phí, lệ phí thu hộ","labelEn":"Government fee","amount":200000}],"dueOnDelivery":0}' AS jsonb),
  now(), 'CCCD', NULL, NULL, NULL, NULL, NULL, '100000', NULL) RETURNING id),
c AS (INSERT INTO dossier_component (dossier_id, code, name, form, pages, position)
  SELECT d.id, x.code, x.name, x.form, x.pages, x.position FROM d,
  unnest(CAST(ARRAY['TO_KHAI', 'GIAY_TO_TUY_THAN'] AS text[]),
         CAST(ARRAY['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp Căn cước'] AS text[]),
         CAST(ARRAY['ORIGINAL', 'COPY'] AS text[]), CAST(ARRAY[2, 2] AS int[]), CAST(ARRAY[1, 2] AS int[]))
  AS x(code, name, form, pages, position)),
e AS (INSERT INTO dossier_event (dossier_id, type, to_status, at, actor, office_code, note)
  SELECT d.id, 'RECEIVED', 'RECEIVED', now(), 'lan.nguyen', '100000', NULL FROM d),
p AS (INSERT INTO payment (dossier_id, state, method, taken_by, paid_at, updated_at)
  SELECT d.id, 'PAID', 'CASH', 'lan.nguyen', now(), now() FROM d),
n AS (INSERT INTO notification (dossier_id, kind, channel, recipient, subject, body, created_at, available_at)
  SELECT d.id, x.kind, x.channel, x.recipient, x.subject, x.body, now(), now() FROM d,
  unnest(CAST(ARRAY['RECEIVED', 'RECEIVED'] AS text[]), CAST(ARRAY['SMS', 'EMAIL'] AS text[]),
         CAST(ARRAY['84912345678', 'nhung@example.vn'] AS text[]),
         CAST(ARRAY[NULL, 'Bưu điện đã nhận hồ sơ 000.00.15.H26-261202-0001'] AS text[]),
         CAST(ARRAY['Buu dien da nhan ho so 000.00.15.H26-261202-0001. Tra cuu: http://localhost:8080/tra-cuu/EH123456785VN',
                    E'Kính gửi Ông/Bà Nguyễn Thị Hồng Nhung,\n\nBưu điện (Bưu cục Hoàn Kiếm) đã nhận hồ sơ 000.00.15.H26-261202-0001 của Ông/Bà (thủ tục: Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam) để chuyển đến Sở Tư pháp thành phố Hà Nội.\nNgày hẹn trả kết quả dự kiến: 18/12/2026.\nTình trạng hồ sơ xem tại đường dẫn tra cứu dưới đây; phiếu gửi hồ sơ được in lại tại bưu cục khi Ông/Bà cần.\n\nMã bưu gửi: EH123456785VN\nTra cứu tình trạng hồ sơ: http://localhost:8080/tra-cuu/EH123456785VN\n\nBưu điện Việt Nam – Dịch vụ bưu chính công ích\nĐây là thư gửi tự động, xin Ông/Bà không trả lời thư này.\n'] AS text[]))
  AS x(kind, channel, recipient, subject, body))
SELECT id FROM d;
