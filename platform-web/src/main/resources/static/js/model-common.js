/*
 * EdgeForge models UI: what the training, models and model pages share — the figures of a run (stat tiles, SVG line
 * charts of a training history), the confusion matrix and the per-class table. No libraries, no inline scripts.
 */
import { clear, DASH, el, formatNumber, formatPercent, svg } from './ui.js';

/** A figure with its caption, for a .stats row. */
export function stat(value, label) {
  return el('div', { className: 'stat' }, [el('div', { className: 'value', text: value }),
    el('div', { className: 'label', text: label })]);
}

/** Parses an epoch log line: "Epoch 3/30: loss 0.41, accuracy 0.87, val_loss 0.39, val_accuracy 0.90 (0.4 s)". */
export function parseEpoch(line) {
  const match = new RegExp('^Epoch (\\d+)/(\\d+): loss ([^,\\s]+)(?:, accuracy ([^,\\s]+))?, val_loss ([^,\\s]+)'
    + '(?:, val_accuracy ([^,\\s(]+))?').exec(line);
  if (!match) {
    return null;
  }
  function value(text) {
    return text === undefined ? null : parseFloat(text);
  }
  return {
    epoch: parseInt(match[1], 10), epochs: parseInt(match[2], 10), trainLoss: value(match[3]),
    trainAccuracy: value(match[4]), validationLoss: value(match[5]), validationAccuracy: value(match[6])
  };
}

/**
 * Draws a line chart into container (replacing what was there).
 * options: {title, series: [{name, className, points: [[x, y], ...]}], xLabel, yMin, yMax, xMax, percent}
 */
