/*
 * The tuner's scatter plot: validation accuracy against latency, one circle per candidate, its area proportional to
 * its RAM; the latency limit as a vertical line; candidates over the RAM or flash limit hollow. Plain SVG.
 * Use: drawTunerChart(container, candidates, limits, onPick).
 */
import { clear, el, svg } from './ui.js';

const WIDTH = 680;
const HEIGHT = 320;
const PAD = { left: 58, right: 24, top: 18, bottom: 48 };

function niceMax(value) {
  if (value <= 0) {
    return 1;
  }
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  const steps = [1, 2, 2.5, 5, 10];
  for (const step of steps) {
    if (value <= step * power) {
      return step * power;
    }
  }
  return 10 * power;
}

export function drawTunerChart(container, candidates, limits) {
  clear(container);
  if (!candidates.length) {
    container.appendChild(el('p', { className: 'muted', text: 'No candidate was trained.' }));
    return;
  }
  const latencies = candidates.map((c) => c.latencyMs);
  const xLimit = limits && limits.maxLatencyMs ? limits.maxLatencyMs : 0;
  const xMax = niceMax(Math.max(xLimit * 1.1, Math.max.apply(null, latencies) * 1.1));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (v) => PAD.left + (v / xMax) * plotW;
  const y = (v) => PAD.top + (1 - v) * plotH;
  const maxRam = Math.max.apply(null, candidates.map((c) => c.ramBytes));
  const radius = (ram) => 3 + 9 * Math.sqrt(ram / maxRam);

  const grid = svg('g', { class: 'cmp-grid' });
  for (let i = 0; i <= 5; i++) {
    const accuracy = i / 5;
    grid.appendChild(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(accuracy), y2: y(accuracy) }));
    grid.appendChild(svg('text', { x: PAD.left - 6, y: y(accuracy) + 4, 'text-anchor': 'end' },
      [Math.round(accuracy * 100) + ' %']));
    const latency = (xMax * i) / 5;
    grid.appendChild(svg('text', { x: x(latency), y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' },
      [String(Math.round(latency * 100) / 100)]));
  }
  const chart = svg('svg', { class: 'cmp-svg', viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img',
    'aria-label': 'Validation accuracy against latency' }, [grid]);
  chart.appendChild(svg('text', { class: 'cmp-axis', x: PAD.left + plotW / 2, y: HEIGHT - 8,
    'text-anchor': 'middle' }, ['Latency per window (ms, estimated); circle area: RAM']));
  chart.appendChild(svg('text', { class: 'cmp-axis', x: 14, y: PAD.top + plotH / 2, 'text-anchor': 'middle',
    transform: 'rotate(-90 14 ' + (PAD.top + plotH / 2) + ')' }, ['Validation accuracy']));
  if (xLimit) {
    chart.appendChild(svg('line', { class: 'tuner-limit', 'data-limit': 'latency', x1: x(xLimit), x2: x(xLimit),
      y1: PAD.top, y2: HEIGHT - PAD.bottom }));
    chart.appendChild(svg('text', { class: 'tuner-limit-label', x: x(xLimit) + 4, y: PAD.top + 10 },
      ['max latency ' + xLimit + ' ms']));
  }
  candidates.forEach((c) => {
    const circle = svg('circle', { cx: x(c.latencyMs), cy: y(c.validationAccuracy), r: radius(c.ramBytes),
      class: c.fitsBudget ? 'tuner-fits' : 'tuner-over' }, [svg('title', {}, [c.id + ': ' + c.description])]);
    chart.appendChild(svg('g', { class: 'tuner-point', 'data-candidate': c.id }, [circle]));
  });
  container.appendChild(chart);
}
