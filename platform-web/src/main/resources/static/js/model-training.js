/*
 * The training page: a layer table editor checked against the feature shape by the server as you type, the
 * hyperparameters form, and a live view of a training job — loss and accuracy charts and the log from the job's
 * Server-Sent Events stream — ending in the validation results.
 */
import { confusionMatrix, historyCharts, parseEpoch, stat } from './model-common.js';
import {
  alertProblem, api, appendLine, byId, clear, DASH, el, followJob, forPage, formatBytes, formatCount, formatNumber,
  formatPercent, problemMessage, showAttempts
} from './ui.js';

const ACTIVATIONS = ['none', 'relu', 'relu6'];
const PADDINGS = ['same', 'valid'];
const PARAMETERS = {
  dense: [['units', 'int', 16], ['activation', ACTIVATIONS, 'relu']],
  conv1d: [['filters', 'int', 8], ['kernelSize', 'int', 3], ['stride', 'int', 1], ['padding', PADDINGS, 'same'],
    ['activation', ACTIVATIONS, 'relu']],
  conv2d: [['filters', 'int', 8], ['kernelHeight', 'int', 3], ['kernelWidth', 'int', 3], ['stride', 'int', 1],
    ['padding', PADDINGS, 'same'], ['activation', ACTIVATIONS, 'relu']],
  depthwise_conv2d: [['kernelHeight', 'int', 3], ['kernelWidth', 'int', 3], ['depthMultiplier', 'int', 1],
    ['stride', 'int', 1], ['padding', PADDINGS, 'same'], ['activation', ACTIVATIONS, 'relu']],
  average_pool1d: [['poolSize', 'int', 2], ['stride', 'int', 2]],
  max_pool1d: [['poolSize', 'int', 2], ['stride', 'int', 2]],
  average_pool2d: [['poolSize', 'int', 2], ['stride', 'int', 2]],
  max_pool2d: [['poolSize', 'int', 2], ['stride', 'int', 2]],
  flatten: [],
  reshape: [['shape', 'list', [1]]],
  dropout: [['rate', 'float', 0.25]],
  batch_norm: [],
  relu: [],
  relu6: [],
  softmax: [],
  add: [['from', 'int', -1]]
};
const AUGMENTATION = {
  time_series: ['timeSeries', [['noiseStd', 0], ['maxTimeShift', 0], ['scaleRange', 0]]],
  spectrogram: ['spectrogram', [['timeMasks', 0], ['maxTimeMaskWidth', 0], ['frequencyMasks', 0],
    ['maxFrequencyMaskWidth', 0], ['noiseStd', 0], ['maxTimeShift', 0], ['binOffset', 0]]],
  image: ['image', [['horizontalFlip', false], ['maxCropFraction', 0], ['brightnessDelta', 0], ['contrastDelta', 0],
    ['maxRotationDegrees', 0]]]
};

let base;
let canTrain;
let defaults;
let block;
let checkTimer;
let lastCheck;
let run = null;

function init(page) {
  base = '/api/v1/projects/' + page.getAttribute('data-project-id');
  canTrain = page.getAttribute('data-can-train') === 'true';
  api('GET', base + '/training/defaults').then(function (d) {
    defaults = d;
    setUp();
    return api('GET', base + '/models');
  }).then(function (models) {
    const training = (models || []).filter(function (m) { return m.state === 'training' && m.trainJobId; })[0];
    if (training) {
      attach(training.trainJobId, training.id, training.name);
    }
  }).catch(alertProblem);
}

