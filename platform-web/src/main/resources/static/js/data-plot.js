/*
 * EdgeForge data views, drawn without any library: line plots (SVG) with drag-to-zoom and double-click reset,
 * audio waveforms and spectrograms (canvas), image bounding boxes (SVG overlay) and dataset bar charts (SVG).
 */
import { clear, el, svg } from './ui.js';

const AXIS_COLORS = ['#2454d6', '#f08a24', '#177a4b', '#c2322b', '#8a63d2', '#0f8a9d', '#a0522d', '#5d6b82'];

/** Round, readable tick values covering [min, max]. */
function ticks(min, max, count) {
  if (!(max > min)) {
    return [min];
  }
  let step = Math.pow(10, Math.floor(Math.log10((max - min) / count)));
  const span = (max - min) / step;
  if (span / 5 >= count) {
    step *= 5;
  } else if (span / 2 >= count) {
    step *= 2;
  }
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

/** A tick label: three decimals at most, exponents for the very large and very small. */
function tickNumber(v) {
  const a = Math.abs(v);
  if (a >= 10000 || (a > 0 && a < 0.01)) {
    return v.toExponential(1);
  }
  return String(Math.round(v * 1000) / 1000);
}

function tickTime(ms) {
  if (Math.abs(ms) >= 1000) {
    return tickNumber(ms / 1000) + ' s';
  }
  return tickNumber(ms) + ' ms';
}

/* ---------- line plots ---------- */

/**
 * One SVG plot of one axis. data: {timesMs, values}; range: {startMs, endMs} shown on the x axis.
 * onZoom(startMs, endMs) is called after a drag selection; onReset() after a double click.
 */
class LinePlot {
  constructor(container, options) {
    this.container = container;
    this.color = options.color;
    this.onZoom = options.onZoom;
    this.onReset = options.onReset;
    this.margin = { left: 58, right: 12, top: 10, bottom: 24 };
    this.svg = svg('svg', { 'class': 'plot', role: 'img', 'aria-label': options.label || 'plot' });
    container.appendChild(this.svg);
    this.bindZoom();
  }

  render(data, range) {
    const box = this.svg.getBoundingClientRect();
    const width = Math.max(200, Math.round(box.width || this.container.clientWidth || 600));
    const height = Math.max(100, Math.round(box.height || 170));
    const m = this.margin;
    this.width = width;
    this.height = height;
    this.range = range;
    this.svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    clear(this.svg);
    const times = data.timesMs;
    const values = data.values;
    let min = Infinity;
    let max = -Infinity;
    for (const value of values) {
      if (value < min) {
        min = value;
      }
      if (value > max) {
        max = value;
      }
    }
    if (!isFinite(min)) {
      min = 0;
      max = 1;
    }
    if (max === min) {
      min -= 1;
      max += 1;
    }
    const pad = (max - min) * 0.06;
    min -= pad;
    max += pad;
    const x0 = m.left;
    const x1 = width - m.right;
    const y0 = height - m.bottom;
    const y1 = m.top;
    const span = Math.max(range.endMs - range.startMs, 1e-9);
    const sx = (t) => x0 + (t - range.startMs) / span * (x1 - x0);
    const sy = (v) => y0 - (v - min) / (max - min) * (y0 - y1);
    this.toTime = (px) => range.startMs + (px - x0) / (x1 - x0) * span;
    this.plotLeft = x0;
    this.plotRight = x1;

    const grid = this.svg.appendChild(svg('g', { 'class': 'grid' }));
    const axis = this.svg.appendChild(svg('g', { 'class': 'axis' }));
    ticks(min, max, 4).forEach((v) => {
      const y = sy(v);
      grid.appendChild(svg('line', { x1: x0, x2: x1, y1: y, y2: y }));
      axis.appendChild(svg('text', { x: x0 - 6, y: y + 3, 'text-anchor': 'end' }, [tickNumber(v)]));
    });
    ticks(range.startMs, range.endMs, 6).forEach((t) => {
      const x = sx(t);
      grid.appendChild(svg('line', { x1: x, x2: x, y1: y1, y2: y0 }));
      axis.appendChild(svg('text', { x, y: height - 8, 'text-anchor': 'middle' }, [tickTime(t)]));
    });
    this.svg.appendChild(svg('rect', { 'class': 'frame', x: x0, y: y1, width: x1 - x0, height: y0 - y1 }));

    const d = times.map((t, k) => (k === 0 ? 'M' : 'L') + sx(t).toFixed(1) + ' ' + sy(values[k]).toFixed(1));
    const path = this.svg.appendChild(svg('path', { 'class': 'line', d: d.join(' '), stroke: this.color }));
    if (times.length === 1) {
      this.svg.appendChild(svg('circle', { cx: sx(times[0]), cy: sy(values[0]), r: 2.5, fill: this.color }));
    }
    this.svg.setAttribute('data-points', String(times.length));
    this.svg.setAttribute('data-start-ms', String(range.startMs));
    this.svg.setAttribute('data-end-ms', String(range.endMs));
    this.selection = this.svg.appendChild(svg('rect', { 'class': 'selection', x: 0, y: y1, width: 0,
      height: y0 - y1, visibility: 'hidden' }));
    return path;
  }

  bindZoom() {
    let start = null;
    const localX = (event) => {
      const box = this.svg.getBoundingClientRect();
      return (event.clientX - box.left) * (this.width / box.width);
    };
    const clamp = (x) => Math.max(this.plotLeft, Math.min(this.plotRight, x));
    this.svg.addEventListener('mousedown', (event) => {
      if (event.button !== 0 || !this.toTime) {
        return;
      }
      start = clamp(localX(event));
      event.preventDefault();
    });
    window.addEventListener('mousemove', (event) => {
      if (start === null) {
        return;
      }
      const x = clamp(localX(event));
      this.selection.setAttribute('x', Math.min(start, x));
      this.selection.setAttribute('width', Math.abs(x - start));
      this.selection.setAttribute('visibility', 'visible');
    });
    window.addEventListener('mouseup', (event) => {
      if (start === null) {
        return;
      }
      const x = clamp(localX(event));
      const from = Math.min(start, x);
      const to = Math.max(start, x);
      start = null;
      this.selection.setAttribute('visibility', 'hidden');
      if (to - from > 4 && this.onZoom) {
        this.onZoom(this.toTime(from), this.toTime(to));
      }
    });
    this.svg.addEventListener('dblclick', () => {
      if (this.onReset) {
        this.onReset();
      }
    });
  }
}

/**
 * One plot per axis sharing the x range: zooming one zooms all. load(startMs, endMs) resolves to the data
 * endpoint's answer ({sensors, timesMs, values, startMs, endMs, downsampled}).
 */
export class PlotGroup {
  constructor(container, load) {
    this.container = container;
    this.load = load;
    this.plots = [];
    this.full = null;
  }

  show(startMs, endMs) {
    return this.load(startMs, endMs).then((data) => {
      if (!this.full) {
        this.full = data;
        this.build(data);
      }
      this.draw(data);
      return data;
    });
  }

  build(data) {
    data.sensors.forEach((sensor, index) => {
      const block = el('div', { className: 'plot-block', 'data-axis': sensor.name }, [
        el('h3', { text: sensor.name }, [el('small', { text: sensor.units || '' })])]);
      this.container.appendChild(block);
      this.plots.push(new LinePlot(block, {
        color: AXIS_COLORS[index % AXIS_COLORS.length],
        label: sensor.name + ' over time',
        onZoom: (from, to) => { this.show(from, to); },
        onReset: () => { this.draw(this.full); }
      }));
    });
  }

  draw(data) {
    const range = { startMs: data.startMs, endMs: Math.max(data.endMs - data.intervalMs, data.startMs) };
    if (data.timesMs.length > 1) {
      range.endMs = data.timesMs[data.timesMs.length - 1];
    }
    this.plots.forEach((plot, index) => {
      plot.render({ timesMs: data.timesMs, values: data.values[index] }, range);
    });
    this.container.setAttribute('data-zoomed', data === this.full ? 'false' : 'true');
  }
}

/* ---------- audio ---------- */

/** Draws min/max pairs (the data endpoint's downsampled output) as a filled waveform. */
export function drawWaveform(canvas, data) {
  const width = canvas.width = Math.max(300, Math.round(canvas.clientWidth || 800));
  const height = canvas.height = Math.max(60, Math.round(canvas.clientHeight || 110));
  const context = canvas.getContext('2d');
  context.fillStyle = '#0f1730';
  context.fillRect(0, 0, width, height);
  const values = data.values[0];
  const times = data.timesMs;
  const span = Math.max(data.endMs - data.startMs, 1e-9);
  let peak = 1;
  values.forEach(function (v) { peak = Math.max(peak, Math.abs(v)); });
  const columns = new Array(width);
  for (let i = 0; i < values.length; i++) {
    const x = Math.min(width - 1, Math.floor((times[i] - data.startMs) / span * width));
    const column = columns[x] || (columns[x] = { min: Infinity, max: -Infinity });
    column.min = Math.min(column.min, values[i]);
    column.max = Math.max(column.max, values[i]);
  }
  context.strokeStyle = '#6fa0ff';
  context.beginPath();
  const mid = height / 2;
  for (let c = 0; c < width; c++) {
    if (!columns[c]) {
      continue;
    }
    // a column can be shorter than one period of the signal; its neighbours fill in the envelope
    let low = columns[c].min;
    let high = columns[c].max;
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
  const t = level / 255;
  const stops = [[15, 23, 48], [59, 42, 140], [172, 55, 122], [242, 132, 56], [252, 236, 120]];
  const pos = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(pos));
  const f = pos - i;
  return [0, 1, 2].map(function (k) { return Math.round(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * f); });
}

/** Draws the spectrogram endpoint's answer: time left to right, low frequencies at the bottom. */
export function drawSpectrogram(canvas, spectrogram) {
  const bytes = atob(spectrogram.data);
  const frames = spectrogram.frames;
  const bins = spectrogram.bins;
  canvas.width = frames;
  canvas.height = bins;
  const context = canvas.getContext('2d');
  const image = context.createImageData(frames, bins);
  const palette = [];
  for (let p = 0; p < 256; p++) {
    palette.push(heat(p));
  }
  for (let f = 0; f < frames; f++) {
    for (let b = 0; b < bins; b++) {
      const level = bytes.charCodeAt(f * bins + b);
      const offset = ((bins - 1 - b) * frames + f) * 4;
      const color = palette[level];
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
export function drawBoxes(holder, image, boxes) {
  const overlay = holder.appendChild(svg('svg', { 'class': 'boxes',
    viewBox: '0 0 ' + image.width + ' ' + image.height, preserveAspectRatio: 'none' }));
  // the overlay is stretched with the image: sizes in image pixels are scaled so labels read at ~13 px
  const scale = image.width / Math.max(1, holder.clientWidth || image.width);
  const fontSize = 13 * scale;
  boxes.forEach(function (box) {
    overlay.appendChild(svg('rect', { x: box.x, y: box.y, width: box.width, height: box.height }));
    overlay.appendChild(svg('text', { x: box.x + 3 * scale, y: Math.max(fontSize, box.y - 4 * scale),
      'font-size': fontSize, 'stroke-width': 3 * scale }, [box.label]));
  });
  overlay.setAttribute('data-boxes', String(boxes.length));
  return overlay;
}

/* ---------- dataset bars ---------- */

/** Horizontal stacked bars: one row per label, segments for training, testing and anomaly counts. */
export function drawLabelBars(container, labels) {
  clear(container);
  const rowHeight = 26;
  const nameWidth = 150;
  const width = Math.max(360, Math.round(container.clientWidth || 700));
  const height = Math.max(rowHeight, labels.length * rowHeight) + 4;
  const chart = container.appendChild(svg('svg', { 'class': 'bars', viewBox: '0 0 ' + width + ' ' + height,
    role: 'img', 'aria-label': 'samples per label and category' }));
  chart.style.height = height + 'px';
  let max = 1;
  labels.forEach(function (row) { max = Math.max(max, row.total.count); });
  const barSpace = width - nameWidth - 60;
  labels.forEach(function (row, index) {
    const y = index * rowHeight + 4;
    chart.appendChild(svg('text', { x: nameWidth - 8, y: y + 14, 'text-anchor': 'end' },
      [row.label === null ? '(unlabeled)' : row.label]));
    let x = nameWidth;
    ['training', 'testing', 'anomaly'].forEach(function (category) {
      const count = row[category].count;
      if (count === 0) {
        return;
      }
      const w = Math.max(1, count / max * barSpace);
      chart.appendChild(svg('rect', { 'class': category, x, y: y + 2, width: w, height: rowHeight - 10, rx: 3 },
        [svg('title', {}, [category + ': ' + count])]));
      x += w;
    });
    chart.appendChild(svg('text', { 'class': 'count', x: x + 6, y: y + 14 }, [String(row.total.count)]));
  });
  chart.setAttribute('data-rows', String(labels.length));
  return chart;
}
