/*
 * A model's page: metrics (float32 and int8, validation and test) with the confusion matrix and per-class figures,
 * sizes, lineage, the training history chart, the model testing table whose "uncertain" threshold slider recomputes
 * every prediction in the browser, and live classification of a test sample or an uploaded file.
 */
import { anomalyCard } from './model-anomaly.js';
import { confusionMatrix, historyCharts, perClassTable, stat } from './model-common.js';
import {
  alertProblem, api, byId, clear, DASH, el, followJob, forPage, formatBytes, formatCount, formatDate, formatNumber,
  formatPercent, showAlert, upload
} from './ui.js';

let base;
let projectId;
let model;
let predictions = null;
let canEdit = false;

function init(root) {
  projectId = root.getAttribute('data-project-id');
  base = '/api/v1/projects/' + projectId + '/models/' + root.getAttribute('data-model-id');
  api('GET', base).then(function (m) {
    model = m;
    canEdit = root.getAttribute('data-can-edit') === 'true';
    renderMetrics();
    renderSizes();
    renderLineage();
    renderHistory();
    setUpTesting();
    setUpLive();
    setUpManage(root.getAttribute('data-can-edit') === 'true');
    return loadPredictions();
  }).catch(alertProblem);
}

/* ---- metrics ---- */

function renderMetrics() {
  const section = clear(byId('metrics-section'));
  const metrics = model.metrics;
  if (!metrics) {
    if (model.source === 'imported') {
      section.appendChild(el('div', { className: 'alert alert-info', text: 'An imported model has no metrics '
        + 'until it is tested on the project\u2019s test set.' }));
    }
    return;
  }
  if (metrics.anomaly) {
    section.appendChild(anomalyCard(model, base, canEdit, thresholdSaved));
    return;
  }
  if (metrics.int8Check) {
    section.appendChild(int8CheckNote(metrics.int8Check));
  }
  [['validation', 'Validation'], ['test', 'Test']].forEach(function (part) {
    const evaluation = metrics[part[0]];
    if (!evaluation) {
      return;
    }
    section.appendChild(evaluationCard(part[1], evaluation));
  });
}

/* How faithfully int8 follows float32 (issue #19): a warning with the suggested fix below the threshold. */
function int8CheckNote(check) {
  const summary = 'int8 picks the float32 class on ' + formatPercent(check.agreement) + ' of '
    + formatCount(check.windows) + ' validation windows';
  if (!check.warning) {
    return el('p', { className: 'muted', 'data-int8-check': 'ok', text: summary + '.' });
  }
  return el('div', { className: 'alert alert-warning', 'data-int8-check': 'warning', role: 'alert' }, [
    el('strong', { text: 'int8 loses accuracy. ' }), check.warning,
    el('p', { text: 'Suggested fix: ' + check.suggestion })]);
}

function evaluationCard(title, evaluation) {
  const card = el('div', { className: 'card', 'data-evaluation': title.toLowerCase() });
  card.appendChild(el('h2', { text: title + ' (' + formatCount(evaluation.windows) + ' windows)' }));
  const f = evaluation.float32;
  const q = evaluation.int8;
  if (f && f.confusionMatrix || q && q.confusionMatrix) {
    const main = f || q;
    card.appendChild(el('div', { className: 'stats' }, [
      stat(formatPercent(f ? f.accuracy : null), 'Accuracy (float32)'),
      stat(formatPercent(q ? q.accuracy : null), 'Accuracy (int8)'),
      stat(formatPercent(evaluation.int8Agreement), 'int8 = float32 class'),
      stat(formatNumber(main.weightedF1, 3), 'Weighted F1')]));
    const columns = el('div', { className: 'ef-two-columns' });
    [[f, 'float32'], [q, 'int8']].forEach(function (variant) {
      if (!variant[0]) {
        return;
      }
      columns.appendChild(el('div', {}, [el('h3', { text: 'Confusion matrix, ' + variant[1] }),
        confusionMatrix(variant[0])]));
    });
    card.appendChild(columns);
    card.appendChild(el('h3', { text: 'Per class (' + (f ? 'float32' : 'int8') + ', uncertain below ' +
      main.uncertainThreshold + ')' }));
    card.appendChild(perClassTable(main));
  } else if (f || q) {
    card.appendChild(el('div', { className: 'stats' }, [
      stat(formatNumber(f ? f.mae : null), 'MAE (float32)'), stat(formatNumber(f ? f.rmse : null), 'RMSE (float32)'),
      stat(formatNumber(q ? q.mae : null), 'MAE (int8)'), stat(formatNumber(q ? q.rmse : null), 'RMSE (int8)')]));
  } else {
    card.appendChild(el('p', { className: 'muted', text: 'No window had a label the model knows.' }));
  }
  if (evaluation.skippedWindows > 0) {
    card.appendChild(el('p', { className: 'muted', 'data-not-a-class': '', text: notAClassNote(evaluation) }));
  }
  return card;
}