function setUp() {
  const summary = byId('feature-summary');
  if (!defaults.featuresAvailable) {
    summary.textContent = 'No features yet.';
    byId('features-missing').textContent = defaults.message;
    byId('features-missing').classList.remove('hidden');
  } else {
    summary.textContent = 'Input: ' + defaults.featureKind.replace('_', ' ') + ' features of shape [' +
      defaults.featureShape.join(', ') + '] from impulse version ' + defaults.impulseVersion + ' \u00b7 ' +
      defaults.labels.length + ' labels (' + defaults.labels.join(', ') + ') \u00b7 ' +
      formatCount(defaults.trainingWindows) + ' training windows \u00b7 ' + formatCount(defaults.testWindows) +
      ' test windows';
  }
  const typeSelect = byId('new-layer-type');
  (defaults.layerTypes || Object.keys(PARAMETERS)).forEach(function (type) {
    typeSelect.appendChild(el('option', { value: type, text: type }));
  });
  block = structuredClone(defaults.learningBlock);
  byId('block-kind').value = block.kind;
  fillHyperparameters(defaults.hyperparameters);
  fillAugmentation();
  renderBlock();
  check();

  byId('block-kind').addEventListener('change', function () {
    const kind = byId('block-kind').value;
    const fallback = (defaults.defaultsByKind || []).filter(function (b) { return b.kind === kind; })[0];
    if (kind === 'anomaly_kmeans') {
      block = structuredClone(fallback || { kind: kind, layers: [], kmeans: { clusterCount: 32, maxIterations: 300,
        standardize: true } });
    } else if (kind === 'anomaly_gmm') {
      block = structuredClone(fallback || { kind: kind, layers: [], gmm: { componentCount: 8, maxIterations: 200,
        standardize: true } });
    } else {
      const layers = isAnomaly(block) && fallback ? fallback.layers : block.layers;
      block = { kind: kind, layers: structuredClone(layers), kmeans: null };
    }
    renderBlock();
    check();
  });
  byId('add-layer').addEventListener('click', function () {
    const type = byId('new-layer-type').value;
    block.layers.push(newLayer(type));
    renderBlock();
    check();
  });
  byId('reset-layers').addEventListener('click', function () {
    const fallback = (defaults.defaultsByKind || []).filter(function (b) { return b.kind === block.kind; })[0];
    if (fallback) {
      block = structuredClone(fallback);
      renderBlock();
      check();
    }
  });
  ['km-clusters', 'km-iterations', 'km-standardize', 'gmm-components', 'gmm-iterations', 'gmm-standardize']
    .forEach(function (id) {
      byId(id).addEventListener('change', function () {
        readAnomaly();
        check();
      });
    });
  fillNormalLabels();
  byId('hp-early-stopping').addEventListener('change', function () {
    byId('early-stopping-fields').classList.toggle('hidden', !byId('hp-early-stopping').checked);
  });
  byId('start-training').addEventListener('click', start);
  byId('cancel-training').addEventListener('click', cancel);
}

function newLayer(type) {
  const layer = { type: type };
  PARAMETERS[type].forEach(function (p) {
    layer[p[0]] = structuredClone(p[2]);
  });
  if (type === 'reshape' && defaults.featureShape) {
    layer.shape = defaults.featureShape.slice();
  }
  return layer;
}

/* ---- the layer table ---- */

function isAnomaly(b) {
  return b.kind === 'anomaly_kmeans' || b.kind === 'anomaly_gmm';
}

function renderBlock() {
  const kmeans = block.kind === 'anomaly_kmeans';
  const gmm = block.kind === 'anomaly_gmm';
  byId('layer-editor').classList.toggle('hidden', kmeans || gmm);
  byId('anomaly-editor').classList.toggle('hidden', !kmeans && !gmm);
  byId('kmeans-editor').classList.toggle('hidden', !kmeans);
  byId('gmm-editor').classList.toggle('hidden', !gmm);
  if (kmeans || gmm) {
    if (kmeans) {
      const settings = block.kmeans || { clusterCount: 32, maxIterations: 300, standardize: true };
      byId('km-clusters').value = settings.clusterCount;
      byId('km-iterations').value = settings.maxIterations;
      byId('km-standardize').checked = settings.standardize;
    } else {
      const settings = block.gmm || { componentCount: 8, maxIterations: 200, standardize: true };
      byId('gmm-components').value = settings.componentCount;
      byId('gmm-iterations').value = settings.maxIterations;
      byId('gmm-standardize').checked = settings.standardize;
    }
    const normal = block.normalLabels || [];
    document.querySelectorAll('#normal-labels input').forEach(function (box) {
      box.checked = normal.indexOf(box.value) >= 0;
    });
    return;
  }
  const body = clear(byId('layer-rows'));
  block.layers.forEach(function (layer, index) {
    body.appendChild(layerRow(layer, index));
  });
  if (block.layers.length === 0) {
    body.appendChild(el('tr', {}, [el('td', { colspan: '5', className: 'empty',
      text: 'No hidden layers: the output layer reads the features directly.' })]));
  }
}

