/*
 * An anomaly model on its page: the test figures at the saved threshold (window and sample AUC, recall, precision, F1,
 * accuracy and the confusion, a missed anomaly counting as wrong), the ROC curve and the score histograms of normal
 * and anomalous test windows as the server computed them, and a threshold picker that shows the trade-off at each
 * candidate threshold of the ROC curve and saves the chosen one (the server then recomputes the figures).
 */
import { stat } from './model-common.js';
import { alertProblem, api, DASH, el, formatCount, formatNumber, formatPercent, showAlert, svg } from './ui.js';

const WIDTH = 460;
const HEIGHT = 240;
const PAD = { left: 44, right: 12, top: 26, bottom: 34 };

/**
 * The anomaly card. onSaved(model) is called with the model after a threshold was saved.
 */
export function anomalyCard(model, base, canEdit, onSaved) {
  const anomaly = model.metrics.anomaly;
  const test = anomaly.test;
  const card = el('div', { className: 'card', 'data-evaluation': 'anomaly' });
  card.appendChild(el('h2', { text: 'Anomaly detection' }));
  const normal = anomaly.normalLabels || model.labels;
  card.appendChild(el('p', { className: 'muted', 'data-testid': 'anomaly-model', text: (anomaly.model ||
    (anomaly.clusters + ' clusters')) + ' \u00b7 learnt ' + formatCount(anomaly.trainingWindows) +
    ' windows labelled ' + normal.join(', ') + ' as normal; test windows with any other label are the known '
    + 'anomalies.' }));
  if (!test) {
    card.appendChild(el('p', { className: 'muted', text: 'No test set: add test samples (normal ones and '
      + 'anomalies) and test the model to measure it.' }));
    return card;
  }
  if (!test.confusion) {
    // measured before the figures below existed: testing again (or saving a threshold) recomputes them
    card.appendChild(el('p', { className: 'muted', text: 'These figures predate the ROC curve and the threshold '
      + 'picker: test the model on the current test set to see them.' }));
    return card;
  }
  card.appendChild(el('div', { className: 'stats', 'data-testid': 'anomaly-stats' }, [
    stat(formatNumber(model.anomalyThreshold), 'Threshold'),
    stat(test.auc === null ? DASH : formatNumber(test.auc, 3), 'Window AUC'),
    stat(test.sampleAuc === null ? DASH : formatNumber(test.sampleAuc, 3), 'Sample AUC'),
    stat(formatPercent(test.confusion.recall), 'Anomalies caught (recall)'),
    stat(formatPercent(test.confusion.precision), 'Precision'),
    stat(test.confusion.f1 === null ? DASH : formatNumber(test.confusion.f1, 3), 'F1'),
    stat(formatPercent(test.confusion.accuracy), 'Accuracy')]));
  if (test.anomalies === 0) {
    card.appendChild(el('div', { className: 'alert alert-warning', text: 'The test set has no known anomalies: '
      + 'every test window is labelled ' + normal.join(', ') + '. Add test samples of faults (any other label) '
      + 'to measure the model.' }));
  }
  card.appendChild(confusionTable(test));
  if (test.roc.length > 0) {
    const charts = el('div', { className: 'ef-charts' });
    const roc = el('div', { className: 'ef-chart-box', id: 'anomaly-roc' });
    const histogram = el('div', { className: 'ef-chart-box', id: 'anomaly-histogram' });
    charts.appendChild(roc);
    charts.appendChild(histogram);
    card.appendChild(charts);
    card.appendChild(picker(model, base, canEdit, test, roc, histogram, onSaved));
  } else if (test.histogram) {
    const histogram = el('div', { className: 'ef-chart-box', id: 'anomaly-histogram' });
    card.appendChild(histogram);
    drawHistogram(histogram, test.histogram, model.anomalyThreshold, null);
  }
  return card;
}