/** A saved anomaly threshold: the server recomputed the figures; the testing table follows the new threshold. */
function thresholdSaved(saved) {
  model = saved;
  renderMetrics();
  anomalySlider();
  renderPredictions();
}

/** Test windows whose label only the test set has (issue #18): named, counted, and left out of the figures. */
function notAClassNote(evaluation) {
  const unknown = evaluation.unknownLabels || {};
  const labels = Object.keys(unknown);
  if (!labels.length) {
    return evaluation.skippedWindows + ' windows have a label the model does not know; they are listed under model '
      + 'testing but not counted.';
  }
  return evaluation.skippedWindows + ' test windows are not a class of this model: '
    + labels.map(function (l) { return '\u201c' + l + '\u201d (' + unknown[l] + ')'; }).join(', ')
    + '. The model\'s classes come from the training data; these labels are only in the test set, so their windows '
    + 'are listed under model testing but not counted in accuracy.';
}

/* ---- sizes and lineage ---- */

function renderSizes() {
  const f = model.sizes.float32;
  const q = model.sizes.int8;
  const box = clear(byId('sizes'));
  if (!f && !q) {
    box.appendChild(el('p', { className: 'muted', text: model.variants.int8UnavailableReason ||
      'No model file yet.' }));
    return;
  }
  const rows = [['File', 'fileBytes', formatBytes], ['Parameters', 'parameters', formatCount],
    ['Weights (flash)', 'weightBytes', formatBytes], ['MACs per inference', 'macs', formatCount],
    ['Activation RAM (lower bound)', 'activationLowerBound', formatBytes],
    ['Activation arena', 'arenaBytes', formatBytes]];
  box.appendChild(el('table', { className: 'list ef-compact', id: 'sizes-table' }, [
    el('thead', {}, [el('tr', {}, [el('th', { text: '' }), el('th', { text: 'float32' }),
      el('th', { text: 'int8' })])]),
    el('tbody', {}, rows.map(function (r) {
      return el('tr', {}, [el('td', { text: r[0] }), el('td', { text: f ? r[2](f[r[1]]) : DASH }),
        el('td', { text: q ? r[2](q[r[1]]) : DASH })]);
    }))]));
}

