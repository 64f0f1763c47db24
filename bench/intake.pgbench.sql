-- The two statements of one intake (IntakeWriter.ALLOCATE and IntakeWriter.INSERT), with the values
-- of a typical judicial-record dossier, for pgbench: the agency's day counter and the office's S10
-- series row moved on, then the dossier with its documents, first timeline entry, payment and the
-- applicant's SMS and e-mail in one statement.
WITH s AS (INSERT INTO dossier_code_sequence (agency_code, day, last_value) VALUES ('000.00.15.H26', current_date, 1)
  ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
  RETURNING last_value),
n AS (UPDATE s10_series SET next_serial = next_serial + 1 WHERE id = (SELECT id FROM s10_series
  WHERE office_code = '100000' AND next_serial <= serial_to ORDER BY id LIMIT 1 FOR UPDATE)
  RETURNING prefix, next_serial - 1 AS serial)
SELECT s.last_value AS sequence, n.prefix, n.serial FROM s LEFT JOIN n ON true;
WITH d AS (INSERT INTO dossier (code, s10_number, procedure_code, agency_code, office_code, service_form, status,
  applicant_name, applicant_citizen_id, applicant_phone, applicant_email, applicant_street, applicant_commune,
  delivery_method, delivery_street, delivery_commune, appointment_slip_by_post, agency_reference, route_class,
  received_at, received_by, acceptance_day, handover_due, result_due, return_due, postage, government_fee,
  payment_method, fees, updated_at, applicant_id_type, filer_name, filer_id_type, filer_id_number, filer_relation,
  filer_authorisation, delivery_office_code, home_pickup_id)
  VALUES ('PGB-' || gen_random_uuid(), 'PGB-' || gen_random_uuid(), '2.000488', '000.00.15.H26', '100000', 'SEND_AND_RETURN', 'RECEIVED',
  'Nguyễn Thị Hồng Nhung', '001190123456', '0912345678', 'nhung@example.vn', 'Số 12 ngõ 34 phố Hàng Bông', '00070',
  'HOME', 'Số 12 ngõ 34 phố Hàng Bông', '00070', false, NULL, 'WITHIN_PROVINCE',
  now(), 'bench', current_date, current_date + 2, current_date + 16, current_date + 18, 56000, 200000,
  'CASH', '{"items":[{"code":"POSTAGE_OUTBOUND","labelVi":"Cước chuyển hồ sơ đến cơ quan","labelEn":"Postage","amount":28000}],"dueOnDelivery":0}', now(),
  'CCCD', NULL, NULL, NULL, NULL, NULL, '100000', NULL)
  RETURNING id),
c AS (INSERT INTO dossier_component (dossier_id, code, name, form, pages, position)
  SELECT d.id, x.code, x.name, x.form, x.pages, x.position FROM d,
  unnest(ARRAY['TO_KHAI', 'GIAY_TO_TUY_THAN'], ARRAY['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp Căn cước'],
         ARRAY['ORIGINAL', 'COPY'], ARRAY[2, 2], ARRAY[1, 2]) AS x(code, name, form, pages, position)),
e AS (INSERT INTO dossier_event (dossier_id, type, to_status, at, actor, office_code, note)
  SELECT d.id, 'RECEIVED', 'RECEIVED', now(), 'bench', '100000', NULL FROM d),
p AS (INSERT INTO payment (dossier_id, state, method, taken_by, paid_at, updated_at)
  SELECT d.id, 'PAID', 'CASH', 'bench', now(), now() FROM d),
m AS (INSERT INTO notification (dossier_id, kind, channel, recipient, subject, body, created_at, available_at)
  SELECT d.id, x.kind, x.channel, x.recipient, x.subject, x.body, now(), now() FROM d,
  unnest(ARRAY['RECEIVED', 'RECEIVED'], ARRAY['SMS', 'EMAIL'], ARRAY['0912345678', 'nhung@example.vn'],
         ARRAY[NULL, 'Bưu điện đã nhận hồ sơ của bạn'],
         ARRAY['Buu dien da nhan ho so 000.00.15.H26-261202-0001 cua ban. Tra cuu: https://dichvucong.example.vn/tra-cuu/EH000000017VN',
               'Kính gửi Nguyễn Thị Hồng Nhung, Bưu điện đã nhận hồ sơ 000.00.15.H26-261202-0001 (Cấp Phiếu lý lịch tư pháp số 1). Tra cứu: https://dichvucong.example.vn/tra-cuu/EH000000017VN'])
  AS x(kind, channel, recipient, subject, body))
SELECT id FROM d;