function confusionTable(test) {
  const c = test.confusion;
  const s = test.sampleConfusion;
  function row(title, called, missed, testId) {
    return el('tr', {}, [el('th', { text: title }), el('td', { 'data-testid': testId + '-called', text:
      String(called) }), el('td', { 'data-testid': testId + '-normal', text: String(missed) })]);
  }
  return el('div', {}, [
    el('h3', { text: 'At the threshold (' + formatCount(test.windows) + ' windows, ' + formatCount(test.anomalies)
      + ' anomalous)' }),
    el('table', { className: 'ef-confusion', id: 'anomaly-confusion' }, [
      el('thead', {}, [el('tr', {}, [el('th', { className: 'ef-corner', text: 'actual \\ called' }),
        el('th', { text: 'anomaly' }), el('th', { text: 'normal' })])]),
      el('tbody', {}, [row('anomaly', c.truePositives, c.falseNegatives, 'cm-anomaly'),
        row('normal', c.falsePositives, c.trueNegatives, 'cm-normal')])]),
    el('p', { className: 'muted', text: 'Per sample (a sample is anomalous when any of its windows is): ' +
      s.truePositives + ' of ' + test.anomalousSamples + ' anomalous samples caught, ' + s.falsePositives + ' of ' +
      (test.samples - test.anomalousSamples) + ' normal samples flagged.' })]);
}

/** The threshold picker: a slider over the ROC curve's candidate thresholds, the trade-off there, and Save. */
function picker(model, base, canEdit, test, rocBox, histogramBox, onSaved) {
  const points = test.roc;
  // the candidate nearest the saved threshold starts selected
  let start = 0;
  points.forEach(function (p, i) {
    if (Math.abs(p.threshold - model.anomalyThreshold) < Math.abs(points[start].threshold - model.anomalyThreshold)) {
      start = i;
    }
  });
  const slider = el('input', { type: 'range', id: 'anomaly-threshold-picker', min: '0', max: String(points.length
    - 1), step: '1', value: String(start), 'aria-label': 'Candidate threshold' });
  const value = el('output', { id: 'anomaly-candidate-threshold' });
  const tradeoff = el('p', { id: 'anomaly-tradeoff', 'data-testid': 'anomaly-tradeoff' });
  const save = el('button', { type: 'button', className: 'btn btn-primary', id: 'save-anomaly-threshold',
    text: 'Save threshold' });
  function render() {
    const p = points[parseInt(slider.value, 10)];
    value.textContent = formatNumber(p.threshold);
    tradeoff.textContent = 'Anomaly above ' + formatNumber(p.threshold) + ': catches ' +
      formatPercent(p.truePositiveRate) + ' of anomalous windows, flags ' + formatPercent(p.falsePositiveRate) +
      ' of normal windows, precision ' + (p.precision === null ? DASH : formatPercent(p.precision)) + '.';
    drawRoc(rocBox, test, model.anomalyThreshold, p);
    drawHistogram(histogramBox, test.histogram, model.anomalyThreshold, p.threshold);
  }
  slider.addEventListener('input', render);
  save.addEventListener('click', function () {
    const p = points[parseInt(slider.value, 10)];
    save.disabled = true;
    api('PATCH', base, { anomalyThreshold: p.threshold }).then(function (saved) {
      showAlert('success', 'Threshold saved: ' + formatNumber(saved.anomalyThreshold) + '.');
      onSaved(saved);
    }).catch(function (problem) {
      save.disabled = false;
      alertProblem(problem);
    });
  });
  render();
  return el('div', { className: 'ef-anomaly-picker' }, [
    el('h3', { text: 'Choose the threshold' }),
    el('div', { className: 'ef-threshold' }, [el('label', { text: 'Candidate threshold', for:
      'anomaly-threshold-picker' }), slider, value].concat(canEdit ? [save] : [])),
    tradeoff]);
}

function frame(title, xLabel, yLabel) {
  const root = svg('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, 'class': 'ef-chart', role: 'img',
    'aria-label': title });
  root.appendChild(svg('text', { x: PAD.left, y: 16, 'class': 'ef-chart-title' }, [title]));
  root.appendChild(svg('text', { x: PAD.left + (WIDTH - PAD.left - PAD.right) / 2, y: HEIGHT - 4,
    'class': 'ef-axis ef-axis-x' }, [xLabel]));
  root.appendChild(svg('text', { x: 10, y: PAD.top + 10, 'class': 'ef-axis' }, [yLabel]));
  return root;
}