function layerRow(layer, index) {
  const typeSelect = el('select', { 'aria-label': 'Type of layer ' + index, 'data-layer-type': String(index) });
  Object.keys(PARAMETERS).forEach(function (type) {
    typeSelect.appendChild(el('option', { value: type, text: type, selected: type === layer.type }));
  });
  typeSelect.addEventListener('change', function () {
    block.layers[index] = newLayer(typeSelect.value);
    renderBlock();
    check();
  });
  const params = el('div', { className: 'ef-params' });
  (PARAMETERS[layer.type] || []).forEach(function (p) {
    params.appendChild(parameterInput(layer, index, p));
  });
  if ((PARAMETERS[layer.type] || []).length === 0) {
    params.appendChild(el('span', { className: 'muted', text: DASH }));
  }
  function button(label, title, action, disabled) {
    const b = el('button', { type: 'button', className: 'btn btn-ghost btn-small', text: label, title: title,
      disabled: disabled });
    b.addEventListener('click', action);
    return b;
  }
  const actions = el('td', { className: 'actions' }, [
    button('\u2191', 'Move up', function () { move(index, -1); }, index === 0),
    button('\u2193', 'Move down', function () { move(index, 1); }, index === block.layers.length - 1),
    button('\u2715', 'Remove', function () {
      block.layers.splice(index, 1);
      renderBlock();
      check();
    }, false)
  ]);
  return el('tr', { 'data-layer-row': String(index) }, [
    el('td', { className: 'mono', text: String(index) }), el('td', {}, [typeSelect]), el('td', {}, [params]),
    el('td', { className: 'mono ef-shape', 'data-shape-of': String(index), text: '' }), actions]);
}

function parameterInput(layer, index, spec) {
  const name = spec[0];
  const kind = spec[1];
  let input;
  if (Array.isArray(kind)) {
    input = el('select', {});
    kind.forEach(function (option) {
      input.appendChild(el('option', { value: option, text: option, selected: layer[name] === option }));
    });
  } else {
    input = el('input', { type: kind === 'list' ? 'text' : 'number', step: kind === 'float' ? 'any' : '1',
      value: kind === 'list' ? (layer[name] || []).join(', ') : String(layer[name]) });
    input.className = 'ef-param-input';
  }
  input.setAttribute('data-param', name);
  input.addEventListener('change', function () {
    let value = input.value;
    if (kind === 'int') {
      value = parseInt(value, 10);
    } else if (kind === 'float') {
      value = parseFloat(value);
    } else if (kind === 'list') {
      value = value.split(/[ ,x\u00d7]+/).filter(Boolean).map(function (v) { return parseInt(v, 10); });
    }
    block.layers[index][name] = value;
    check();
  });
  return el('label', { className: 'ef-param' }, [el('span', { text: name }), input]);
}

function move(index, delta) {
  const target = index + delta;
  const layer = block.layers.splice(index, 1)[0];
  block.layers.splice(target, 0, layer);
  renderBlock();
  check();
}

/** One checkbox per label of the features; an anomaly block's normal labels are the ticked ones. */
function fillNormalLabels() {
  const box = clear(byId('normal-labels'));
  (defaults.labels || []).forEach(function (label) {
    const input = el('input', { type: 'checkbox', value: label, 'data-normal-label': label });
    input.addEventListener('change', function () {
      readAnomaly();
      check();
    });
    box.appendChild(el('label', { className: 'check' }, [input, ' ' + label]));
  });
}

