// The intake form's keyboard and show/hide behaviour; everything else is plain HTML and htmx.
(function () {
  'use strict';

  // Commune picker: type part of a name, ArrowDown into the list, Enter (or a click) picks;
  // Enter in the box picks the first option and never sends the form by accident.
  function options(search) {
    return Array.from(document.querySelectorAll('#' + search.dataset.options + ' .commune-option'));
  }

  function pick(option) {
    const search = document.getElementById(option.dataset.for + '-search');
    const code = document.getElementById(search.dataset.code);
    search.value = option.dataset.label;
    code.value = option.dataset.code;
    document.getElementById(search.dataset.options).innerHTML = '';
    search.setAttribute('aria-expanded', 'false');
    code.dispatchEvent(new Event('change', { bubbles: true }));
    const next = document.getElementById(search.dataset.next);
    (next && next.offsetParent !== null ? next : search).focus();
  }

  document.addEventListener('click', function (e) {
    const option = e.target.closest('.commune-option');
    if (option) {
      e.preventDefault();
      pick(option);
    }
  });

  document.addEventListener('keydown', function (e) {
    const t = e.target;
    if (t.classList.contains('commune-search')) {
      const list = options(t);
      if (e.key === 'ArrowDown' && list.length) {
        e.preventDefault();
        list[0].focus();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (list.length) {
          pick(list[0]);
        }
      } else if (e.key === 'Escape') {
        document.getElementById(t.dataset.options).innerHTML = '';
      }
    } else if (t.classList.contains('commune-option')) {
      const search = document.getElementById(t.dataset.for + '-search');
      const list = options(search);
      const i = list.indexOf(t);
      if (e.key === 'ArrowDown' && i < list.length - 1) {
        e.preventDefault();
        list[i + 1].focus();
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        (i > 0 ? list[i - 1] : search).focus();
      } else if (e.key === 'Escape') {
        search.focus();
      }
    }
  });

  // Typing a new name forgets the commune picked before: a code must come from a pick.
  document.addEventListener('input', function (e) {
    if (e.target.classList.contains('commune-search')) {
      document.getElementById(e.target.dataset.code).value = '';
    }
  });

  document.addEventListener('htmx:afterSwap', function (e) {
    if (e.target.classList && e.target.classList.contains('commune-options')) {
      const search = document.querySelector('[data-options="' + e.target.id + '"]');
      if (search) {
        search.setAttribute('aria-expanded', String(e.target.querySelector('.commune-option') !== null));
      }
    }
  });

  // What shows depends on the choices: the delivery address for home delivery, another address
  // only when not the applicant's own, the agency's reference only for "return only", the filer's
  // details only when someone files for the applicant.
  function sync() {
    const method = document.getElementById('deliveryMethod');
    const same = document.getElementById('sameAddress');
    const form = document.getElementById('serviceForm');
    const filer = document.getElementById('filer');
    if (filer) {
      document.getElementById('filer-details').hidden = !filer.checked;
    }
    if (method) {
      document.getElementById('delivery-address').hidden = method.value !== 'HOME';
    }
    if (same) {
      document.getElementById('other-address').hidden = same.checked;
    }
    if (form) {
      document.getElementById('agency-reference').hidden = form.value !== 'RETURN_ONLY';
    }
  }
  document.addEventListener('change', sync);

  // The total of the quote also in the save bar, which is always in view.
  function total() {
    const bar = document.getElementById('save-total');
    const quoted = document.getElementById('quote-total');
    if (bar) {
      bar.textContent = quoted ? quoted.textContent : '—';
    }
  }
  document.addEventListener('htmx:afterSettle', total);
  total();
})();
