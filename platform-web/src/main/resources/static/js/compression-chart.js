/*
 * EdgeForge compression report chart: test accuracy against weight bytes (log scale), one point per variant:
 * circles for float32, squares for int8, one colour per method. Plain SVG, no library.
 * Use: EdgeForgeCompressionChart.draw(container, report.variants, chosenVariantName).
 */
(function () {
  'use strict';

  var NS = 'http://www.w3.org/2000/svg';
  var WIDTH = 680;
  var HEIGHT = 320;
  var PAD = { left: 58, right: 20, top: 18, bottom: 62 };
  var METHODS = [
    { key: 'baseline', label: 'Trained model' },
    { key: 'magnitude-pruning', label: 'Magnitude pruning' },
    { key: 'structured-pruning', label: 'Structured pruning' },
    { key: 'distillation', label: 'Distillation' }
  ];

  function node(tag, attributes, text) {
    var element = document.createElementNS(NS, tag);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function formatBytes(value) {
    if (value >= 1024 * 1024) {
      return (value / (1024 * 1024)).toFixed(value >= 10 * 1024 * 1024 ? 0 : 1) + ' MB';
    }
    if (value >= 1024) {
      return (value / 1024).toFixed(value >= 10 * 1024 ? 0 : 1) + ' kB';
    }
    return Math.round(value) + ' B';
  }

  /** 1, 2, 5 × powers of ten inside [min, max]; at least the two ends. */
  function logTicks(min, max) {
    var ticks = [];
    for (var exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
      [1, 2, 5].forEach(function (m) {
        var value = m * Math.pow(10, exponent);
        if (value >= min && value <= max) {
          ticks.push(value);
        }
      });
    }
    return ticks.length >= 2 ? ticks : [min, max];
  }

  function draw(container, variants, chosen) {
    while (container.firstChild) {
      container.removeChild(container.firstChild);
    }
    var points = variants.filter(function (v) {
      return v.testAccuracy !== null && v.testAccuracy !== undefined && v.weightBytes > 0;
    });
    if (!points.length) {
      var note = document.createElement('p');
      note.className = 'muted';
      note.textContent = 'No test set: the report has no accuracies to chart.';
      container.appendChild(note);
      return;
    }
    var bytes = points.map(function (v) { return v.weightBytes; });
    var xMin = Math.min.apply(null, bytes) / 1.4;
    var xMax = Math.max.apply(null, bytes) * 1.4;
    var accuracies = points.map(function (v) { return 100 * v.testAccuracy; });
    var yMin = Math.max(0, Math.floor((Math.min.apply(null, accuracies) - 5) / 5) * 5);
    var yMax = Math.min(100, Math.ceil((Math.max.apply(null, accuracies) + 2) / 5) * 5);
    if (yMax <= yMin) {
      yMax = yMin + 5;
    }
    var plotW = WIDTH - PAD.left - PAD.right;
    var plotH = HEIGHT - PAD.top - PAD.bottom;
    function sx(x) { return PAD.left + (Math.log(x) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin)) * plotW; }
    function sy(y) { return PAD.top + (1 - (y - yMin) / (yMax - yMin)) * plotH; }

    var svg = node('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', 'class': 'cmp-svg',
      'aria-label': 'Test accuracy against weight bytes of every variant' });
    var grid = node('g', { 'class': 'cmp-grid' });
    for (var y = yMin; y <= yMax + 1e-9; y += (yMax - yMin > 20 ? 10 : 5)) {
      grid.appendChild(node('line', { x1: PAD.left, x2: PAD.left + plotW, y1: sy(y), y2: sy(y) }));
      grid.appendChild(node('text', { x: PAD.left - 8, y: sy(y) + 4, 'text-anchor': 'end' }, y + ' %'));
    }
    logTicks(xMin, xMax).forEach(function (x) {
      grid.appendChild(node('line', { x1: sx(x), x2: sx(x), y1: PAD.top, y2: PAD.top + plotH }));
      grid.appendChild(node('text', { x: sx(x), y: PAD.top + plotH + 16, 'text-anchor': 'middle' }, formatBytes(x)));
    });
    svg.appendChild(grid);
    svg.appendChild(node('text', { x: PAD.left + plotW / 2, y: PAD.top + plotH + 34, 'text-anchor': 'middle',
      'class': 'cmp-axis' }, 'weight bytes (log scale)'));
    svg.appendChild(node('text', { x: 14, y: PAD.top + plotH / 2, 'text-anchor': 'middle', 'class': 'cmp-axis',
      transform: 'rotate(-90 14 ' + (PAD.top + plotH / 2) + ')' }, 'test accuracy'));

    var layer = node('g', { 'class': 'cmp-points' });
    points.forEach(function (v) {
      var cx = sx(v.weightBytes);
      var cy = sy(100 * v.testAccuracy);
      var group = node('g', { 'class': 'cmp-point cmp-method-' + v.method + (v.name === chosen ? ' chosen' : ''),
        'data-variant': v.name });
      group.appendChild(node('title', {}, v.name + ': ' + (100 * v.testAccuracy).toFixed(1) + ' %, '
        + formatBytes(v.weightBytes) + ' of weights'));
      if (v.name === chosen) {
        group.appendChild(node('circle', { cx: cx, cy: cy, r: 11, 'class': 'cmp-ring' }));
      }
      if (v.precision === 'int8') {
        group.appendChild(node('rect', { x: cx - 5.5, y: cy - 5.5, width: 11, height: 11, rx: 2 }));
      } else {
        group.appendChild(node('circle', { cx: cx, cy: cy, r: 6 }));
      }
      var right = cx < PAD.left + plotW * 0.8;
      group.appendChild(node('text', { x: right ? cx + 10 : cx - 10, y: cy - 8,
        'text-anchor': right ? 'start' : 'end', 'class': 'cmp-label' }, v.name));
      layer.appendChild(group);
    });
    svg.appendChild(layer);

    var legend = node('g', { 'class': 'cmp-legend', transform: 'translate(' + PAD.left + ',' + (HEIGHT - 12) + ')' });
    var offset = 0;
    METHODS.forEach(function (m) {
      var item = node('g', { 'class': 'cmp-point cmp-method-' + m.key, transform: 'translate(' + offset + ',0)' });
      item.appendChild(node('circle', { cx: 5, cy: -4, r: 5 }));
      item.appendChild(node('text', { x: 14, y: 0 }, m.label));
      legend.appendChild(item);
      offset += 26 + m.label.length * 6.6;
    });
    var shapes = node('g', { transform: 'translate(' + offset + ',0)', 'class': 'cmp-shapes' });
    shapes.appendChild(node('circle', { cx: 5, cy: -4, r: 5 }));
    shapes.appendChild(node('text', { x: 14, y: 0 }, 'float32'));
    shapes.appendChild(node('rect', { x: 70, y: -9, width: 10, height: 10, rx: 2 }));
    shapes.appendChild(node('text', { x: 86, y: 0 }, 'int8'));
    legend.appendChild(shapes);
    svg.appendChild(legend);
    container.appendChild(svg);
  }

  window.EdgeForgeCompressionChart = { draw: draw, formatBytes: formatBytes };
})();