function renderLineage() {
  const l = model.lineage;
  const items = [['Source', l.source], ['Impulse version', l.impulseVersion], ['Dataset version', l.datasetVersion],
    ['Seed', l.seed], ['Labels', model.labels.join(', ')], ['Input shape', model.inputShape ? '[' +
      model.inputShape.join(', ') + ']' : null], ['Trained', formatDate(model.trainedAt)], ['Training features',
      l.trainingFeatures], ['Test features', l.testingFeatures]];
  const list = el('dl', { className: 'ef-lineage' });
  items.forEach(function (item) {
    if (item[1] === null || item[1] === undefined || item[1] === '') {
      return;
    }
    list.appendChild(el('dt', { text: item[0] }));
    list.appendChild(el('dd', { className: /features/.test(item[0]) ? 'mono' : '', text: String(item[1]) }));
  });
  if (l.trainJobId) {
    list.appendChild(el('dt', { text: 'Training job' }));
    list.appendChild(el('dd', {}, [el('a', { href: '/api/v1/jobs/' + l.trainJobId, text: l.trainJobId,
      className: 'mono' })]));
  }
  if (l.hyperparameters) {
    const h = l.hyperparameters;
    list.appendChild(el('dt', { text: 'Hyperparameters' }));
    list.appendChild(el('dd', { text: h.epochs + ' epochs, learning rate ' + h.learningRate + ', batch ' +
      h.batchSize + ', validation ' + h.validationSplit + (h.autoClassWeights ? ', class weights' : '') +
      (h.earlyStopping ? ', early stopping (patience ' + h.earlyStopping.patience + ')' : '') }));
  }
  if (l.learningBlock) {
    const b = l.learningBlock;
    list.appendChild(el('dt', { text: 'Learning block' }));
    list.appendChild(el('dd', { className: 'mono', text: b.kind + ': ' + (b.layers && b.layers.length
      ? b.layers.map(describeLayer).join(' \u2192 ') : b.kmeans ? b.kmeans.clusterCount + ' clusters'
      : b.gmm ? b.gmm.componentCount + ' Gaussian components' : '') }));
  }
  clear(byId('lineage')).appendChild(list);
}

function describeLayer(layer) {
  const keys = Object.keys(layer).filter(function (k) { return k !== 'type'; });
  return layer.type + (keys.length ? '(' + keys.map(function (k) {
    return Array.isArray(layer[k]) ? layer[k].join('x') : layer[k];
  }).join(', ') + ')' : '');
}

function renderHistory() {
  const history = model.history || [];
  if (history.length === 0) {
    byId('history-card').classList.add('hidden');
    return;
  }
  historyCharts(byId('history-loss'), byId('history-accuracy'), history, history[0].epochs);
}

/* ---- model testing ---- */

function setUpTesting() {
  const slider = byId('threshold-slider');
  if (model.kind === 'anomaly') {
    byId('threshold-label').textContent = 'Anomaly above';
    anomalySlider();
  } else if (model.kind === 'regression') {
    slider.parentNode.classList.add('hidden');
  } else {
    slider.value = String(model.uncertainThreshold === null ? 0.6 : model.uncertainThreshold);
  }
  slider.addEventListener('input', renderPredictions);
  byId('only-wrong').addEventListener('change', renderPredictions);
  const button = byId('run-test');
  if (button) {
    button.addEventListener('click', function () {
      button.disabled = true;
      const body = { modelId: model.id };
      if (model.kind === 'classification') {
        body.uncertainThreshold = parseFloat(slider.value);
      }
      api('POST', '/api/v1/projects/' + projectId + '/jobs/test', body).then(function (started) {
        showAlert('info', 'Testing on the current test set\u2026');
        watchTest(started.jobId, button);
      }).catch(function (problem) {
        alertProblem(problem);
        button.disabled = false;
      });
    });
  }
}

/** The testing slider of an anomaly model spans its test scores (a Gaussian mixture's can be negative). */
function anomalySlider() {
  const slider = byId('threshold-slider');
  const t = model.anomalyThreshold || 0;
  const h = model.metrics && model.metrics.anomaly && model.metrics.anomaly.test
    ? model.metrics.anomaly.test.histogram : null;
  const low = Math.min(t, h ? h.edges[0] : 0);
  const high = Math.max(t, h ? h.edges[h.edges.length - 1] : t * 3, low + 1);
  slider.min = String(low);
  slider.max = String(high);
  slider.step = 'any';
  slider.value = String(t);
}

