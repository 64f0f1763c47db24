// Home pickups on the courier's phone (templates/courier/today.ftlh, section "Thu gom hồ sơ tại nhà").
// Receiving a dossier needs the network: the counter's checks run on the server at the door (a
// missing document is named there and then), so these forms are sent at once rather than queued.
(function () {
  'use strict';
  const csrf = function () { return document.querySelector('meta[name="csrf-token"]').content; };
  const FIELD = { components: 'Giấy tờ', paymentMethod: 'Thu tiền', reason: 'Lý do', 'applicant.citizenId': 'Số CCCD' };

  async function post(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf() },
      body: JSON.stringify(body)
    });
    return { status: response.status, answer: await response.json().catch(function () { return {}; }) };
  }

  function show(box, answer) {
    const lines = (answer.errors || []).map(function (p) { return (FIELD[p.field] || p.field) + ' — ' + p.message; });
    box.textContent = lines.length > 0 ? lines.join('; ') : (answer.message || 'Máy chủ không nhận.');
    box.hidden = false;
  }

  function offline(box) {
    box.textContent = 'Không có mạng: nhận hồ sơ cần kết nối để kiểm tra giấy tờ. Hãy thử lại khi có sóng.';
    box.hidden = false;
  }

  /** The intake request of the form: the booking gives the applicant, the address and the procedure. */
  function intakeOf(visit, form) {
    const data = new FormData(form);
    const components = data.getAll('doc').map(function (code) {
      return { code: code, form: data.get('form-' + code), pages: Number(data.get('pages-' + code)) };
    });
    const back = data.get('return');
    const body = {
      serviceForm: back === 'NONE' ? 'SEND_ONLY' : 'SEND_AND_RETURN',
      applicant: { citizenId: data.get('citizenId') },
      components: components,
      paymentMethod: data.get('paymentMethod')
    };
    if (back !== 'NONE') {
      body.delivery = { method: back };
      if (back === 'HOME') {
        body.delivery.address = { street: visit.dataset.street, communeCode: visit.dataset.commune };
      }
    }
    return body;
  }

  document.querySelectorAll('.visit').forEach(function (visit) {
    const url = '/api/couriers/me/home-pickups/' + encodeURIComponent(visit.dataset.code);
    const result = visit.querySelector('.visit-result');
    const pickup = visit.querySelector('.pickup-form');
    const failed = visit.querySelector('.visit-failed-form');
    if (!pickup) {
      return;
    }
    const done = function (text) {
      result.innerHTML = text;
      pickup.hidden = true;
      failed.hidden = true;
      visit.classList.add('finished');
    };
    pickup.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      const box = pickup.querySelector('.problem');
      box.hidden = true;
      try {
        const r = await post(url + '/intake', intakeOf(visit, pickup));
        if (r.status === 201) {
          const strong = document.createElement('strong');
          strong.textContent = r.answer.code;
          done('Đã nhận hồ sơ ' + strong.outerHTML + ' · mã bưu gửi ' + r.answer.s10Number
            + '. Người nộp nhận tin nhắn có đường dẫn tra cứu; phiếu gửi in tại bưu cục.');
        } else {
          show(box, r.answer);
        }
      } catch (e) {
        offline(box);
      }
    });
    pickup.querySelector('.open-failed').addEventListener('click', function () {
      failed.hidden = !failed.hidden;
    });
    failed.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      const box = failed.querySelector('.problem');
      box.hidden = true;
      try {
        const r = await post(url + '/failed', { reason: new FormData(failed).get('reason') });
        if (r.status === 200 && r.answer.state === 'CANCELLED') {
          done('Đã hủy lịch hẹn (lần thứ hai không gặp); người nộp đã được báo.');
        } else if (r.status === 200) {
          done('Đã hẹn lại: ' + r.answer.windowText + '; người nộp đã được báo.');
        } else {
          show(box, r.answer);
        }
      } catch (e) {
        offline(box);
      }
    });
  });
})();