/** The ROC curve (false-positive rate across, true-positive rate up), the saved threshold and the candidate. */
function drawRoc(box, test, saved, candidate) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const sx = (x) => PAD.left + x * plotW;
  const sy = (y) => PAD.top + (1 - y) * plotH;
  const root = frame('ROC curve, window AUC ' + formatNumber(test.auc, 3), 'normal windows flagged (FPR)', 'TPR');
  for (let i = 0; i <= 4; i++) {
    root.appendChild(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: sy(i / 4), y2: sy(i / 4),
      'class': 'ef-grid' }));
    root.appendChild(svg('text', { x: PAD.left - 6, y: sy(i / 4) + 4, 'class': 'ef-axis ef-axis-y' },
      [(i * 25) + '%']));
    root.appendChild(svg('text', { x: sx(i / 4), y: HEIGHT - PAD.bottom + 16, 'class': 'ef-axis ef-axis-x' },
      [(i * 25) + '%']));
  }
  root.appendChild(svg('line', { x1: sx(0), y1: sy(0), x2: sx(1), y2: sy(1), 'class': 'ef-grid' }));
  const path = [[0, 0]].concat(test.roc.map((p) => [p.falsePositiveRate, p.truePositiveRate])).concat([[1, 1]])
    .map((p, i) => (i === 0 ? 'M' : 'L') + sx(p[0]).toFixed(1) + ',' + sy(p[1]).toFixed(1)).join(' ');
  root.appendChild(svg('path', { d: path, 'class': 'ef-line ef-train', 'data-points': test.roc.length }));
  const c = test.confusion;
  if (c.recall !== null && c.falsePositiveRate !== null) {
    root.appendChild(svg('circle', { cx: sx(c.falsePositiveRate), cy: sy(c.recall), r: 5, 'class': 'ef-dot ef-val',
      'data-marker': 'saved' }, [svg('title', {}, ['saved threshold ' + formatNumber(saved)])]));
  }
  if (candidate) {
    root.appendChild(svg('circle', { cx: sx(candidate.falsePositiveRate), cy: sy(candidate.truePositiveRate), r: 4,
      'class': 'ef-candidate', 'data-marker': 'candidate' }));
  }
  box.replaceChildren(root);
}

/** Score histograms of normal and anomalous test windows, with the saved and the candidate threshold. */
function drawHistogram(box, histogram, saved, candidate) {
  const bins = histogram.normal.length;
  const edges = histogram.edges;
  const low = edges[0];
  const high = edges[bins];
  const max = Math.max(1, ...histogram.normal, ...histogram.anomalous);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const sx = (x) => PAD.left + Math.max(0, Math.min(1, (x - low) / (high - low))) * plotW;
  const sy = (y) => PAD.top + (1 - y / max) * plotH;
  const root = frame('Test window scores', 'anomaly score' + (histogram.overflow > 0 ? ' (' + histogram.overflow +
    ' above ' + formatNumber(high, 3) + ' in the last bar)' : ''), 'windows');
  root.appendChild(svg('text', { x: WIDTH - PAD.right, y: 16, 'class': 'ef-legend ef-anomalous' },
    ['\u25A0 anomalous']));
  root.appendChild(svg('text', { x: WIDTH - PAD.right - 90, y: 16, 'class': 'ef-legend ef-normal' },
    ['\u25A0 normal']));
  for (let i = 0; i <= 4; i++) {
    root.appendChild(svg('text', { x: PAD.left - 6, y: sy(max * i / 4) + 4, 'class': 'ef-axis ef-axis-y' },
      [String(Math.round(max * i / 4))]));
    const x = low + (high - low) * i / 4;
    root.appendChild(svg('text', { x: sx(x), y: HEIGHT - PAD.bottom + 16, 'class': 'ef-axis ef-axis-x' },
      [formatNumber(x, 2)]));
  }
  const barW = plotW / bins;
  for (let b = 0; b < bins; b++) {
    [['normal', histogram.normal[b], 0], ['anomalous', histogram.anomalous[b], barW / 2]].forEach(function (bar) {
      if (bar[1] > 0) {
        root.appendChild(svg('rect', { x: (PAD.left + b * barW + bar[2]).toFixed(1), y: sy(bar[1]).toFixed(1),
          width: (barW / 2).toFixed(1), height: (PAD.top + plotH - sy(bar[1])).toFixed(1),
          'class': 'ef-bar ef-' + bar[0], 'data-bin': b }, [svg('title', {}, [bar[1] + ' ' + bar[0] + ' windows, '
            + formatNumber(edges[b], 3) + ' to ' + formatNumber(edges[b + 1], 3)])]));
      }
    });
  }
  [[saved, 'ef-threshold-saved', 'saved'], [candidate, 'ef-threshold-candidate', 'candidate']].forEach((t) => {
    if (t[0] !== null && t[0] !== undefined && isFinite(t[0])) {
      root.appendChild(svg('line', { x1: sx(t[0]), x2: sx(t[0]), y1: PAD.top, y2: PAD.top + plotH,
        'class': t[1], 'data-marker': t[2] }));
    }
  });
  box.replaceChildren(root);
}