export function lineChart(container, options) {
  const width = 460;
  const height = 220;
  const pad = { left: 48, right: 12, top: 26, bottom: 34 };
  const all = options.series.flatMap((s) => s.points);
  const xMax = Math.max(options.xMax || 1, all.reduce((m, p) => Math.max(m, p[0]), 1));
  const ys = all.map((p) => p[1]).filter((y) => y !== null && isFinite(y));
  const yMin = options.yMin !== undefined ? options.yMin : Math.min(...ys, 0);
  let yMax = options.yMax !== undefined ? options.yMax : Math.max(...ys, yMin + 1e-6);
  if (yMax <= yMin) {
    yMax = yMin + 1;
  }
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const sx = (x) => pad.left + (xMax <= 1 ? 0 : (x - 1) / (xMax - 1)) * plotW;
  const sy = (y) => pad.top + (1 - (y - yMin) / (yMax - yMin)) * plotH;

  const root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, 'class': 'ef-chart', role: 'img',
    'aria-label': options.title });
  root.appendChild(svg('text', { x: pad.left, y: 16, 'class': 'ef-chart-title' }, [options.title]));
  for (let i = 0; i <= 4; i++) {
    const value = yMin + (yMax - yMin) * i / 4;
    const y = sy(value);
    root.appendChild(svg('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, 'class': 'ef-grid' }));
    root.appendChild(svg('text', { x: pad.left - 6, y: y + 4, 'class': 'ef-axis ef-axis-y' },
      [options.percent ? Math.round(value * 100) + '%' : value.toFixed(value >= 10 ? 0 : 2)]));
  }
  const ticks = Math.min(xMax, 6);
  for (let t = 0; t < ticks; t++) {
    const x = Math.round(1 + (xMax - 1) * (ticks <= 1 ? 0 : t / (ticks - 1)));
    root.appendChild(svg('text', { x: sx(x), y: height - pad.bottom + 16, 'class': 'ef-axis ef-axis-x' },
      [String(x)]));
  }
  root.appendChild(svg('text', { x: pad.left + plotW / 2, y: height - 4, 'class': 'ef-axis ef-axis-x' },
    [options.xLabel || 'epoch']));
  let legendX = width - pad.right;
  options.series.slice().reverse().forEach((s) => {
    root.appendChild(svg('text', { x: legendX, y: 16, 'class': 'ef-legend ' + s.className }, ['\u25A0 ' + s.name]));
    legendX -= 12 + 7 * (s.name.length + 2);
  });
  options.series.forEach((s) => {
    const points = s.points.filter((p) => p[1] !== null && isFinite(p[1]));
    if (points.length === 0) {
      return;
    }
    const path = points.map((p, index) => (index === 0 ? 'M' : 'L') + sx(p[0]).toFixed(1) + ','
      + sy(p[1]).toFixed(1)).join(' ');
    root.appendChild(svg('path', { d: path, 'class': 'ef-line ' + s.className, 'data-points': points.length }));
    points.forEach((p) => {
      root.appendChild(svg('circle', { cx: sx(p[0]).toFixed(1), cy: sy(p[1]).toFixed(1), r: 2.5,
        'class': 'ef-dot ' + s.className }, [svg('title', {}, [s.name + ' epoch ' + p[0] + ': ' + p[1]])]));
    });
  });
  clear(container).appendChild(root);
  return root;
}

/** Loss and accuracy charts of a training history (list of EpochMetrics). */
export function historyCharts(lossBox, accuracyBox, history, plannedEpochs) {
  function series(name, className, field) {
    return { name, className, points: history.map((h) => [h.epoch, h[field]]) };
  }
  lineChart(lossBox, { title: 'Loss', xMax: plannedEpochs, series: [series('train', 'ef-train', 'trainLoss'),
    series('validation', 'ef-val', 'validationLoss')] });
  const hasAccuracy = history.some((h) => h.trainAccuracy !== null && h.trainAccuracy !== undefined);
  if (accuracyBox) {
    accuracyBox.classList.toggle('hidden', !hasAccuracy && history.length > 0);
    if (hasAccuracy || history.length === 0) {
      lineChart(accuracyBox, { title: 'Accuracy', xMax: plannedEpochs, yMin: 0, yMax: 1, percent: true,
        series: [series('train', 'ef-train', 'trainAccuracy'),
          series('validation', 'ef-val', 'validationAccuracy')] });
    }
  }
}

/**
 * A confusion matrix as a coloured table: a row per true class, a column per top-1 predicted class, every header
 * named; cells shaded by their share of the row, green on the diagonal, red elsewhere. An extra column, set apart,
 * counts each row's uncertain windows (top score below the threshold) — they are already in their top-1 column.
 * A report stored before top-1 figures (its matrix has one column more than classes, uncertain counted as wrong)
 * keeps that column, named for what it was.
 */
export function confusionMatrix(report) {
  const names = report.classNames;
  const legacy = !isTopOne(report);
  const matrix = report.confusionMatrix.map((row) => row.slice(0, names.length));
  const extra = legacy ? report.confusionMatrix.map((row) => row[names.length] || 0) : report.uncertainByClass;
  const extraTitle = legacy ? 'uncertain (counted as wrong)' : 'of which uncertain';
  const head = el('tr', {}, [el('th', { className: 'ef-corner', text: 'true \\ predicted' }),
    ...names.map((n) => el('th', { text: n, title: 'predicted ' + n })),
    extra ? el('th', { className: 'ef-cm-extra', text: extraTitle,
      title: legacy ? null : 'windows whose top score is below ' + report.uncertainThreshold
        + '; already counted in their top-1 column' }) : null]);
  const body = matrix.map((row, actual) => {
    const total = row.reduce((a, b) => a + b, 0) + (legacy && extra ? extra[actual] : 0);
    const cells = [el('th', { text: names[actual], title: 'true ' + names[actual] })];
    row.forEach((value, predicted) => {
      const share = total === 0 ? 0 : value / total;
      const diagonal = predicted === actual;
      const cell = el('td', { className: diagonal ? 'ef-cm-hit' : 'ef-cm-miss', text: String(value),
        title: (100 * share).toFixed(1) + ' % of ' + names[actual] });
      const alpha = value === 0 ? 0 : 0.12 + 0.78 * share;
      cell.style.backgroundColor = diagonal ? 'rgba(23, 122, 75, ' + alpha.toFixed(3) + ')'
        : 'rgba(194, 50, 43, ' + alpha.toFixed(3) + ')';
      if (alpha > 0.55) {
        cell.classList.add('ef-cm-strong');
      }
      cells.push(cell);
    });
    if (extra) {
      cells.push(el('td', { className: 'ef-cm-extra', text: String(extra[actual]) }));
    }
    return el('tr', {}, cells);
  });
  return el('table', { className: 'ef-confusion', 'data-testid': 'confusion-matrix' },
    [el('thead', {}, [head]), el('tbody', {}, body)]);
}

/** Whether a classification report has the top-1 figures (stored before them: accuracy counted uncertain as wrong). */
export function isTopOne(report) {
  return report.uncertainRate !== undefined && report.uncertainRate !== null;
}

/** Per-class precision, recall and F1 (top-1). */
export function perClassTable(report) {
  const rows = report.perClass.map((c) => el('tr', {}, [el('td', { text: c.name }),
    el('td', { text: String(c.support) }), el('td', { text: formatPercent(c.precision) }),
    el('td', { text: formatPercent(c.recall) }), el('td', { text: formatNumber(c.f1, 3) }),
    el('td', { text: c.auc === null ? DASH : formatNumber(c.auc, 3) })]));
  return el('table', { className: 'list ef-compact' }, [
    el('thead', {}, [el('tr', {}, ['Class', 'Windows', 'Precision', 'Recall', 'F1', 'AUC']
      .map((h) => el('th', { text: h })))]),
    el('tbody', {}, rows)]);
}
