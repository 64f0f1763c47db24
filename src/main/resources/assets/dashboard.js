// The supervisor's dashboard: each <canvas data-chart=… data-table=id> is drawn from the rows of the
// table it names (their data-* attributes), so the chart never says anything the table does not.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return; // the tables stand on their own
  }
  var COLOURS = ["#0b6e4f", "#f2a900", "#1f77b4", "#d62728", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"];
  var options = { animation: false, maintainAspectRatio: false, responsive: true };

  function rows(tableId) {
    return Array.prototype.slice.call(document.querySelectorAll("#" + tableId + " tbody tr[data-count], #" +
        tableId + " tbody tr[data-shares]"));
  }

  function intake(canvas, data) {
    var days = canvas.dataset.days ? canvas.dataset.days.split(",") : [], offices = [], counts = {};
    data.forEach(function (r) {
      var day = r.dataset.day, office = r.dataset.office;
      if (days.indexOf(day) < 0) { days.push(day); }
      if (offices.indexOf(office) < 0) { offices.push(office); }
      counts[office + "|" + day] = Number(r.dataset.count);
    });
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: days,
        datasets: offices.map(function (office, i) {
          return {
            label: office,
            backgroundColor: COLOURS[i % COLOURS.length],
            data: days.map(function (day) { return counts[office + "|" + day] || 0; })
          };
        })
      },
      options: Object.assign({
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }, options)
    });
  }

  function legs(canvas, data) {
    var names = ["Đến cơ quan", "Tại cơ quan", "Trả người nộp"];
    return new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.map(function (r) { return r.dataset.name; }),
        datasets: names.map(function (name, i) {
          return {
            label: name + " (% đúng hạn)",
            backgroundColor: COLOURS[i],
            data: data.map(function (r) {
              var share = parseInt(r.dataset.shares.split(",")[i], 10);
              return isNaN(share) ? null : share;
            })
          };
        })
      },
      options: Object.assign({ scales: { y: { beginAtZero: true, max: 100 } } }, options)
    });
  }

  function deliveries(canvas, data) {
    return new Chart(canvas, {
      type: "doughnut",
      data: {
        labels: data.map(function (r) { return r.dataset.label; }),
        datasets: [{
          data: data.map(function (r) { return Number(r.dataset.count); }),
          backgroundColor: COLOURS.slice(0, data.length)
        }]
      },
      options: Object.assign({ plugins: { legend: { position: "right" } } }, options)
    });
  }

  var draw = { intake: intake, legs: legs, deliveries: deliveries };
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var data = rows(canvas.dataset.table);
    if (data.length === 0) {
      canvas.parentElement.hidden = true;
      return;
    }
    canvas.chart = draw[canvas.dataset.chart](canvas, data);
  });
})();