function watchTest(jobId, button) {
  followJob(jobId, {
    onEnd(job) {
      button.disabled = false;
      if (job.state !== 'succeeded') {
        showAlert('error', 'The test ' + job.state + ': ' + (job.error || ''));
        return;
      }
      showAlert('success', 'Tested on the current test set.');
      api('GET', base).then(function (m) {
        model = m;
        renderMetrics();
        return loadPredictions();
      });
    },
    onError(problem) {
      button.disabled = false;
      alertProblem(problem);
    }
  });
}

function loadPredictions() {
  return api('GET', base + '/predictions').then(function (view) {
    predictions = view;
    renderPredictions();
    fillSamples();
  });
}

function predicted(row, threshold) {
  if (model.kind === 'anomaly') {
    return row.scores[0] > threshold ? 'anomaly' : 'normal';
  }
  if (model.kind === 'regression') {
    return row.predicted;
  }
  let best = 0;
  for (let i = 1; i < row.scores.length; i++) {
    if (row.scores[i] > row.scores[best]) {
      best = i;
    }
  }
  if (row.scores[best] < threshold) {
    return 'uncertain';
  }
  return predictions.outputNames[best] || ('output ' + best);
}

function renderPredictions() {
  const threshold = parseFloat(byId('threshold-slider').value);
  byId('threshold-value').textContent = model.kind === 'anomaly' ? formatNumber(threshold) : threshold.toFixed(2);
  const head = clear(byId('predictions-head'));
  const body = clear(byId('predictions-rows'));
  if (!predictions || predictions.rows.length === 0) {
    byId('testing-summary').textContent = 'No test predictions: the model was not tested on a test set yet.';
    return;
  }
  const classification = model.kind === 'classification';
  const anomaly = model.kind === 'anomaly';
  ['Sample', 'Window', 'Label', 'Prediction', classification ? 'Confidence' : anomaly ? 'Score' : 'Value',
    classification ? 'int8' : ''].forEach(function (h) {
    head.appendChild(el('th', { text: h }));
  });
  const onlyWrong = byId('only-wrong').checked;
  let judged = 0;
  let correct = 0;
  let uncertain = 0;
  let notAClass = 0;
  const normalLabels = predictions.kind === 'anomaly' ? null : predictions.outputNames;
  let shown = 0;
  predictions.rows.forEach(function (row) {
    const p = predicted(row, threshold);
    let known;
    let ok = null;
    if (classification) {
      known = normalLabels.indexOf(row.label) >= 0;
      notAClass += known ? 0 : 1;
      if (known) {
        judged++;
        ok = p === row.label;
        correct += ok ? 1 : 0;
      }
      uncertain += p === 'uncertain' ? 1 : 0;
    } else if (anomaly) {
      judged++;
      ok = (p === 'anomaly') === isAnomalyLabel(row);
      correct += ok ? 1 : 0;
    }
    if (onlyWrong && ok !== false && p !== 'uncertain') {
      return;
    }
    if (shown >= 2000) {
      return;
    }
    shown++;
    const confidence = classification ? Math.max.apply(null, row.scores) : row.scores[0];
    const tr = el('tr', { className: p === 'uncertain' ? 'ef-uncertain' : ok === false ? 'ef-wrong' : '',
      'data-prediction-row': '' }, [
      el('td', { className: 'mono', text: row.sampleId }), el('td', { text: String(row.windowIndex) }),
      el('td', {}, [row.label, classification && !known ? ' ' : null, classification && !known
        ? el('span', { className: 'badge coming', text: 'not a class of this model' }) : null]),
      el('td', { className: 'ef-predicted', text: p }),
      el('td', { text: model.kind === 'regression' ? p : formatNumber(confidence, 3) }),
      el('td', { text: classification && row.int8Scores ? predicted({ scores: row.int8Scores }, threshold) : '' })
    ]);
    body.appendChild(tr);
  });
  let summary = predictions.windows + ' test windows';
  if (judged > 0) {
    summary += ' \u00b7 accuracy ' + formatPercent(correct / judged) + ' at this threshold';
  }
  if (classification) {
    summary += ' \u00b7 ' + uncertain + ' uncertain';
    if (notAClass > 0) {
      summary += ' \u00b7 ' + notAClass + ' not a class of this model';
    }
  }
  if (shown < predictions.rows.length) {
    summary += ' \u00b7 showing ' + shown;
  }
  byId('testing-summary').textContent = summary;
}

