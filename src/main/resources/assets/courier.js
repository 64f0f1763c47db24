// The courier's phone (templates/courier/today.ftlh). Every action is put in a queue in IndexedDB
// first, with its own clientAttemptId and the time it was tapped, and then sent to the JSON API in
// order, now or when the network is back; the API answers a resend with its first answer. What is
// typed into a form is kept as a draft in IndexedDB, so closing the page or restarting the phone
// loses nothing. An update the server refuses (409, 422 …) is shown on its item and dropped from the
// queue: sending it again would only be refused again.
(function () {
  'use strict';
  const root = document.getElementById('courier');
  if (!root) {
    return;
  }
  // the page may be the service worker's copy from an earlier session: a 403 fetches a fresh token
  let csrf = document.querySelector('meta[name="csrf-token"]').content;
  // what one courier queued is never sent under another's session (a phone shared between shifts)
  const me = root.dataset.user;
  const mine = function (e) { return !e.user || e.user === me; };
  const MAX_PHOTO = 2 * 1024 * 1024;
  const RETRY_MS = 5000;
  const SEND_TIMEOUT_MS = 30000;
  const ACTION = {
    OUT_FOR_DELIVERY: 'Đi phát',
    DELIVERED: 'Đã phát',
    FAILED: 'Không phát được',
    CASH: 'Khai nộp tiền'
  };
  const FIELD = {
    recipientName: 'Người nhận',
    relation: 'Người nhận là',
    idDocumentType: 'Giấy tờ',
    idNumber: 'Số giấy tờ',
    proxyAuthorisation: 'Số giấy ủy quyền',
    proof: 'Chữ ký hoặc ảnh',
    'proof.base64': 'Chữ ký hoặc ảnh',
    reason: 'Lý do',
    note: 'Ghi chú',
    action: 'Xử lý tiếp',
    at: 'Thời điểm',
    amount: 'Số tiền',
    date: 'Ngày'
  };
  const FINISHED = ['DELIVERED', 'HELD_AT_OFFICE', 'RETURNED_TO_AGENCY'];
  const LABEL = {};
  document.querySelectorAll('#status-labels li').forEach(function (li) {
    LABEL[li.dataset.status] = li.textContent;
  });

  // ---- IndexedDB: the queue (in the order tapped), drafts (what is typed), problems (refusals to show)
  const db = new Promise(function (resolve, reject) {
    const open = indexedDB.open('dossierpost-courier', 1);
    open.onupgradeneeded = function () {
      open.result.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      open.result.createObjectStore('drafts');
      open.result.createObjectStore('problems');
    };
    open.onsuccess = function () { resolve(open.result); };
    open.onerror = function () { reject(open.error); };
  });

  function store(name, mode, work) {
    return db.then(function (d) {
      return new Promise(function (resolve, reject) {
        const t = d.transaction(name, mode);
        const request = work(t.objectStore(name));
        t.oncomplete = function () { resolve(request ? request.result : undefined); };
        t.onerror = t.onabort = function () { reject(t.error); };
      });
    });
  }
  const all = function (name) { return store(name, 'readonly', function (s) { return s.getAll(); }); };
  const get = function (name, key) { return store(name, 'readonly', function (s) { return s.get(key); }); };
  const put = function (name, value, key) {
    return store(name, 'readwrite', function (s) { return key === undefined ? s.put(value) : s.put(value, key); });
  };
  const remove = function (name, key) { return store(name, 'readwrite', function (s) { return s.delete(key); }); };

  // ---- what the page shows: each item's status with the queue laid over it, the count, the problems
  function itemOf(s10) {
    return document.getElementById('item-' + s10);
  }

  function effectiveStatus(item, queued) {
    let status = item.dataset.status;
    queued.forEach(function (e) {
      status = e.outcome === 'FAILED' ? 'QUEUED_FAILED' : e.outcome;
    });
    return status;
  }

  async function render() {
    const queue = (await all('queue')).filter(mine);
    const problems = await all('problems');
    document.getElementById('queue-count').textContent = queue.length;
    document.getElementById('queue').hidden = queue.length === 0;
    document.querySelectorAll('.item').forEach(function (item) {
      const queued = queue.filter(function (e) { return e.s10 === item.dataset.s10; });
      const status = effectiveStatus(item, queued);
      const pending = item.querySelector('.pending');
      pending.hidden = queued.length === 0;
      pending.textContent = 'Chờ gửi: ' + queued.map(function (e) { return ACTION[e.outcome]; }).join(', ');
      item.classList.toggle('waiting', queued.length > 0);
      item.querySelectorAll('.act').forEach(function (b) {
        b.hidden = b.dataset.when.split(' ').indexOf(status) < 0;
      });
      if (status !== 'OUT_FOR_DELIVERY') {
        item.querySelectorAll('.action-form').forEach(function (f) { f.hidden = true; });
      }
      const problem = problems.find(function (p) { return p.key === item.dataset.s10; });
      showProblem(item.querySelector('.problem'), problem);
    });
    const cash = problems.find(function (p) { return p.key === 'cash'; });
    const cashQueued = queue.some(function (e) { return e.outcome === 'CASH'; });
    const result = document.getElementById('cash-result');
    if (cash) {
      result.textContent = cash.text;
      result.className = 'mt-2 mb-0 text-danger';
    } else if (cashQueued) {
      result.textContent = 'Khai nộp tiền: chờ gửi.';
      result.className = 'mt-2 mb-0 text-secondary';
    }
  }

  function showProblem(box, problem) {
    box.hidden = !problem;
    box.textContent = '';
    if (!problem) {
      return;
    }
    box.append(problem.text + ' ');
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.className = 'btn btn-sm btn-outline-danger dismiss-problem';
    ok.textContent = 'Đã hiểu';
    box.append(ok);
  }

  function connection(online, words) {
    const p = document.getElementById('connection');
    p.hidden = online && !words;
    p.textContent = words || (online ? '' : 'Không có mạng: thao tác được lưu trên máy và sẽ tự gửi khi có mạng.');
  }

  // ---- sending, one at a time and in order
  let sending = false;

  async function send() {
    if (sending) {
      return;
    }
    sending = true;
    let answered = false;
    try {
      for (;;) {
        const queue = (await all('queue')).filter(mine);
        if (queue.length === 0) {
          break;
        }
        const e = queue[0];
        let response;
        try {
          // a weak signal may neither fail nor answer: give up after a while and send it again later
          // (a resend with the same clientAttemptId gets the first answer, so nothing is done twice)
          response = await fetch(e.url, {
            method: e.method,
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf },
            body: JSON.stringify(e.body),
            signal: AbortSignal.timeout(SEND_TIMEOUT_MS)
          });
        } catch (networkGone) {
          connection(false);
          break;
        }
        const answer = await response.json().catch(function () { return {}; });
        if (response.status === 401) {
          connection(true, 'Phiên đăng nhập đã hết: hãy đăng nhập lại. Các thao tác chờ gửi vẫn được giữ trên máy.');
          break;
        }
        if (response.status >= 500 || response.status === 408 || response.status === 429) {
          connection(true, 'Máy chủ đang bận (mã ' + response.status + '): sẽ thử gửi lại.');
          break;
        }
        if (response.status === 403 && (await freshToken())) {
          continue; // the same update again, with this session's token
        }
        connection(true);
        if (response.ok) {
          await remove('queue', e.seq);
          applied(e, answer);
          answered = true;
        } else {
          await refused(e, queue, response.status, answer);
        }
      }
    } finally {
      sending = false;
      await render();
    }
    if (answered) {
      // the service worker keeps the fresh list for the next time the page opens without network
      fetch('/courier', { credentials: 'same-origin' }).catch(function () {});
    }
  }

  /**
   * After a 403: the token of the page the phone opened may belong to an ended session. Reads this
   * session's token from a fresh page; true when it differs, so the refusal was the stale token's.
   */
  async function freshToken() {
    try {
      const page = await fetch('/courier?token', { credentials: 'same-origin', cache: 'no-store' });
      const found = /<meta name="csrf-token" content="([^"]+)">/.exec(await page.text());
      if (found && found[1] !== csrf) {
        csrf = found[1];
        return true;
      }
    } catch (offline) {
      // no fresh page: the refusal stands as it is
    }
    return false;
  }

  function applied(e, answer) {
    if (e.outcome === 'CASH') {
      document.getElementById('cash-result').textContent =
        'Đã khai nộp ' + e.body.amount.toLocaleString('vi-VN') + ' đ.';
      document.getElementById('cash-result').className = 'mt-2 mb-0 text-success';
      return;
    }
    const item = itemOf(e.s10);
    if (!item || !answer.status) {
      return;
    }
    if (FINISHED.indexOf(answer.status) >= 0) {
      remove('drafts', e.s10 + ':delivered');
      remove('drafts', e.s10 + ':failed');
    }
    if (FINISHED.indexOf(answer.status) >= 0 && FINISHED.indexOf(item.dataset.status) < 0) {
      // finished: nothing more to collect on it today
      const due = document.getElementById('amount-to-collect');
      const left = Number(due.dataset.amount) - Number(item.dataset.amount);
      due.dataset.amount = left;
      due.textContent = left.toLocaleString('vi-VN') + ' đ';
    }
    item.dataset.status = answer.status;
    const label = item.querySelector('.item-status');
    label.textContent = LABEL[answer.status] || answer.status;
    label.className = 'item-status status-' + answer.status;
    if (answer.nextAttemptFrom) {
      const facts = item.querySelector('.facts-line');
      const day = answer.nextAttemptFrom.split('-').reverse().join('/');
      let next = facts.querySelector('.next-attempt');
      if (!next) {
        const span = document.createElement('span');
        span.append('Phát lại từ: ');
        next = document.createElement('strong');
        next.className = 'next-attempt';
        span.append(next);
        facts.append(span);
      }
      next.textContent = day;
    }
    if (answer.amountCollected) {
      const cash = document.getElementById('cash-collected');
      const input = document.getElementById('cash-amount');
      const before = Number(cash.dataset.amount);
      const total = before + answer.amountCollected;
      cash.dataset.amount = total;
      cash.textContent = total.toLocaleString('vi-VN') + ' đ';
      if (Number(input.value) === before) {
        input.value = total; // not changed by hand: it follows what was collected
      }
    }
  }

  /** A refusal: shown on the item, dropped with what depended on it; a refused form comes back as a draft to correct. */
  async function refused(e, queue, status, answer) {
    const later = queue.filter(function (q) { return q.seq > e.seq && q.s10 === e.s10 && e.s10; });
    let text = ACTION[e.outcome] + ': ' + headline(status) + ' Máy chủ trả lời: ' + details(answer);
    if (later.length > 0) {
      text += ' Không gửi tiếp: ' + later.map(function (q) { return ACTION[q.outcome]; }).join(', ') + '.';
    }
    await put('problems', { key: e.s10 || 'cash', text: text }, e.s10 || 'cash');
    if (answer.details && answer.details.currentStatus) {
      // a conflict says where the item is now: the page shows that, and only the actions left from there
      applied(e, { status: answer.details.currentStatus });
    }
    for (const q of [e].concat(later)) {
      await remove('queue', q.seq);
      if (q.draft) {
        await put('drafts', Object.assign({}, q.draft, { open: true }), q.s10 + ':' + q.draft.form);
        await restoreDraft(q.s10, q.draft.form);
      }
    }
  }

  function headline(status) {
    switch (status) {
      case 409: return 'không ghi nhận được vì bưu gửi đã thay đổi (máy khác đã cập nhật trước, hoặc bưu gửi đã được giao cho bưu tá khác).';
      case 422: return 'thông tin chưa đúng, máy chủ không nhận.';
      case 403: return 'không được phép: bưu gửi này không còn thuộc danh sách của bạn.';
      case 404: return 'không tìm thấy bưu gửi này.';
      default: return 'máy chủ không nhận (mã ' + status + ').';
    }
  }

  function details(answer) {
    const fields = (answer.errors || []).map(function (p) { return (FIELD[p.field] || p.field) + ' — ' + p.message; });
    return fields.length > 0 ? fields.join('; ') : (answer.message || 'không có lời giải thích');
  }

  async function enqueue(entry) {
    entry.user = me;
    await put('queue', entry);
    await remove('problems', entry.s10 || 'cash');
    await render();
    send();
  }

  function attempt(s10, outcome, fields, draft) {
    return enqueue({
      s10: s10,
      outcome: outcome,
      url: '/api/deliveries/' + encodeURIComponent(s10) + '/attempts',
      method: 'POST',
      body: Object.assign({ clientAttemptId: crypto.randomUUID(), outcome: outcome, at: new Date().toISOString() }, fields),
      draft: draft
    });
  }

  // ---- drafts: every form's fields, signature and photo, saved as they change
  function formOf(s10, name) {
    const item = itemOf(s10);
    return item && item.querySelector('form[data-form="' + name + '"]');
  }

  function draftOf(form) {
    const fields = {};
    new FormData(form).forEach(function (v, k) { fields[k] = v; });
    const canvas = form.querySelector('canvas.signature');
    return {
      form: form.dataset.form,
      fields: fields,
      signature: canvas && canvas.dataset.signed ? canvas.toDataURL('image/png') : null,
      photo: form.dataset.photo || null,
      open: !form.hidden
    };
  }

  function saveDraft(form) {
    const s10 = form.closest('.item').dataset.s10;
    return put('drafts', draftOf(form), s10 + ':' + form.dataset.form);
  }

  async function restoreDraft(s10, name) {
    const form = formOf(s10, name);
    const draft = await get('drafts', s10 + ':' + name);
    if (!form || !draft) {
      return;
    }
    Object.keys(draft.fields).forEach(function (k) {
      const inputs = form.querySelectorAll('[name="' + k + '"]');
      inputs.forEach(function (input) {
        if (input.type === 'radio') {
          input.checked = input.value === draft.fields[k];
        } else {
          input.value = draft.fields[k];
        }
      });
    });
    proxyFields(form);
    const canvas = form.querySelector('canvas.signature');
    if (canvas) {
      clearSignature(canvas);
      if (draft.signature) {
        const img = new Image();
        img.onload = function () { canvas.getContext('2d').drawImage(img, 0, 0); };
        img.src = draft.signature;
        canvas.dataset.signed = 'true';
      }
    }
    showPhoto(form, draft.photo);
    if (draft.open) {
      form.hidden = false;
    }
  }

  async function restoreAll() {
    const keys = await store('drafts', 'readonly', function (s) { return s.getAllKeys(); });
    for (const key of keys) {
      if (key === 'cash') {
        const cash = await get('drafts', 'cash');
        document.getElementById('cash-amount').value = cash.amount;
        continue;
      }
      const at = key.lastIndexOf(':');
      await restoreDraft(key.substring(0, at), key.substring(at + 1));
    }
  }

  // ---- the signature pad and the photo
  function clearSignature(canvas) {
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    delete canvas.dataset.signed;
  }

  function signaturePad(canvas) {
    clearSignature(canvas);
    const ctx = canvas.getContext('2d');
    let drawing = false;
    function at(ev) {
      const r = canvas.getBoundingClientRect();
      return [(ev.clientX - r.left) * canvas.width / r.width, (ev.clientY - r.top) * canvas.height / r.height];
    }
    canvas.addEventListener('pointerdown', function (ev) {
      drawing = true;
      canvas.setPointerCapture(ev.pointerId);
      const p = at(ev);
      ctx.strokeStyle = '#102a5c';
      ctx.lineWidth = 4;
      ctx.lineCap = ctx.lineJoin = 'round';
      ctx.beginPath();
      ctx.moveTo(p[0], p[1]);
      ev.preventDefault();
    });
    canvas.addEventListener('pointermove', function (ev) {
      if (drawing) {
        const p = at(ev);
        ctx.lineTo(p[0], p[1]);
        ctx.stroke();
        canvas.dataset.signed = 'true';
      }
    });
    function end() {
      if (drawing) {
        drawing = false;
        saveDraft(canvas.closest('form'));
      }
    }
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
  }

  function showPhoto(form, dataUrl) {
    const img = form.querySelector('.photo-preview');
    if (!img) {
      return;
    }
    if (dataUrl) {
      form.dataset.photo = dataUrl;
    } else {
      delete form.dataset.photo;
    }
    img.hidden = !dataUrl;
    img.src = dataUrl || '';
    const bytes = dataUrl ? Math.round((dataUrl.length - dataUrl.indexOf(',') - 1) * 3 / 4) : 0;
    form.querySelector('.photo-note').textContent = dataUrl ? 'Ảnh ' + Math.ceil(bytes / 1024) + ' KB' : '';
  }

  /** The camera's photo made a JPEG of at most 2 MB: scaled down to 1600 px, then less quality or size until it fits. */
  async function shrink(file) {
    const url = URL.createObjectURL(file);
    try {
      const img = await new Promise(function (resolve, reject) {
        const i = new Image();
        i.onload = function () { resolve(i); };
        i.onerror = reject;
        i.src = url;
      });
      let scale = Math.min(1, 1600 / Math.max(img.naturalWidth, img.naturalHeight));
      let quality = 0.85;
      for (;;) {
        const c = document.createElement('canvas');
        c.width = Math.max(1, Math.round(img.naturalWidth * scale));
        c.height = Math.max(1, Math.round(img.naturalHeight * scale));
        c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
        const blob = await new Promise(function (resolve) { c.toBlob(resolve, 'image/jpeg', quality); });
        if (blob.size <= MAX_PHOTO) {
          return await new Promise(function (resolve) {
            const reader = new FileReader();
            reader.onload = function () { resolve(reader.result); };
            reader.readAsDataURL(blob);
          });
        }
        if (quality > 0.5) {
          quality -= 0.15;
        } else {
          scale *= 0.75;
        }
      }
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  function proxyFields(form) {
    const proxy = form.querySelector('input[name="relation"][value="PROXY"]');
    const field = form.querySelector('.proxy-only');
    if (proxy && field) {
      field.hidden = !proxy.checked;
    }
  }

  // ---- the forms
  /** Shows what is missing on the form (null clears it); returns null, the fields of a form not ready to send. */
  function formError(form, words) {
    const p = form.querySelector('.form-error');
    p.hidden = !words;
    p.textContent = words || '';
    return null;
  }

  function deliveredFields(form) {
    const d = draftOf(form);
    const f = d.fields;
    const proxy = f.relation === 'PROXY';
    const idNumber = (f.idNumber || '').trim();
    if (!(f.recipientName || '').trim()) {
      return formError(form, 'Nhập tên người nhận.');
    }
    if (!/^[A-Za-z0-9]{6,20}$/.test(idNumber)) {
      return formError(form, 'Nhập số giấy tờ: 6 đến 20 chữ hoặc số.');
    }
    if (proxy && !(f.proxyAuthorisation || '').trim()) {
      return formError(form, 'Người được ủy quyền: nhập số giấy ủy quyền.');
    }
    const image = d.photo || d.signature;
    if (!image) {
      return formError(form, 'Cần chữ ký của người nhận hoặc ảnh chụp.');
    }
    formError(form, null);
    const fields = {
      recipientName: f.recipientName.trim(),
      relation: f.relation,
      idDocumentType: f.idDocumentType,
      idNumber: idNumber,
      proof: { mediaType: d.photo ? 'image/jpeg' : 'image/png', base64: image.substring(image.indexOf(',') + 1) }
    };
    if (proxy) {
      fields.proxyAuthorisation = f.proxyAuthorisation.trim();
    }
    return { fields: fields, draft: d };
  }

  function failedFields(form) {
    const d = draftOf(form);
    const f = d.fields;
    if (f.reason === 'OTHER' && !(f.note || '').trim()) {
      return formError(form, 'Lý do khác: ghi rõ chuyện gì đã xảy ra.');
    }
    formError(form, null);
    const fields = { reason: f.reason, action: f.action };
    if ((f.note || '').trim()) {
      fields.note = f.note.trim();
    }
    return { fields: fields, draft: d };
  }

  async function done(form) {
    const s10 = form.closest('.item').dataset.s10;
    await remove('drafts', s10 + ':' + form.dataset.form);
    form.reset();
    const canvas = form.querySelector('canvas.signature');
    if (canvas) {
      clearSignature(canvas);
    }
    showPhoto(form, null);
    proxyFields(form);
    form.hidden = true;
  }

  root.addEventListener('click', function (ev) {
    const button = ev.target.closest('button');
    if (!button) {
      return;
    }
    const item = button.closest('.item');
    if (button.classList.contains('act-out')) {
      attempt(item.dataset.s10, 'OUT_FOR_DELIVERY', {});
    } else if (button.dataset.form) {
      item.querySelectorAll('.action-form').forEach(function (f) {
        f.hidden = f.dataset.form !== button.dataset.form;
        saveDraft(f);
      });
      item.querySelector('form[data-form="' + button.dataset.form + '"] input, form[data-form="' + button.dataset.form + '"] select').focus();
    } else if (button.classList.contains('close-form')) {
      const form = button.closest('form');
      form.hidden = true;
      saveDraft(form);
    } else if (button.classList.contains('clear-signature')) {
      const form = button.closest('form');
      clearSignature(form.querySelector('canvas.signature'));
      saveDraft(form);
    } else if (button.classList.contains('dismiss-problem')) {
      remove('problems', item ? item.dataset.s10 : 'cash').then(render);
    } else if (button.id === 'send-now') {
      send();
    }
  });

  root.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    const form = ev.target;
    if (form.id === 'cash-form') {
      const amount = Number(document.getElementById('cash-amount').value);
      if (!Number.isInteger(amount) || amount < 0) {
        document.getElementById('cash-result').textContent = 'Nhập số tiền nộp: số nguyên, từ 0 đồng.';
        return;
      }
      await remove('drafts', 'cash');
      await enqueue({ s10: null, outcome: 'CASH', url: '/api/courier/cash/' + root.dataset.date, method: 'PUT', body: { amount: amount } });
      return;
    }
    const s10 = form.closest('.item').dataset.s10;
    const action = form.dataset.form === 'delivered' ? deliveredFields(form) : failedFields(form);
    if (action) {
      await done(form);
      await attempt(s10, form.dataset.form === 'delivered' ? 'DELIVERED' : 'FAILED', action.fields, action.draft);
    }
  });

  function changed(ev) {
    const form = ev.target.closest('form');
    if (!form) {
      return;
    }
    if (form.id === 'cash-form') {
      put('drafts', { amount: document.getElementById('cash-amount').value }, 'cash');
      return;
    }
    if (ev.target.classList.contains('photo-input')) {
      const file = ev.target.files[0];
      if (file) {
        form.querySelector('.photo-note').textContent = 'Đang thu nhỏ ảnh…';
        shrink(file).then(function (dataUrl) {
          showPhoto(form, dataUrl);
          saveDraft(form);
        });
      }
      return;
    }
    proxyFields(form);
    saveDraft(form);
  }
  root.addEventListener('input', changed);
  root.addEventListener('change', changed);

  // signing out clears what the phone keeps for offline use (applicants' names, addresses, ID numbers,
  // signatures): the kept list, this courier's queue, drafts and refusals; updates not yet sent are
  // only dropped once the courier has said so
  const signOut = document.querySelector('form[action="/logout"]');
  if (signOut) {
    signOut.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      const waiting = (await all('queue')).filter(mine);
      if (waiting.length > 0 && !window.confirm('Còn ' + waiting.length
          + ' thao tác chờ gửi. Đăng xuất bây giờ sẽ xóa chúng khỏi máy. Vẫn đăng xuất?')) {
        return;
      }
      try {
        for (const e of waiting) {
          await remove('queue', e.seq);
        }
        await store('drafts', 'readwrite', function (s) { return s.clear(); });
        await store('problems', 'readwrite', function (s) { return s.clear(); });
        if (window.caches) {
          await caches.delete('dossierpost-courier-v1');
        }
      } finally {
        signOut.submit();
      }
    });
  }

  document.querySelectorAll('canvas.signature').forEach(signaturePad);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/courier/sw.js', { scope: '/courier' })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () {
        if (navigator.serviceWorker.controller) {
          root.dataset.offline = 'ready';
        } else {
          navigator.serviceWorker.addEventListener('controllerchange', function () { root.dataset.offline = 'ready'; });
        }
      })
      .catch(function () {});
  }
  window.addEventListener('online', send);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      send();
    }
  });
  setInterval(function () {
    if (document.getElementById('queue-count').textContent !== '0') {
      send();
    }
  }, RETRY_MS);
  restoreAll().then(render).then(send).then(function () { root.dataset.ready = 'true'; });
})();