function readAnomaly() {
  if (block.kind === 'anomaly_kmeans') {
    block.kmeans = { clusterCount: parseInt(byId('km-clusters').value, 10),
      maxIterations: parseInt(byId('km-iterations').value, 10), standardize: byId('km-standardize').checked };
  } else if (block.kind === 'anomaly_gmm') {
    block.gmm = { componentCount: parseInt(byId('gmm-components').value, 10),
      maxIterations: parseInt(byId('gmm-iterations').value, 10), standardize: byId('gmm-standardize').checked };
  }
  block.normalLabels = Array.from(document.querySelectorAll('#normal-labels input:checked'))
    .map(function (input) { return input.value; });
}

/* ---- checking against the feature shape ---- */

function check() {
  clearTimeout(checkTimer);
  checkTimer = setTimeout(function () {
    if (!defaults.featuresAvailable) {
      updateStart();
      return;
    }
    const sent = structuredClone(block);
    api('POST', base + '/training/architecture-check', { learningBlock: sent }).then(function (result) {
      lastCheck = result;
      showCheck(result);
    }).catch(function (problem) {
      lastCheck = { valid: false, problems: [{ layerIndex: -1, message: problemMessage(problem) }] };
      showCheck(lastCheck);
    });
  }, 200);
}

function showCheck(result) {
  const rows = byId('layer-rows');
  Array.prototype.forEach.call(rows.querySelectorAll('.ef-layer-problem'), function (row) { row.remove(); });
  Array.prototype.forEach.call(rows.querySelectorAll('tr.invalid-layer'), function (row) {
    row.classList.remove('invalid-layer');
  });
  (result.layers || []).forEach(function (layer) {
    const cell = rows.querySelector('[data-shape-of="' + layer.index + '"]');
    if (cell) {
      cell.textContent = layer.outputShape ? '[' + layer.outputShape.join(', ') + ']' : '?';
    }
  });
  const head = (result.layers || []).filter(function (l) { return l.head; });
  rows.appendChild(el('tr', { className: 'ef-head-row ef-layer-problem' }, [
    el('td', {}), el('td', { colspan: '2', text: head.length ? 'Output head, added automatically: ' +
      head.map(function (l) { return l.type; }).join(' \u2192 ') : 'Output head added automatically' }),
    el('td', { className: 'mono', text: head.length && head[head.length - 1].outputShape
      ? '[' + head[head.length - 1].outputShape.join(', ') + ']' : '' }), el('td', {})]));
  const listProblems = clear(byId('block-problems'));
  (result.problems || []).forEach(function (problem) {
    const row = rows.querySelector('[data-layer-row="' + problem.layerIndex + '"]');
    if (row && problem.layerIndex >= 0) {
      row.classList.add('invalid-layer');
      const message = el('tr', { className: 'ef-layer-problem', 'data-problem-of': String(problem.layerIndex) },
        [el('td', {}), el('td', { colspan: '4', className: 'error', text: problem.message })]);
      row.parentNode.insertBefore(message, row.nextSibling);
    } else {
      listProblems.appendChild(el('li', { className: 'error', text: problem.layerIndex >= 0
        ? 'Output head: ' + problem.message : problem.message }));
    }
  });
  byId('parameter-count').textContent = result.parameters === null || result.parameters === undefined ? ''
    : formatCount(result.parameters) + ' trainable parameters';
  updateStart();
}

function updateStart() {
  byId('start-training').disabled = !canTrain || !defaults.featuresAvailable || !lastCheck || !lastCheck.valid ||
    (run !== null && !run.ended);
}

/* ---- hyperparameters ---- */

function fillHyperparameters(h) {
  byId('hp-epochs').value = h.epochs;
  byId('hp-learning-rate').value = h.learningRate;
  byId('hp-batch-size').value = h.batchSize;
  byId('hp-validation-split').value = h.validationSplit;
  byId('hp-seed').value = h.seed;
  byId('hp-class-weights').checked = h.autoClassWeights;
  byId('hp-early-stopping').checked = !!h.earlyStopping;
  byId('early-stopping-fields').classList.toggle('hidden', !h.earlyStopping);
  if (h.earlyStopping) {
    byId('hp-patience').value = h.earlyStopping.patience;
    byId('hp-min-delta').value = h.earlyStopping.minDelta;
  }
}