function isAnomalyLabel(row) {
  return model.labels.indexOf(row.label) < 0;
}

/* ---- live classification ---- */

function fillSamples() {
  const select = byId('live-sample');
  const seen = {};
  while (select.options.length > 1) {
    select.remove(1);
  }
  (predictions ? predictions.rows : []).forEach(function (row) {
    if (!seen[row.sampleId]) {
      seen[row.sampleId] = true;
      select.appendChild(el('option', { value: row.sampleId, text: row.sampleId + ' (' + row.label + ')' }));
    }
  });
}

function setUpLive() {
  byId('classify-sample').addEventListener('click', function () {
    const sampleId = byId('live-sample').value;
    if (!sampleId) {
      showAlert('error', 'Choose a sample to classify.');
      return;
    }
    api('POST', base + '/classify', { sampleId: sampleId, threshold: threshold() })
      .then(showLive).catch(alertProblem);
  });
  byId('classify-file').addEventListener('click', function () {
    const file = byId('live-file').files[0];
    if (!file) {
      showAlert('error', 'Choose a file to classify.');
      return;
    }
    const data = new FormData();
    data.append('file', file);
    if (threshold() !== null) {
      data.append('threshold', String(threshold()));
    }
    upload(base + '/classify', data).then(showLive).catch(alertProblem);
  });
}

function threshold() {
  return model.kind === 'regression' ? null : parseFloat(byId('threshold-slider').value);
}

function showLive(result) {
  const box = clear(byId('live-result'));
  const counts = Object.keys(result.counts || {}).map(function (k) { return k + ': ' + result.counts[k]; });
  box.appendChild(el('p', { 'data-testid': 'live-summary', text: result.sample + (result.label ? ' (label ' +
    result.label + ')' : '') + ' \u2014 ' + result.windows.length + ' windows' + (counts.length ? ' \u00b7 ' +
    counts.join(', ') : '') }));
  const names = result.outputNames;
  const head = ['Window', 'Start (ms)', 'float32', 'int8'].concat(result.kind === 'classification' ? names : []);
  box.appendChild(el('div', { className: 'ef-scroll' }, [el('table', { className: 'list ef-compact',
    id: 'live-table' }, [
    el('thead', {}, [el('tr', {}, head.map(function (h) { return el('th', { text: h }); }))]),
    el('tbody', {}, result.windows.map(function (w) {
      const cells = [el('td', { text: String(w.windowIndex) }), el('td', { text: String(w.windowStartMs) }),
        el('td', { className: 'ef-predicted', text: w.float32Predicted || DASH }),
        el('td', { text: w.int8Predicted || DASH })];
      if (result.kind === 'classification') {
        const scores = w.float32 || w.int8;
        names.forEach(function (n, i) {
          cells.push(el('td', { text: formatNumber(scores[i], 3) }));
        });
      }
      return el('tr', { 'data-live-row': '' }, cells);
    }))])]));
}

/* ---- rename and delete ---- */

function setUpManage(canEdit) {
  const form = byId('rename-form');
  if (!canEdit || !form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    api('PATCH', base, { name: byId('rename-input').value }).then(function (m) {
      model = m;
      byId('model-name').textContent = m.name;
      showAlert('success', 'Renamed.');
    }).catch(alertProblem);
  });
  byId('delete-model').addEventListener('click', function () {
    if (!window.confirm('Delete the model \u201c' + model.name + '\u201d and its files?')) {
      return;
    }
    api('DELETE', base).then(function () {
      window.location.href = '/projects/' + projectId + '/models';
    }).catch(alertProblem);
  });
}

forPage('model', init);
