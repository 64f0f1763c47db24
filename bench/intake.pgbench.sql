-- The two statements of one intake (see IntakeWriter.ALLOCATE and INSERT),
-- with the values of a typical judicial-record dossier, for pgbench.
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
  payment_method, fees, updated_at)
  VALUES ('PGB-' || gen_random_uuid(), 'PGB-' || gen_random_uuid(), '2.000488', '000.00.15.H26', '100000', 'SEND_AND_RETURN', 'RECEIVED',
  'Nguyễn Thị Hồng Nhung', '001190123456', '0912345678', 'nhung@example.vn', 'Số 12 ngõ 34 phố Hàng Bông', '00070',
  'HOME', 'Số 12 ngõ 34 phố Hàng Bông', '00070', false, NULL, 'WITHIN_PROVINCE',
  now(), 'bench', current_date, current_date + 2, current_date + 16, current_date + 18, 56000, 200000,
  'CASH', '{"items":[{"code":"POSTAGE_OUTBOUND","labelVi":"Cước chuyển hồ sơ đến cơ quan","labelEn":"Postage","amount":28000}]}', now())
  RETURNING id),
c AS (INSERT INTO dossier_component (dossier_id, code, name, form, pages, position)
  SELECT d.id, x.code, x.name, x.form, x.pages, x.position FROM d,
  unnest(ARRAY['TO_KHAI', 'GIAY_TO_TUY_THAN'], ARRAY['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'Bản chụp Căn cước'],
         ARRAY['ORIGINAL', 'COPY'], ARRAY[2, 2], ARRAY[1, 2]) AS x(code, name, form, pages, position)),
e AS (INSERT INTO dossier_event (dossier_id, type, to_status, at, actor, office_code)
  SELECT d.id, 'RECEIVED', 'RECEIVED', now(), 'bench', '100000' FROM d)
SELECT id FROM d;