function fillAugmentation() {
  const spec = AUGMENTATION[defaults.featureKind];
  if (!spec) {
    return;
  }
  byId('augmentation-fields').classList.remove('hidden');
  const grid = byId('augmentation-grid');
  // start from the defaults for these features (images: flips, crops, brightness, contrast, rotations; issue #20)
  const given = (defaults.hyperparameters && defaults.hyperparameters.augmentation
    && defaults.hyperparameters.augmentation[spec[0]]) || {};
  spec[1].forEach(function (field) {
    const id = 'aug-' + field[0];
    const start = given[field[0]] !== undefined && given[field[0]] !== null ? given[field[0]] : field[1];
    const input = typeof field[1] === 'boolean' ? el('input', { type: 'checkbox', id: id, checked: start })
      : el('input', { type: 'number', id: id, step: 'any', min: '0', value: String(start) });
    grid.appendChild(el('div', { className: 'field' }, typeof field[1] === 'boolean'
      ? [el('label', { className: 'check' }, [input, ' ' + field[0]])]
      : [el('label', { 'for': id, text: field[0] }), input]));
  });
}

function hyperparameters() {
  const h = {
    epochs: parseInt(byId('hp-epochs').value, 10),
    learningRate: parseFloat(byId('hp-learning-rate').value),
    batchSize: parseInt(byId('hp-batch-size').value, 10),
    validationSplit: parseFloat(byId('hp-validation-split').value),
    seed: parseInt(byId('hp-seed').value, 10),
    autoClassWeights: byId('hp-class-weights').checked,
    earlyStopping: byId('hp-early-stopping').checked ? { patience: parseInt(byId('hp-patience').value, 10),
      minDelta: parseFloat(byId('hp-min-delta').value) } : null,
    augmentation: null
  };
  const spec = AUGMENTATION[defaults.featureKind];
  if (spec) {
    const values = {};
    let any = false;
    spec[1].forEach(function (field) {
      const input = byId('aug-' + field[0]);
      const value = typeof field[1] === 'boolean' ? input.checked : parseFloat(input.value || '0');
      values[field[0]] = value;
      any = any || (value !== 0 && value !== false);
    });
    if (any) {
      h.augmentation = {};
      h.augmentation[spec[0]] = values;
    }
  }
  return h;
}

/* ---- a training run ---- */

function start() {
  if (isAnomaly(block)) {
    readAnomaly();
  }
  const body = { learningBlock: structuredClone(block), hyperparameters: hyperparameters(),
    uncertainThreshold: parseFloat(byId('uncertain-threshold').value) };
  const name = byId('model-name').value.trim();
  if (name) {
    body.name = name;
  }
  byId('start-training').disabled = true;
  api('POST', base + '/jobs/train', body).then(function (started) {
    byId('page-alert').classList.add('hidden');
    attach(started.jobId, started.modelId, name || null);
    byId('training-run').scrollIntoView({ block: 'start', behavior: 'smooth' });
  }).catch(function (problem) {
    alertProblem(problem);
    updateStart();
  });
}

function cancel() {
  if (!run) {
    return;
  }
  byId('cancel-training').disabled = true;
  api('POST', '/api/v1/jobs/' + run.jobId + '/cancel').catch(alertProblem);
}

