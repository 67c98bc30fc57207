/*
 * EdgeForge compression report chart: test accuracy against weight bytes (log scale), one point per variant:
 * circles for float32, squares for int8, one colour per method. Plain SVG, no library.
 * Use: drawCompressionChart(container, report.variants, chosenVariantName).
 */
import { clear, el, svg } from './ui.js';

const WIDTH = 680;
const HEIGHT = 320;
const PAD = { left: 58, right: 20, top: 18, bottom: 62 };
const METHODS = [
  { key: 'baseline', label: 'Trained model' },
  { key: 'magnitude-pruning', label: 'Magnitude pruning' },
  { key: 'structured-pruning', label: 'Structured pruning' },
  { key: 'distillation', label: 'Distillation' }
];

function shortBytes(value) {
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
  const ticks = [];
  for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
    [1, 2, 5].forEach(function (m) {
      const value = m * Math.pow(10, exponent);
      if (value >= min && value <= max) {
        ticks.push(value);
      }
    });
  }
  return ticks.length >= 2 ? ticks : [min, max];
}

export function drawCompressionChart(container, variants, chosen) {
  clear(container);
  const points = variants.filter(function (v) {
    return v.testAccuracy !== null && v.testAccuracy !== undefined && v.weightBytes > 0;
  });
  if (!points.length) {
    container.appendChild(el('p', { className: 'muted', text: 'No test set: the report has no accuracies to chart.' }));
    return;
  }
  const bytes = points.map(function (v) { return v.weightBytes; });
  const xMin = Math.min.apply(null, bytes) / 1.4;
  const xMax = Math.max.apply(null, bytes) * 1.4;
  const accuracies = points.map(function (v) { return 100 * v.testAccuracy; });
  const yMin = Math.max(0, Math.floor((Math.min.apply(null, accuracies) - 5) / 5) * 5);
  let yMax = Math.min(100, Math.ceil((Math.max.apply(null, accuracies) + 2) / 5) * 5);
  if (yMax <= yMin) {
    yMax = yMin + 5;
  }
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  function sx(x) { return PAD.left + (Math.log(x) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin)) * plotW; }
  function sy(y) { return PAD.top + (1 - (y - yMin) / (yMax - yMin)) * plotH; }

  const chart = svg('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', 'class': 'cmp-svg',
    'aria-label': 'Test accuracy against weight bytes of every variant' });
  const grid = svg('g', { 'class': 'cmp-grid' });
  for (let y = yMin; y <= yMax + 1e-9; y += (yMax - yMin > 20 ? 10 : 5)) {
    grid.appendChild(svg('line', { x1: PAD.left, x2: PAD.left + plotW, y1: sy(y), y2: sy(y) }));
    grid.appendChild(svg('text', { x: PAD.left - 8, y: sy(y) + 4, 'text-anchor': 'end' }, [y + ' %']));
  }
  logTicks(xMin, xMax).forEach(function (x) {
    grid.appendChild(svg('line', { x1: sx(x), x2: sx(x), y1: PAD.top, y2: PAD.top + plotH }));
    grid.appendChild(svg('text', { x: sx(x), y: PAD.top + plotH + 16, 'text-anchor': 'middle' }, [shortBytes(x)]));
  });
  chart.appendChild(grid);
  chart.appendChild(svg('text', { x: PAD.left + plotW / 2, y: PAD.top + plotH + 34, 'text-anchor': 'middle',
    'class': 'cmp-axis' }, ['weight bytes (log scale)']));
  chart.appendChild(svg('text', { x: 14, y: PAD.top + plotH / 2, 'text-anchor': 'middle', 'class': 'cmp-axis',
    transform: 'rotate(-90 14 ' + (PAD.top + plotH / 2) + ')' }, ['test accuracy']));

  const layer = svg('g', { 'class': 'cmp-points' });
  points.forEach(function (v) {
    const cx = sx(v.weightBytes);
    const cy = sy(100 * v.testAccuracy);
    const group = svg('g', { 'class': 'cmp-point cmp-method-' + v.method + (v.name === chosen ? ' chosen' : ''),
      'data-variant': v.name });
    group.appendChild(svg('title', {}, [v.name + ': ' + (100 * v.testAccuracy).toFixed(1) + ' %, '
      + shortBytes(v.weightBytes) + ' of weights']));
    if (v.name === chosen) {
      group.appendChild(svg('circle', { cx: cx, cy: cy, r: 11, 'class': 'cmp-ring' }));
    }
    if (v.precision === 'int8') {
      group.appendChild(svg('rect', { x: cx - 5.5, y: cy - 5.5, width: 11, height: 11, rx: 2 }));
    } else {
      group.appendChild(svg('circle', { cx: cx, cy: cy, r: 6 }));
    }
    const right = cx < PAD.left + plotW * 0.8;
    group.appendChild(svg('text', { x: right ? cx + 10 : cx - 10, y: cy - 8,
      'text-anchor': right ? 'start' : 'end', 'class': 'cmp-label' }, [v.name]));
    layer.appendChild(group);
  });
  chart.appendChild(layer);

  const legend = svg('g', { 'class': 'cmp-legend', transform: 'translate(' + PAD.left + ',' + (HEIGHT - 12) + ')' });
  let offset = 0;
  METHODS.forEach(function (m) {
    const item = svg('g', { 'class': 'cmp-point cmp-method-' + m.key, transform: 'translate(' + offset + ',0)' });
    item.appendChild(svg('circle', { cx: 5, cy: -4, r: 5 }));
    item.appendChild(svg('text', { x: 14, y: 0 }, [m.label]));
    legend.appendChild(item);
    offset += 26 + m.label.length * 6.6;
  });
  const shapes = svg('g', { transform: 'translate(' + offset + ',0)', 'class': 'cmp-shapes' });
  shapes.appendChild(svg('circle', { cx: 5, cy: -4, r: 5 }));
  shapes.appendChild(svg('text', { x: 14, y: 0 }, ['float32']));
  shapes.appendChild(svg('rect', { x: 70, y: -9, width: 10, height: 10, rx: 2 }));
  shapes.appendChild(svg('text', { x: 86, y: 0 }, ['int8']));
  legend.appendChild(shapes);
  chart.appendChild(legend);
  container.appendChild(chart);
}

