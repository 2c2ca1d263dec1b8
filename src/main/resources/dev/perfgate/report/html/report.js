// perfgate's HTML report: draws the charts described in #perfgate-data with uPlot (inlined after this script).
// After drawing, each chart's element gets data-points (values drawn) and data-ink (coloured pixels on its
// canvas), so that a test in a headless browser can tell a drawn chart from an empty one; a script error is
// counted in <body data-script-errors> and shown at the top of the page.
(function () {
  'use strict';
  var COLOURS = {candidate: '#1f6fd1', baseline: '#e8710a'};
  var DASHES = {dashed: [8, 4], dotted: [2, 3]};

  function scriptError(message) {
    var body = document.body;
    var n = Number(body.getAttribute('data-script-errors') || 0) + 1;
    body.setAttribute('data-script-errors', String(n));
    var box = document.getElementById('script-errors');
    if (!box) {
      box = document.createElement('p');
      box.id = 'script-errors';
      box.className = 'warning';
      body.insertBefore(box, body.firstChild);
    }
    box.textContent = 'The charts could not all be drawn: ' + message;
  }

  window.addEventListener('error', function (e) {
    scriptError(String(e.message));
  });

  // the percentile at x on the nines axis: x = log10(1 / (1 - q))
  function ninesLabel(x) {
    var digits = Math.max(0, Math.ceil(x) - 1) + (x % 1 === 0 ? 0 : 1);
    return Number((100 * (1 - Math.pow(10, -x))).toFixed(Math.min(digits, 8))) + ' %';
  }

  function number(v) {
    if (v == null) {
      return '-';
    }
    var abs = Math.abs(v);
    return abs !== 0 && abs < 1 ? Number(v.toPrecision(3)).toString() : v.toFixed(1);
  }

  // coloured pixels: the series are blue and orange, while axes, grid and text are grey or black
  function ink(u) {
    var canvas = u.ctx.canvas;
    var px = u.ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    var n = 0;
    for (var i = 0; i < px.length; i += 4) {
      if (px[i + 3] > 0 && Math.max(px[i], px[i + 1], px[i + 2]) - Math.min(px[i], px[i + 1], px[i + 2]) > 80) {
        n++;
      }
    }
    return n;
  }

  // a linear axis starts at 0: a throughput of 99.9 against 100 must not look like a collapse
  function fromZero(u, min, max) {
    return [0, max > 0 ? max * 1.1 : 1];
  }

  function xAxis(chart) {
    var axis = {label: chart.xLabel};
    var scale = {time: false};
    if (chart.ticks.length > 0) {
      var xs = chart.ticks.map(function (t) { return t.x; });
      var labels = {};
      chart.ticks.forEach(function (t) { labels[t.x] = t.label; });
      var last = xs[xs.length - 1];
      scale.range = chart.kind === 'nines' ? [0, last] : [xs[0] - 0.5, last + 0.5];
      axis.splits = function () { return xs; };
      axis.values = function (u, splits) {
        return splits.map(function (s) { return labels[s] != null ? labels[s] : ''; });
      };
    }
    return {axis: axis, scale: scale};
  }

  function legendX(chart) {
    if (chart.kind === 'nines') {
      return function (u, v) { return v == null ? '-' : ninesLabel(v); };
    }
    if (chart.kind === 'time') {
      return function (u, v) { return v == null ? '-' : v.toFixed(1) + ' s'; };
    }
    return function (u, v) { return v == null ? '-' : String(v); };
  }

  function draw(chart) {
    var el = document.getElementById(chart.id);
    if (!el) {
      throw new Error('no element for chart ' + chart.id);
    }
    // the baseline first, so that this run is drawn on top where the two coincide
    var ordered = chart.series.filter(function (s) { return s.side === 'baseline'; })
        .concat(chart.series.filter(function (s) { return s.side !== 'baseline'; }));
    var tables = ordered.map(function (s) { return [s.x, s.y]; });
    // each series has its own x values; join aligns them. A null breaks a line: mode 2 widens it over the points
    // the other series add, so that the break reaches this series' next value (a trial's end to the next trial)
    var data = tables.length === 1 ? tables[0] : uPlot.join(tables, tables.map(function () { return [0, 2]; }));
    var points = 0;
    chart.series.forEach(function (s) {
      s.y.forEach(function (v) { if (v != null) { points++; } });
    });
    var x = xAxis(chart);
    var series = [{label: chart.xLabel, value: legendX(chart)}];
    ordered.forEach(function (s) {
      var line = {
        label: s.label,
        stroke: COLOURS[s.side],
        width: 2,
        spanGaps: false,
        value: function (u, v) { return number(v); },
        points: {show: chart.kind === 'trials', size: 7}
      };
      if (DASHES[s.line]) {
        line.dash = DASHES[s.line];
      }
      series.push(line);
    });
    var width = Math.max(480, Math.min(1000, el.clientWidth || 1000));
    var opts = {
      width: width,
      height: 300,
      scales: {x: x.scale, y: chart.logY ? {distr: 3, log: 10} : {range: fromZero}},
      axes: [x.axis, {label: chart.yLabel, size: 64}],
      series: series,
      hooks: {
        draw: [function (u) {
          el.setAttribute('data-points', String(points));
          el.setAttribute('data-ink', String(ink(u)));
        }]
      }
    };
    new uPlot(opts, data, el);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var charts = JSON.parse(document.getElementById('perfgate-data').textContent).charts;
    var drawn = 0;
    charts.forEach(function (chart) {
      try {
        draw(chart);
        drawn++;
      } catch (e) {
        scriptError(chart.id + ': ' + e.message);
      }
    });
    document.body.setAttribute('data-charts', String(drawn));
  });
}());
