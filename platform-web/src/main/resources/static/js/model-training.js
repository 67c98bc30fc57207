/*
 * The training page: a layer table editor checked against the feature shape by the server as you type, the
 * hyperparameters form, and a live view of a training job — loss and accuracy charts and the log from the job's
 * Server-Sent Events stream — ending in the validation results.
 */
(function () {
  'use strict';

  var M;
  var ACTIVATIONS = ['none', 'relu', 'relu6'];
  var PADDINGS = ['same', 'valid'];
  var PARAMETERS = {
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
  var AUGMENTATION = {
    time_series: ['timeSeries', [['noiseStd', 0], ['maxTimeShift', 0], ['scaleRange', 0]]],
    spectrogram: ['spectrogram', [['timeMasks', 0], ['maxTimeMaskWidth', 0], ['frequencyMasks', 0],
      ['maxFrequencyMaskWidth', 0], ['noiseStd', 0]]],
    image: ['image', [['horizontalFlip', false], ['maxCropFraction', 0], ['brightnessDelta', 0]]]
  };

  var root;
  var base;
  var canTrain;
  var defaults;
  var block;
  var checkTimer;
  var lastCheck;
  var run = null;

  function $(id) {
    return document.getElementById(id);
  }

  function init(page) {
    M = window.EdgeForgeModels;
    root = page;
    base = '/api/v1/projects/' + root.getAttribute('data-project-id');
    canTrain = root.getAttribute('data-can-train') === 'true';
    EdgeForge.api('GET', base + '/training/defaults').then(function (d) {
      defaults = d;
      setUp();
      return EdgeForge.api('GET', base + '/models');
    }).then(function (models) {
      var training = (models || []).filter(function (m) { return m.state === 'training' && m.trainJobId; })[0];
      if (training) {
        attach(training.trainJobId, training.id, training.name);
      }
    }).catch(function (problem) {
      EdgeForge.showAlert('error', M.problemMessage(problem));
    });
  }

  function setUp() {
    var summary = $('feature-summary');
    if (!defaults.featuresAvailable) {
      summary.textContent = 'No features yet.';
      $('features-missing').textContent = defaults.message;
      $('features-missing').classList.remove('hidden');
    } else {
      summary.textContent = 'Input: ' + defaults.featureKind.replace('_', ' ') + ' features of shape [' +
        defaults.featureShape.join(', ') + '] from impulse version ' + defaults.impulseVersion + ' \u00b7 ' +
        defaults.labels.length + ' labels (' + defaults.labels.join(', ') + ') \u00b7 ' +
        M.count(defaults.trainingWindows) + ' training windows \u00b7 ' + M.count(defaults.testWindows) +
        ' test windows';
    }
    var typeSelect = $('new-layer-type');
    (defaults.layerTypes || Object.keys(PARAMETERS)).forEach(function (type) {
      typeSelect.appendChild(M.el('option', { value: type, text: type }));
    });
    block = copy(defaults.learningBlock);
    $('block-kind').value = block.kind;
    fillHyperparameters(defaults.hyperparameters);
    fillAugmentation();
    renderBlock();
    check();

    $('block-kind').addEventListener('change', function () {
      var kind = $('block-kind').value;
      var fallback = (defaults.defaultsByKind || []).filter(function (b) { return b.kind === kind; })[0];
      if (kind === 'anomaly_kmeans') {
        block = copy(fallback || { kind: kind, layers: [], kmeans: { clusterCount: 32, maxIterations: 300,
          standardize: true } });
      } else {
        var layers = block.kind === 'anomaly_kmeans' && fallback ? fallback.layers : block.layers;
        block = { kind: kind, layers: copy(layers), kmeans: null };
      }
      renderBlock();
      check();
    });
    $('add-layer').addEventListener('click', function () {
      var type = $('new-layer-type').value;
      block.layers.push(newLayer(type));
      renderBlock();
      check();
    });
    $('reset-layers').addEventListener('click', function () {
      var fallback = (defaults.defaultsByKind || []).filter(function (b) { return b.kind === block.kind; })[0];
      if (fallback) {
        block = copy(fallback);
        renderBlock();
        check();
      }
    });
    ['km-clusters', 'km-iterations', 'km-standardize'].forEach(function (id) {
      $(id).addEventListener('change', function () {
        readKMeans();
        check();
      });
    });
    $('hp-early-stopping').addEventListener('change', function () {
      $('early-stopping-fields').classList.toggle('hidden', !$('hp-early-stopping').checked);
    });
    $('start-training').addEventListener('click', start);
    $('cancel-training').addEventListener('click', cancel);
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function newLayer(type) {
    var layer = { type: type };
    PARAMETERS[type].forEach(function (p) {
      layer[p[0]] = copy(p[2]);
    });
    if (type === 'reshape' && defaults.featureShape) {
      layer.shape = defaults.featureShape.slice();
    }
    return layer;
  }

  /* ---- the layer table ---- */

  function renderBlock() {
    var kmeans = block.kind === 'anomaly_kmeans';
    $('layer-editor').classList.toggle('hidden', kmeans);
    $('kmeans-editor').classList.toggle('hidden', !kmeans);
    if (kmeans) {
      var settings = block.kmeans || { clusterCount: 32, maxIterations: 300, standardize: true };
      $('km-clusters').value = settings.clusterCount;
      $('km-iterations').value = settings.maxIterations;
      $('km-standardize').checked = settings.standardize;
      return;
    }
    var body = M.clear($('layer-rows'));
    block.layers.forEach(function (layer, index) {
      body.appendChild(layerRow(layer, index));
    });
    if (block.layers.length === 0) {
      body.appendChild(M.el('tr', {}, [M.el('td', { colspan: '5', className: 'empty',
        text: 'No hidden layers: the output layer reads the features directly.' })]));
    }
  }

  function layerRow(layer, index) {
    var typeSelect = M.el('select', { 'aria-label': 'Type of layer ' + index, 'data-layer-type': String(index) });
    Object.keys(PARAMETERS).forEach(function (type) {
      typeSelect.appendChild(M.el('option', { value: type, text: type, selected: type === layer.type }));
    });
    typeSelect.addEventListener('change', function () {
      block.layers[index] = newLayer(typeSelect.value);
      renderBlock();
      check();
    });
    var params = M.el('div', { className: 'ef-params' });
    (PARAMETERS[layer.type] || []).forEach(function (p) {
      params.appendChild(parameterInput(layer, index, p));
    });
    if ((PARAMETERS[layer.type] || []).length === 0) {
      params.appendChild(M.el('span', { className: 'muted', text: '\u2013' }));
    }
    function button(label, title, action, disabled) {
      var b = M.el('button', { type: 'button', className: 'btn btn-ghost btn-small', text: label, title: title,
        disabled: disabled });
      b.addEventListener('click', action);
      return b;
    }
    var actions = M.el('td', { className: 'actions' }, [
      button('\u2191', 'Move up', function () { move(index, -1); }, index === 0),
      button('\u2193', 'Move down', function () { move(index, 1); }, index === block.layers.length - 1),
      button('\u2715', 'Remove', function () {
        block.layers.splice(index, 1);
        renderBlock();
        check();
      }, false)
    ]);
    return M.el('tr', { 'data-layer-row': String(index) }, [
      M.el('td', { className: 'mono', text: String(index) }), M.el('td', {}, [typeSelect]), M.el('td', {}, [params]),
      M.el('td', { className: 'mono ef-shape', 'data-shape-of': String(index), text: '' }), actions]);
  }

  function parameterInput(layer, index, spec) {
    var name = spec[0];
    var kind = spec[1];
    var input;
    if (Array.isArray(kind)) {
      input = M.el('select', {});
      kind.forEach(function (option) {
        input.appendChild(M.el('option', { value: option, text: option, selected: layer[name] === option }));
      });
    } else {
      input = M.el('input', { type: kind === 'list' ? 'text' : 'number', step: kind === 'float' ? 'any' : '1',
        value: kind === 'list' ? (layer[name] || []).join(', ') : String(layer[name]) });
      input.className = 'ef-param-input';
    }
    input.setAttribute('data-param', name);
    input.addEventListener('change', function () {
      var value = input.value;
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
    return M.el('label', { className: 'ef-param' }, [M.el('span', { text: name }), input]);
  }

  function move(index, delta) {
    var target = index + delta;
    var layer = block.layers.splice(index, 1)[0];
    block.layers.splice(target, 0, layer);
    renderBlock();
    check();
  }

  function readKMeans() {
    block.kmeans = { clusterCount: parseInt($('km-clusters').value, 10),
      maxIterations: parseInt($('km-iterations').value, 10), standardize: $('km-standardize').checked };
  }

  /* ---- checking against the feature shape ---- */

  function check() {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(function () {
      if (!defaults.featuresAvailable) {
        updateStart();
        return;
      }
      var sent = copy(block);
      EdgeForge.api('POST', base + '/training/architecture-check', { learningBlock: sent }).then(function (result) {
        lastCheck = result;
        showCheck(result);
      }).catch(function (problem) {
        lastCheck = { valid: false, problems: [{ layerIndex: -1, message: M.problemMessage(problem) }] };
        showCheck(lastCheck);
      });
    }, 200);
  }

  function showCheck(result) {
    var rows = $('layer-rows');
    Array.prototype.forEach.call(rows.querySelectorAll('.ef-layer-problem'), function (row) { row.remove(); });
    Array.prototype.forEach.call(rows.querySelectorAll('tr.invalid-layer'), function (row) {
      row.classList.remove('invalid-layer');
    });
    (result.layers || []).forEach(function (layer) {
      var cell = rows.querySelector('[data-shape-of="' + layer.index + '"]');
      if (cell) {
        cell.textContent = layer.outputShape ? '[' + layer.outputShape.join(', ') + ']' : '?';
      }
    });
    var head = (result.layers || []).filter(function (l) { return l.head; });
    rows.appendChild(M.el('tr', { className: 'ef-head-row ef-layer-problem' }, [
      M.el('td', {}), M.el('td', { colspan: '2', text: head.length ? 'Output head, added automatically: ' +
        head.map(function (l) { return l.type; }).join(' \u2192 ') : 'Output head added automatically' }),
      M.el('td', { className: 'mono', text: head.length && head[head.length - 1].outputShape
        ? '[' + head[head.length - 1].outputShape.join(', ') + ']' : '' }), M.el('td', {})]));
    var listProblems = M.clear($('block-problems'));
    (result.problems || []).forEach(function (problem) {
      var row = rows.querySelector('[data-layer-row="' + problem.layerIndex + '"]');
      if (row && problem.layerIndex >= 0) {
        row.classList.add('invalid-layer');
        var message = M.el('tr', { className: 'ef-layer-problem', 'data-problem-of': String(problem.layerIndex) },
          [M.el('td', {}), M.el('td', { colspan: '4', className: 'error', text: problem.message })]);
        row.parentNode.insertBefore(message, row.nextSibling);
      } else {
        listProblems.appendChild(M.el('li', { className: 'error', text: problem.layerIndex >= 0
          ? 'Output head: ' + problem.message : problem.message }));
      }
    });
    $('parameter-count').textContent = result.parameters === null || result.parameters === undefined ? ''
      : M.count(result.parameters) + ' trainable parameters';
    updateStart();
  }

  function updateStart() {
    $('start-training').disabled = !canTrain || !defaults.featuresAvailable || !lastCheck || !lastCheck.valid ||
      (run !== null && !run.ended);
  }

  /* ---- hyperparameters ---- */

  function fillHyperparameters(h) {
    $('hp-epochs').value = h.epochs;
    $('hp-learning-rate').value = h.learningRate;
    $('hp-batch-size').value = h.batchSize;
    $('hp-validation-split').value = h.validationSplit;
    $('hp-seed').value = h.seed;
    $('hp-class-weights').checked = h.autoClassWeights;
    $('hp-early-stopping').checked = !!h.earlyStopping;
    $('early-stopping-fields').classList.toggle('hidden', !h.earlyStopping);
    if (h.earlyStopping) {
      $('hp-patience').value = h.earlyStopping.patience;
      $('hp-min-delta').value = h.earlyStopping.minDelta;
    }
  }

  function fillAugmentation() {
    var spec = AUGMENTATION[defaults.featureKind];
    if (!spec) {
      return;
    }
    $('augmentation-fields').classList.remove('hidden');
    var grid = $('augmentation-grid');
    spec[1].forEach(function (field) {
      var id = 'aug-' + field[0];
      var input = typeof field[1] === 'boolean' ? M.el('input', { type: 'checkbox', id: id })
        : M.el('input', { type: 'number', id: id, step: 'any', min: '0', value: String(field[1]) });
      grid.appendChild(M.el('div', { className: 'field' }, typeof field[1] === 'boolean'
        ? [M.el('label', { className: 'check' }, [input, ' ' + field[0]])]
        : [M.el('label', { 'for': id, text: field[0] }), input]));
    });
  }

  function hyperparameters() {
    var h = {
      epochs: parseInt($('hp-epochs').value, 10),
      learningRate: parseFloat($('hp-learning-rate').value),
      batchSize: parseInt($('hp-batch-size').value, 10),
      validationSplit: parseFloat($('hp-validation-split').value),
      seed: parseInt($('hp-seed').value, 10),
      autoClassWeights: $('hp-class-weights').checked,
      earlyStopping: $('hp-early-stopping').checked ? { patience: parseInt($('hp-patience').value, 10),
        minDelta: parseFloat($('hp-min-delta').value) } : null,
      augmentation: null
    };
    var spec = AUGMENTATION[defaults.featureKind];
    if (spec) {
      var values = {};
      var any = false;
      spec[1].forEach(function (field) {
        var input = $('aug-' + field[0]);
        var value = typeof field[1] === 'boolean' ? input.checked : parseFloat(input.value || '0');
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
    if (block.kind === 'anomaly_kmeans') {
      readKMeans();
    }
    var body = { learningBlock: copy(block), hyperparameters: hyperparameters(),
      uncertainThreshold: parseFloat($('uncertain-threshold').value) };
    var name = $('model-name').value.trim();
    if (name) {
      body.name = name;
    }
    $('start-training').disabled = true;
    EdgeForge.api('POST', base + '/jobs/train', body).then(function (started) {
      document.getElementById('page-alert').classList.add('hidden');
      attach(started.jobId, started.modelId, name || null);
      $('training-run').scrollIntoView({ block: 'start', behavior: 'smooth' });
    }).catch(function (problem) {
      EdgeForge.showAlert('error', M.problemMessage(problem));
      updateStart();
    });
  }

  function cancel() {
    if (!run) {
      return;
    }
    $('cancel-training').disabled = true;
    EdgeForge.api('POST', '/api/v1/jobs/' + run.jobId + '/cancel').catch(function (problem) {
      EdgeForge.showAlert('error', M.problemMessage(problem));
    });
  }

  function attach(jobId, modelId, name) {
    if (run && run.source) {
      run.source.close();
    }
    run = { jobId: jobId, modelId: modelId, history: [], epochs: null, ended: false, source: null };
    updateStart();
    $('training-run').classList.remove('hidden');
    $('run-title').textContent = 'Training' + (name ? ' \u201c' + name + '\u201d' : '');
    setState('queued');
    M.clear($('training-log'));
    M.clear($('run-result'));
    $('run-progress').style.width = '0%';
    $('cancel-training').classList.toggle('hidden', !canTrain);
    $('cancel-training').disabled = false;
    drawCharts();
    var source = new EventSource('/api/v1/jobs/' + jobId + '/logs');
    run.source = source;
    var current = run;
    source.addEventListener('log', function (event) {
      if (current !== run) {
        return;
      }
      appendLog(event.data);
      var epoch = M.parseEpoch(event.data);
      if (epoch) {
        if (epoch.epoch === 1) {
          run.history = [];
        }
        run.history.push(epoch);
        run.epochs = epoch.epochs;
        drawCharts();
      }
    });
    source.addEventListener('progress', function (event) {
      var job = JSON.parse(event.data);
      setState(job.state);
      $('run-progress').style.width = (100 * job.progress).toFixed(1) + '%';
    });
    source.addEventListener('end', function (event) {
      source.close();
      finish(current, JSON.parse(event.data));
    });
  }

  function appendLog(line) {
    var log = $('training-log');
    log.appendChild(document.createTextNode(line + '\n'));
    log.scrollTop = log.scrollHeight;
  }

  function setState(state) {
    var badge = $('run-state');
    badge.textContent = state;
    badge.className = 'badge ef-state-' + state;
  }

  function drawCharts() {
    M.historyCharts($('loss-chart'), $('accuracy-chart'), run.history, run.epochs || 1);
  }

  function finish(current, job) {
    current.ended = true;
    setState(job.state);
    $('run-progress').style.width = (100 * job.progress).toFixed(1) + '%';
    $('cancel-training').classList.add('hidden');
    updateStart();
    var result = M.clear($('run-result'));
    if (job.state !== 'succeeded') {
      result.appendChild(M.el('div', { className: 'alert ' + (job.state === 'cancelled' ? 'alert-info' : 'alert-error'),
        'data-testid': 'training-error', text: job.state === 'cancelled' ? 'Training was cancelled.'
          : 'Training failed: ' + (job.error || 'no reason given') }));
      return;
    }
    EdgeForge.api('GET', base + '/models/' + current.modelId).then(function (model) {
      showResult(result, model);
    }).catch(function (problem) {
      EdgeForge.showAlert('error', M.problemMessage(problem));
    });
  }

  function showResult(result, model) {
    var link = M.el('a', { href: '/projects/' + model.projectId + '/models/' + model.id, text: 'Open the model' });
    result.appendChild(M.el('div', { className: 'alert alert-success', 'data-testid': 'training-done' },
      ['Model \u201c' + model.name + '\u201d is ready. ', link]));
    var metrics = model.metrics || {};
    var validation = metrics.validation;
    if (validation && validation.float32 && validation.float32.confusionMatrix) {
      var f = validation.float32;
      result.appendChild(M.el('div', { className: 'stats' }, [
        stat(M.percent(f.accuracy), 'Validation accuracy'),
        stat(M.percent(validation.int8 ? validation.int8.accuracy : null), 'int8 validation accuracy'),
        stat(M.percent(metrics.test && metrics.test.float32 ? metrics.test.float32.accuracy : null), 'Test accuracy'),
        stat(M.bytes(model.sizes.int8 ? model.sizes.int8.fileBytes : null), 'int8 model')]));
      result.appendChild(M.el('h3', { text: 'Confusion matrix (validation, float32)' }));
      result.appendChild(M.confusionMatrix(f));
    } else if (validation && validation.float32) {
      result.appendChild(M.el('div', { className: 'stats' }, [
        stat(M.number(validation.float32.mae), 'Validation MAE'), stat(M.number(validation.float32.rmse),
          'Validation RMSE')]));
    } else if (metrics.anomaly) {
      result.appendChild(M.el('div', { className: 'stats' }, [
        stat(String(metrics.anomaly.clusters), 'Clusters'), stat(M.number(metrics.anomaly.threshold), 'Threshold'),
        stat(metrics.anomaly.test && metrics.anomaly.test.auc !== null ? M.number(metrics.anomaly.test.auc, 3)
          : '\u2013', 'Test AUC')]));
    }
  }

  function stat(value, label) {
    return M.el('div', { className: 'stat' }, [M.el('div', { className: 'value', text: value }),
      M.el('div', { className: 'label', text: label })]);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var page = document.querySelector('[data-page=training]');
    if (page) {
      init(page);
    }
  });
})();
