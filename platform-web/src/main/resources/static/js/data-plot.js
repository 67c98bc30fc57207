/*
 * EdgeForge data views, drawn without any library: line plots (SVG) with drag-to-zoom and double-click reset,
 * audio waveforms and spectrograms (canvas), image bounding boxes (SVG overlay) and dataset bar charts (SVG).
 * Exposed as window.EdgeForgeData.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var AXIS_COLORS = ['#2454d6', '#f08a24', '#177a4b', '#c2322b', '#8a63d2', '#0f8a9d', '#a0522d', '#5d6b82'];

  function svg(name, attributes, parent) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    if (parent) {
      parent.appendChild(element);
    }
    return element;
  }

  function el(name, className, text) {
    var element = document.createElement(name);
    if (className) {
      element.className = className;
    }
    if (text !== undefined && text !== null) {
      element.textContent = text;
    }
    return element;
  }

  /** Round, readable tick values covering [min, max]. */
  function ticks(min, max, count) {
    if (!(max > min)) {
      return [min];
    }
    var step = Math.pow(10, Math.floor(Math.log10((max - min) / count)));
    var span = (max - min) / step;
    if (span / 5 >= count) {
      step *= 5;
    } else if (span / 2 >= count) {
      step *= 2;
    }
    var out = [];
    for (var v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
      out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return out;
  }

  function formatNumber(v) {
    var a = Math.abs(v);
    if (a >= 10000 || (a > 0 && a < 0.01)) {
      return v.toExponential(1);
    }
    return String(Math.round(v * 1000) / 1000);
  }

  function formatMs(ms) {
    if (Math.abs(ms) >= 1000) {
      return formatNumber(ms / 1000) + ' s';
    }
    return formatNumber(ms) + ' ms';
  }

  /* ---------- line plots ---------- */

  /**
   * One SVG plot of one axis. data: {timesMs, values}; range: {startMs, endMs} shown on the x axis.
   * onZoom(startMs, endMs) is called after a drag selection; onReset() after a double click.
   */
  function LinePlot(container, options) {
    this.container = container;
    this.color = options.color;
    this.onZoom = options.onZoom;
    this.onReset = options.onReset;
    this.margin = { left: 58, right: 12, top: 10, bottom: 24 };
    this.svg = svg('svg', { 'class': 'plot', role: 'img', 'aria-label': options.label || 'plot' });
    container.appendChild(this.svg);
    this.bindZoom();
  }

  LinePlot.prototype.render = function (data, range) {
    var box = this.svg.getBoundingClientRect();
    var width = Math.max(200, Math.round(box.width || this.container.clientWidth || 600));
    var height = Math.max(100, Math.round(box.height || 170));
    var m = this.margin;
    this.width = width;
    this.height = height;
    this.range = range;
    this.svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    while (this.svg.firstChild) {
      this.svg.removeChild(this.svg.firstChild);
    }
    var times = data.timesMs;
    var values = data.values;
    var min = Infinity;
    var max = -Infinity;
    for (var i = 0; i < values.length; i++) {
      if (values[i] < min) { min = values[i]; }
      if (values[i] > max) { max = values[i]; }
    }
    if (!isFinite(min)) {
      min = 0;
      max = 1;
    }
    if (max === min) {
      min -= 1;
      max += 1;
    }
    var pad = (max - min) * 0.06;
    min -= pad;
    max += pad;
    var x0 = m.left;
    var x1 = width - m.right;
    var y0 = height - m.bottom;
    var y1 = m.top;
    var span = Math.max(range.endMs - range.startMs, 1e-9);
    var sx = function (t) { return x0 + (t - range.startMs) / span * (x1 - x0); };
    var sy = function (v) { return y0 - (v - min) / (max - min) * (y0 - y1); };
    this.toTime = function (px) { return range.startMs + (px - x0) / (x1 - x0) * span; };
    this.plotLeft = x0;
    this.plotRight = x1;

    var grid = svg('g', { 'class': 'grid' }, this.svg);
    var axis = svg('g', { 'class': 'axis' }, this.svg);
    ticks(min, max, 4).forEach(function (v) {
      var y = sy(v);
      svg('line', { x1: x0, x2: x1, y1: y, y2: y }, grid);
      var label = svg('text', { x: x0 - 6, y: y + 3, 'text-anchor': 'end' }, axis);
      label.textContent = formatNumber(v);
    });
    ticks(range.startMs, range.endMs, 6).forEach(function (t) {
      var x = sx(t);
      svg('line', { x1: x, x2: x, y1: y1, y2: y0 }, grid);
      var label = svg('text', { x: x, y: height - 8, 'text-anchor': 'middle' }, axis);
      label.textContent = formatMs(t);
    });
    svg('rect', { 'class': 'frame', x: x0, y: y1, width: x1 - x0, height: y0 - y1 }, this.svg);

    var d = [];
    for (var k = 0; k < times.length; k++) {
      d.push((k === 0 ? 'M' : 'L') + sx(times[k]).toFixed(1) + ' ' + sy(values[k]).toFixed(1));
    }
    var path = svg('path', { 'class': 'line', d: d.join(' '), stroke: this.color }, this.svg);
    if (times.length === 1) {
      svg('circle', { cx: sx(times[0]), cy: sy(values[0]), r: 2.5, fill: this.color }, this.svg);
    }
    this.svg.setAttribute('data-points', String(times.length));
    this.svg.setAttribute('data-start-ms', String(range.startMs));
    this.svg.setAttribute('data-end-ms', String(range.endMs));
    this.selection = svg('rect', { 'class': 'selection', x: 0, y: y1, width: 0, height: y0 - y1,
      visibility: 'hidden' }, this.svg);
    return path;
  };

  LinePlot.prototype.bindZoom = function () {
    var self = this;
    var start = null;
    function localX(event) {
      var box = self.svg.getBoundingClientRect();
      return (event.clientX - box.left) * (self.width / box.width);
    }
    function clamp(x) {
      return Math.max(self.plotLeft, Math.min(self.plotRight, x));
    }
    this.svg.addEventListener('mousedown', function (event) {
      if (event.button !== 0 || !self.toTime) {
        return;
      }
      start = clamp(localX(event));
      event.preventDefault();
    });
    window.addEventListener('mousemove', function (event) {
      if (start === null) {
        return;
      }
      var x = clamp(localX(event));
      self.selection.setAttribute('x', Math.min(start, x));
      self.selection.setAttribute('width', Math.abs(x - start));
      self.selection.setAttribute('visibility', 'visible');
    });
    window.addEventListener('mouseup', function (event) {
      if (start === null) {
        return;
      }
      var x = clamp(localX(event));
      var from = Math.min(start, x);
      var to = Math.max(start, x);
      start = null;
      self.selection.setAttribute('visibility', 'hidden');
      if (to - from > 4 && self.onZoom) {
        self.onZoom(self.toTime(from), self.toTime(to));
      }
    });
    this.svg.addEventListener('dblclick', function () {
      if (self.onReset) {
        self.onReset();
      }
    });
  };

  /**
   * One plot per axis sharing the x range: zooming one zooms all. load(startMs, endMs) resolves to the data
   * endpoint's answer ({sensors, timesMs, values, startMs, endMs, downsampled}).
   */
  function PlotGroup(container, load) {
    this.container = container;
    this.load = load;
    this.plots = [];
    this.full = null;
  }

  PlotGroup.prototype.show = function (startMs, endMs) {
    var self = this;
    return this.load(startMs, endMs).then(function (data) {
      if (!self.full) {
        self.full = data;
        self.build(data);
      }
      self.draw(data);
      return data;
    });
  };

  PlotGroup.prototype.build = function (data) {
    var self = this;
    data.sensors.forEach(function (sensor, index) {
      var block = el('div', 'plot-block');
      block.setAttribute('data-axis', sensor.name);
      var heading = el('h3', null, sensor.name);
      var units = el('small', null, sensor.units || '');
      heading.appendChild(units);
      block.appendChild(heading);
      self.container.appendChild(block);
      self.plots.push(new LinePlot(block, {
        color: AXIS_COLORS[index % AXIS_COLORS.length],
        label: sensor.name + ' over time',
        onZoom: function (from, to) { self.show(from, to); },
        onReset: function () { self.draw(self.full); }
      }));
    });
  };

  PlotGroup.prototype.draw = function (data) {
    var range = { startMs: data.startMs, endMs: Math.max(data.endMs - data.intervalMs, data.startMs) };
    if (data.timesMs.length > 1) {
      range.endMs = data.timesMs[data.timesMs.length - 1];
    }
    this.plots.forEach(function (plot, index) {
      plot.render({ timesMs: data.timesMs, values: data.values[index] }, range);
    });
    this.container.setAttribute('data-zoomed', data === this.full ? 'false' : 'true');
  };

  /* ---------- audio ---------- */

  /** Draws min/max pairs (the data endpoint's downsampled output) as a filled waveform. */
  function drawWaveform(canvas, data) {
    var width = canvas.width = Math.max(300, Math.round(canvas.clientWidth || 800));
    var height = canvas.height = Math.max(60, Math.round(canvas.clientHeight || 110));
    var context = canvas.getContext('2d');
    context.fillStyle = '#0f1730';
    context.fillRect(0, 0, width, height);
    var values = data.values[0];
    var times = data.timesMs;
    var span = Math.max(data.endMs - data.startMs, 1e-9);
    var peak = 1;
    values.forEach(function (v) { peak = Math.max(peak, Math.abs(v)); });
    var columns = new Array(width);
    for (var i = 0; i < values.length; i++) {
      var x = Math.min(width - 1, Math.floor((times[i] - data.startMs) / span * width));
      var column = columns[x] || (columns[x] = { min: Infinity, max: -Infinity });
      column.min = Math.min(column.min, values[i]);
      column.max = Math.max(column.max, values[i]);
    }
    context.strokeStyle = '#6fa0ff';
    context.beginPath();
    var mid = height / 2;
    for (var c = 0; c < width; c++) {
      if (!columns[c]) {
        continue;
      }
      // a column can be shorter than one period of the signal; its neighbours fill in the envelope
      var low = columns[c].min;
      var high = columns[c].max;
      [c - 1, c + 1].forEach(function (n) {
        if (columns[n]) {
          low = Math.min(low, columns[n].min);
          high = Math.max(high, columns[n].max);
        }
      });
      context.moveTo(c + 0.5, mid - high / peak * (mid - 4));
      context.lineTo(c + 0.5, mid - low / peak * (mid - 4) + 1);
    }
    context.stroke();
    context.strokeStyle = 'rgba(255,255,255,.15)';
    context.beginPath();
    context.moveTo(0, mid);
    context.lineTo(width, mid);
    context.stroke();
    canvas.setAttribute('data-columns', String(columns.filter(Boolean).length));
  }

  /** A dark-blue to yellow ramp for spectrogram levels 0..255. */
  function heat(level) {
    var t = level / 255;
    var stops = [[15, 23, 48], [59, 42, 140], [172, 55, 122], [242, 132, 56], [252, 236, 120]];
    var pos = t * (stops.length - 1);
    var i = Math.min(stops.length - 2, Math.floor(pos));
    var f = pos - i;
    return [0, 1, 2].map(function (k) { return Math.round(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * f); });
  }

  /** Draws the spectrogram endpoint's answer: time left to right, low frequencies at the bottom. */
  function drawSpectrogram(canvas, spectrogram) {
    var bytes = atob(spectrogram.data);
    var frames = spectrogram.frames;
    var bins = spectrogram.bins;
    canvas.width = frames;
    canvas.height = bins;
    var context = canvas.getContext('2d');
    var image = context.createImageData(frames, bins);
    var palette = [];
    for (var p = 0; p < 256; p++) {
      palette.push(heat(p));
    }
    for (var f = 0; f < frames; f++) {
      for (var b = 0; b < bins; b++) {
        var level = bytes.charCodeAt(f * bins + b);
        var offset = ((bins - 1 - b) * frames + f) * 4;
        var color = palette[level];
        image.data[offset] = color[0];
        image.data[offset + 1] = color[1];
        image.data[offset + 2] = color[2];
        image.data[offset + 3] = 255;
      }
    }
    context.putImageData(image, 0, 0);
    canvas.setAttribute('data-frames', String(frames));
    canvas.setAttribute('data-bins', String(bins));
  }

  /* ---------- images ---------- */

  /** An SVG overlay drawing bounding boxes in the image's pixel coordinates. */
  function drawBoxes(holder, image, boxes) {
    var overlay = svg('svg', { 'class': 'boxes', viewBox: '0 0 ' + image.width + ' ' + image.height,
      preserveAspectRatio: 'none' }, holder);
    // the overlay is stretched with the image: sizes in image pixels are scaled so labels read at ~13 px
    var scale = image.width / Math.max(1, holder.clientWidth || image.width);
    var fontSize = 13 * scale;
    boxes.forEach(function (box) {
      svg('rect', { x: box.x, y: box.y, width: box.width, height: box.height }, overlay);
      var label = svg('text', { x: box.x + 3 * scale, y: Math.max(fontSize, box.y - 4 * scale),
        'font-size': fontSize, 'stroke-width': 3 * scale }, overlay);
      label.textContent = box.label;
    });
    overlay.setAttribute('data-boxes', String(boxes.length));
    return overlay;
  }

  /* ---------- dataset bars ---------- */

  /** Horizontal stacked bars: one row per label, segments for training, testing and anomaly counts. */
  function drawLabelBars(container, labels) {
    while (container.firstChild) {
      container.removeChild(container.firstChild);
    }
    var rowHeight = 26;
    var nameWidth = 150;
    var width = Math.max(360, Math.round(container.clientWidth || 700));
    var height = Math.max(rowHeight, labels.length * rowHeight) + 4;
    var chart = svg('svg', { 'class': 'bars', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'samples per label and category' }, container);
    chart.style.height = height + 'px';
    var max = 1;
    labels.forEach(function (row) { max = Math.max(max, row.total.count); });
    var barSpace = width - nameWidth - 60;
    labels.forEach(function (row, index) {
      var y = index * rowHeight + 4;
      var name = svg('text', { x: nameWidth - 8, y: y + 14, 'text-anchor': 'end' }, chart);
      name.textContent = row.label === null ? '(unlabeled)' : row.label;
      var x = nameWidth;
      ['training', 'testing', 'anomaly'].forEach(function (category) {
        var count = row[category].count;
        if (count === 0) {
          return;
        }
        var w = Math.max(1, count / max * barSpace);
        var rect = svg('rect', { 'class': category, x: x, y: y + 2, width: w, height: rowHeight - 10, rx: 3 }, chart);
        var tip = svg('title', {}, rect);
        tip.textContent = category + ': ' + count;
        x += w;
      });
      var count = svg('text', { 'class': 'count', x: x + 6, y: y + 14 }, chart);
      count.textContent = String(row.total.count);
    });
    chart.setAttribute('data-rows', String(labels.length));
    return chart;
  }

  window.EdgeForgeData = {
    PlotGroup: PlotGroup,
    drawWaveform: drawWaveform,
    drawSpectrogram: drawSpectrogram,
    drawBoxes: drawBoxes,
    drawLabelBars: drawLabelBars,
    formatMs: formatMs,
    el: el
  };
})();