function attach(jobId, modelId, name) {
  if (run && run.follower) {
    run.follower.close();
  }
  const current = { jobId, modelId, history: [], epochs: null, ended: false, follower: null };
  run = current;
  updateStart();
  byId('training-run').classList.remove('hidden');
  byId('run-title').textContent = 'Training' + (name ? ' \u201c' + name + '\u201d' : '');
  setState('queued');
  clear(byId('training-log'));
  clear(byId('run-result'));
  byId('run-progress').style.width = '0%';
  byId('cancel-training').classList.toggle('hidden', !canTrain);
  byId('cancel-training').disabled = false;
  drawCharts();
  current.follower = followJob(jobId, {
    onLog(line) {
      appendLine(byId('training-log'), line);
      const epoch = parseEpoch(line);
      if (epoch) {
        if (epoch.epoch === 1) {
          current.history = [];
        }
        current.history.push(epoch);
        current.epochs = epoch.epochs;
        drawCharts();
      }
    },
    onProgress(job) {
      setState(job.state);
      byId('run-progress').style.width = (100 * job.progress).toFixed(1) + '%';
      showAttempts(job, byId('run-progress').parentElement);
    },
    onEnd(job) {
      showAttempts(job, byId('run-progress').parentElement);
      finish(current, job);
    },
    onError: alertProblem
  });
}

function setState(state) {
  const badge = byId('run-state');
  badge.textContent = state;
  badge.className = 'badge ef-state-' + state;
}

function drawCharts() {
  historyCharts(byId('loss-chart'), byId('accuracy-chart'), run.history, run.epochs || 1);
}

function finish(current, job) {
  current.ended = true;
  setState(job.state);
  byId('run-progress').style.width = (100 * job.progress).toFixed(1) + '%';
  byId('cancel-training').classList.add('hidden');
  updateStart();
  const result = clear(byId('run-result'));
  if (job.state !== 'succeeded') {
    result.appendChild(el('div', { className: 'alert ' + (job.state === 'cancelled' ? 'alert-info' : 'alert-error'),
      'data-testid': 'training-error', text: job.state === 'cancelled' ? 'Training was cancelled.'
        : 'Training failed: ' + (job.error || 'no reason given') }));
    return;
  }
  api('GET', base + '/models/' + current.modelId).then(function (model) {
    showResult(result, model);
  }).catch(alertProblem);
}

function showResult(result, model) {
  const link = el('a', { href: '/projects/' + model.projectId + '/models/' + model.id, text: 'Open the model' });
  result.appendChild(el('div', { className: 'alert alert-success', 'data-testid': 'training-done' },
    ['Model \u201c' + model.name + '\u201d is ready. ', link]));
  const metrics = model.metrics || {};
  const validation = metrics.validation;
  if (validation && validation.float32 && validation.float32.confusionMatrix) {
    const f = validation.float32;
    const test = metrics.test && metrics.test.float32;
    result.appendChild(el('div', { className: 'stats' }, [
      stat(formatPercent(f.accuracy), 'Validation accuracy (top-1)'),
      stat(formatPercent(validation.int8 ? validation.int8.accuracy : null), 'int8 validation accuracy (top-1)'),
      stat(formatPercent(f.uncertainRate), 'Validation uncertain (top score below ' + f.uncertainThreshold + ')'),
      stat(formatPercent(test ? test.accuracy : null), 'Test accuracy (top-1)'),
      stat(formatPercent(test && test.sampleVote ? test.sampleVote.accuracy : null), 'Test per-sample accuracy'),
      stat(formatBytes(model.sizes.int8 ? model.sizes.int8.fileBytes : null), 'int8 model')]));
    result.appendChild(el('h3', { text: 'Confusion matrix (validation, float32)' }));
    result.appendChild(confusionMatrix(f));
  } else if (validation && validation.float32) {
    result.appendChild(el('div', { className: 'stats' }, [
      stat(formatNumber(validation.float32.mae), 'Validation MAE'), stat(formatNumber(validation.float32.rmse),
        'Validation RMSE')]));
  } else if (metrics.anomaly) {
    result.appendChild(el('div', { className: 'stats' }, [
      stat(metrics.anomaly.model || String(metrics.anomaly.clusters) + ' clusters', 'Model'),
      stat(formatNumber(metrics.anomaly.threshold), 'Threshold'),
      stat(metrics.anomaly.test && metrics.anomaly.test.auc !== null ? formatNumber(metrics.anomaly.test.auc, 3)
        : DASH, 'Test window AUC'),
      stat(metrics.anomaly.test ? formatPercent(metrics.anomaly.test.confusion.recall) : DASH,
        'Anomalies caught')]));
  }
}

forPage('training', init);
