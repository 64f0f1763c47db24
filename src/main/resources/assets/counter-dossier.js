// The counter's dossier page: scans dropped on a document (or picked) are sent one file per request,
// each with its progress bar and then what the service recognised or why it refused the file; once
// a batch is done the live parts of the page (status, file lists, timeline) are fetched again. A scan
// clicked in a list opens in the preview pane: PDFs in a frame, JPEG and PNG as images.
(function () {
  "use strict";
  var page = document.getElementById("dossier-page");
  if (!page) {
    return;
  }
  var code = page.dataset.code;
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = tokenMeta ? tokenMeta.content : "";
  // The first picker takes the focus without scrolling: the status at the top stays in view.
  var first = document.querySelector("[data-autofocus]");
  if (first && !document.querySelector("[autofocus]")) {
    first.focus({ preventScroll: true });
  }
  var queue = [];
  var busy = false;

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  /** One line per file: its name, a progress bar, and the outcome once known. */
  function progressRow(component, file) {
    var row = element("li", "upload-progress");
    row.dataset.fileName = file.name;
    var head = element("div", "d-flex justify-content-between gap-2");
    head.appendChild(element("span", "upload-name", file.name));
    var outcome = element("span", "upload-result", "Đang chờ…");
    head.appendChild(outcome);
    var bar = element("div", "progress");
    bar.setAttribute("role", "progressbar");
    bar.setAttribute("aria-label", "Tải lên " + file.name);
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", "100");
    bar.setAttribute("aria-valuenow", "0");
    var fill = element("div", "progress-bar progress-bar-striped progress-bar-animated");
    fill.style.width = "0%";
    bar.appendChild(fill);
    row.appendChild(head);
    row.appendChild(bar);
    document.getElementById("uploads-" + component).appendChild(row);
    return { row: row, bar: bar, fill: fill, outcome: outcome };
  }

  function setProgress(view, percent) {
    view.fill.style.width = percent + "%";
    view.bar.setAttribute("aria-valuenow", String(percent));
  }

  function finished(view, ok, text, detail) {
    setProgress(view, 100);
    view.fill.classList.remove("progress-bar-animated", "progress-bar-striped");
    view.fill.classList.add(ok ? "bg-success" : "bg-danger");
    view.row.classList.add(ok ? "done" : "refused");
    view.outcome.textContent = text;
    if (detail) {
      view.row.appendChild(element("div", "upload-error", detail));
    }
  }

  function describe(scan) {
    return "Đã lưu · " + scan.type + (scan.pages ? " · " + scan.pages + " trang" : "") + " · " + scan.size;
  }

  function send(job) {
    var form = new FormData();
    form.append("files", job.file, job.file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/counter/ho-so/" + encodeURIComponent(code) + "/tep?component=" + encodeURIComponent(job.component));
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.setRequestHeader("Accept", "application/json");
    job.view.outcome.textContent = "Đang tải lên…";
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        setProgress(job.view, Math.min(99, Math.round((e.loaded / e.total) * 100)));
      }
    };
    xhr.onload = function () {
      var answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (ignored) {
        answer = null;
      }
      if (xhr.status === 201 && answer && answer.stored) {
        finished(job.view, true, answer.files.map(describe).join("; "));
      } else if (xhr.responseURL && xhr.responseURL.indexOf("/login") >= 0) {
        finished(job.view, false, "Phiên đăng nhập đã hết: xin đăng nhập lại rồi chọn lại tệp.", null);
      } else if (answer && answer.reason) {
        finished(job.view, false, answer.reason, answer.detail);
      } else {
        finished(job.view, false, "Không nhận (mã " + xhr.status + ").", null);
      }
      next();
    };
    xhr.onerror = function () {
      finished(job.view, false, "Mất kết nối khi tải lên; xin thử lại.", null);
      next();
    };
    xhr.send(form);
  }

  function next() {
    var job = queue.shift();
    if (job) {
      busy = true;
      send(job);
    } else {
      busy = false;
      refresh();
    }
  }

  function take(component, files) {
    for (var i = 0; i < files.length; i++) {
      queue.push({ component: component, file: files[i], view: progressRow(component, files[i]) });
    }
    if (!busy) {
      next();
    }
  }

  /** The parts of the page that uploads change, fetched again from the server (its word, not ours). */
  function refresh() {
    fetch(window.location.pathname, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-live]").forEach(function (old) {
          var replacement = fresh.getElementById(old.id);
          if (replacement) {
            old.replaceWith(document.importNode(replacement, true));
          }
        });
        page.dispatchEvent(new CustomEvent("dossier:refreshed", { bubbles: true }));
      });
  }

  document.querySelectorAll(".drop-zone").forEach(function (zone) {
    var component = zone.dataset.component;
    var input = zone.querySelector('input[type="file"]');
    zone.querySelector(".pick-files").addEventListener("click", function () {
      input.click();
    });
    input.addEventListener("change", function () {
      take(component, Array.prototype.slice.call(input.files));
      input.value = "";
    });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (e) {
        e.preventDefault();
        zone.classList.add("dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () {
        zone.classList.remove("dragging");
      });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        take(component, Array.prototype.slice.call(e.dataTransfer.files));
      }
    });
  });

  // A file dropped beside a zone must not make the browser leave the page to open it.
  ["dragover", "drop"].forEach(function (name) {
    window.addEventListener(name, function (e) {
      if (!e.target.closest || !e.target.closest(".drop-zone")) {
        e.preventDefault();
      }
    });
  });

  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a.scan-link") : null;
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey) {
      return;
    }
    e.preventDefault();
    var preview = document.getElementById("preview");
    preview.replaceChildren();
    var kind = link.dataset.kind;
    var name = link.dataset.name;
    var shown;
    if (kind === "pdf") {
      shown = element("iframe", "preview-frame");
      shown.title = "Xem tệp " + name;
    } else if (kind === "image") {
      shown = element("img", "preview-image");
      shown.alt = name;
    } else {
      shown = element("p", "mb-0", "Trình duyệt không hiển thị được loại tệp này. ");
      var open = element("a", null, "Mở hoặc tải tệp " + name);
      open.href = link.href;
      shown.appendChild(open);
    }
    if (kind === "pdf" || kind === "image") {
      shown.src = link.getAttribute("href");
      shown.id = "preview-" + link.dataset.fileId;
    }
    preview.appendChild(element("p", "preview-name", name));
    preview.appendChild(shown);
    document.getElementById("preview-pane").scrollIntoView({ block: "nearest", behavior: "instant" });
  });
})();
