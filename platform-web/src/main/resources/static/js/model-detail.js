/*
 * A model's page: metrics (float32 and int8, validation and test) with the confusion matrix and per-class figures,
 * sizes, lineage, the training history chart, the model testing table whose "uncertain" threshold slider recomputes
 * every prediction in the browser, and live classification of a test sample or an uploaded file.
 */
(function () {
  'use strict';

  var M;
  var base;
  var projectId;
  var model;
  var predictions = null;

  function $(id) {
    return document.getElementById(id);
  }

  function init(root) {
    M = window.EdgeForgeModels;
    projectId = root.getAttribute('data-project-id');
    base = '/api/v1/projects/' + projectId + '/models/' + root.getAttribute('data-model-id');
    EdgeForge.api('GET', base).then(function (m) {
      model = m;
      renderMetrics();
      renderSizes();
      renderLineage();
      renderHistory();
      setUpTesting();
      setUpLive();
      setUpManage(root.getAttribute('data-can-edit') === 'true');
      return loadPredictions();
    }).catch(function (problem) {
      EdgeForge.showAlert('error', M.problemMessage(problem));
    });
  }

  /* ---- metrics ---- */

  function stat(value, label) {
    return M.el('div', { className: 'stat' }, [M.el('div', { className: 'value', text: value }),
      M.el('div', { className: 'label', text: label })]);
  }

  function renderMetrics() {
    var section = M.clear($('metrics-section'));
    var metrics = model.metrics;
    if (!metrics) {
      if (model.source === 'imported') {
        section.appendChild(M.el('div', { className: 'alert alert-info', text: 'An imported model has no metrics '
          + 'until it is tested on the project\u2019s test set.' }));
      }
      return;
    }
    if (metrics.anomaly) {
      section.appendChild(anomalyCard(metrics.anomaly));
      return;
    }
    [['validation', 'Validation'], ['test', 'Test']].forEach(function (part) {
      var evaluation = metrics[part[0]];
      if (!evaluation) {
        return;
      }
      section.appendChild(evaluationCard(part[1], evaluation));
    });
  }

  function evaluationCard(title, evaluation) {
    var card = M.el('div', { className: 'card', 'data-evaluation': title.toLowerCase() });
    card.appendChild(M.el('h2', { text: title + ' (' + M.count(evaluation.windows) + ' windows)' }));
    var f = evaluation.float32;
    var q = evaluation.int8;
    if (f && f.confusionMatrix || q && q.confusionMatrix) {
      var main = f || q;
      card.appendChild(M.el('div', { className: 'stats' }, [
        stat(M.percent(f ? f.accuracy : null), 'Accuracy (float32)'),
        stat(M.percent(q ? q.accuracy : null), 'Accuracy (int8)'),
        stat(M.percent(evaluation.int8Agreement), 'int8 = float32 class'),
        stat(M.number(main.weightedF1, 3), 'Weighted F1')]));
      var columns = M.el('div', { className: 'ef-two-columns' });
      [[f, 'float32'], [q, 'int8']].forEach(function (variant) {
        if (!variant[0]) {
          return;
        }
        columns.appendChild(M.el('div', {}, [M.el('h3', { text: 'Confusion matrix, ' + variant[1] }),
          M.confusionMatrix(variant[0])]));
      });
      card.appendChild(columns);
      card.appendChild(M.el('h3', { text: 'Per class (' + (f ? 'float32' : 'int8') + ', uncertain below ' +
        main.uncertainThreshold + ')' }));
      card.appendChild(M.perClassTable(main));
    } else if (f || q) {
      card.appendChild(M.el('div', { className: 'stats' }, [
        stat(M.number(f ? f.mae : null), 'MAE (float32)'), stat(M.number(f ? f.rmse : null), 'RMSE (float32)'),
        stat(M.number(q ? q.mae : null), 'MAE (int8)'), stat(M.number(q ? q.rmse : null), 'RMSE (int8)')]));
    } else {
      card.appendChild(M.el('p', { className: 'muted', text: 'No window had a label the model knows.' }));
    }
    if (evaluation.skippedWindows > 0) {
      card.appendChild(M.el('p', { className: 'muted', text: evaluation.skippedWindows + ' windows have a label the '
        + 'model does not know; they are listed under model testing but not counted.' }));
    }
    return card;
  }

  function anomalyCard(anomaly) {
    var card = M.el('div', { className: 'card', 'data-evaluation': 'anomaly' });
    card.appendChild(M.el('h2', { text: 'Anomaly detection' }));
    var test = anomaly.test;
    card.appendChild(M.el('div', { className: 'stats' }, [
      stat(String(anomaly.clusters), 'Clusters'), stat(M.number(model.anomalyThreshold), 'Threshold'),
      stat(M.number(anomaly.trainingScoreMedian), 'Median training score'),
      stat(test && test.auc !== null ? M.number(test.auc, 3) : '\u2013', 'Test AUC')]));
    if (test) {
      card.appendChild(M.el('p', { className: 'muted', text: 'Test set at the training threshold: ' + test.samples +
        ' windows, ' + test.anomalies + ' known anomalies (labels not in the training data); ' + test.truePositives +
        ' caught, ' + test.falseNegatives + ' missed, ' + test.falsePositives + ' false alarms.' }));
    }
    return card;
  }

  /* ---- sizes and lineage ---- */

  function renderSizes() {
    var f = model.sizes.float32;
    var q = model.sizes.int8;
    var box = M.clear($('sizes'));
    if (!f && !q) {
      box.appendChild(M.el('p', { className: 'muted', text: model.variants.int8UnavailableReason ||
        'No model file yet.' }));
      return;
    }
    var rows = [['File', 'fileBytes', M.bytes], ['Parameters', 'parameters', M.count],
      ['Weights (flash)', 'weightBytes', M.bytes], ['MACs per inference', 'macs', M.count],
      ['Activation RAM (lower bound)', 'activationLowerBound', M.bytes], ['Activation arena', 'arenaBytes', M.bytes]];
    box.appendChild(M.el('table', { className: 'list ef-compact', id: 'sizes-table' }, [
      M.el('thead', {}, [M.el('tr', {}, [M.el('th', { text: '' }), M.el('th', { text: 'float32' }),
        M.el('th', { text: 'int8' })])]),
      M.el('tbody', {}, rows.map(function (r) {
        return M.el('tr', {}, [M.el('td', { text: r[0] }), M.el('td', { text: f ? r[2](f[r[1]]) : '\u2013' }),
          M.el('td', { text: q ? r[2](q[r[1]]) : '\u2013' })]);
      }))]));
  }

  function renderLineage() {
    var l = model.lineage;
    var items = [['Source', l.source], ['Impulse version', l.impulseVersion], ['Dataset version', l.datasetVersion],
      ['Seed', l.seed], ['Labels', model.labels.join(', ')], ['Input shape', model.inputShape ? '[' +
        model.inputShape.join(', ') + ']' : null], ['Trained', utc(model.trainedAt)], ['Training features',
        l.trainingFeatures], ['Test features', l.testingFeatures]];
    var list = M.el('dl', { className: 'ef-lineage' });
    items.forEach(function (item) {
      if (item[1] === null || item[1] === undefined || item[1] === '') {
        return;
      }
      list.appendChild(M.el('dt', { text: item[0] }));
      list.appendChild(M.el('dd', { className: /features/.test(item[0]) ? 'mono' : '', text: String(item[1]) }));
    });
    if (l.trainJobId) {
      list.appendChild(M.el('dt', { text: 'Training job' }));
      list.appendChild(M.el('dd', {}, [M.el('a', { href: '/api/v1/jobs/' + l.trainJobId, text: l.trainJobId,
        className: 'mono' })]));
    }
    if (l.hyperparameters) {
      var h = l.hyperparameters;
      list.appendChild(M.el('dt', { text: 'Hyperparameters' }));
      list.appendChild(M.el('dd', { text: h.epochs + ' epochs, learning rate ' + h.learningRate + ', batch ' +
        h.batchSize + ', validation ' + h.validationSplit + (h.autoClassWeights ? ', class weights' : '') +
        (h.earlyStopping ? ', early stopping (patience ' + h.earlyStopping.patience + ')' : '') }));
    }
    if (l.learningBlock) {
      var b = l.learningBlock;
      list.appendChild(M.el('dt', { text: 'Learning block' }));
      list.appendChild(M.el('dd', { className: 'mono', text: b.kind + ': ' + (b.layers && b.layers.length
        ? b.layers.map(describeLayer).join(' \u2192 ') : b.kmeans ? b.kmeans.clusterCount + ' clusters' : '') }));
    }
    M.clear($('lineage')).appendChild(list);
  }

  function utc(iso) {
    return iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : null;
  }

  function describeLayer(layer) {
    var keys = Object.keys(layer).filter(function (k) { return k !== 'type'; });
    return layer.type + (keys.length ? '(' + keys.map(function (k) {
      return Array.isArray(layer[k]) ? layer[k].join('x') : layer[k];
    }).join(', ') + ')' : '');
  }

  function renderHistory() {
    var history = model.history || [];
    if (history.length === 0) {
      $('history-card').classList.add('hidden');
      return;
    }
    M.historyCharts($('history-loss'), $('history-accuracy'), history, history[0].epochs);
  }

  /* ---- model testing ---- */

  function setUpTesting() {
    var slider = $('threshold-slider');
    if (model.kind === 'anomaly') {
      $('threshold-label').textContent = 'Anomaly above';
      slider.max = String(Math.max(1, (model.anomalyThreshold || 1) * 3).toFixed(2));
      slider.step = 'any';
      slider.value = String(model.anomalyThreshold || 0);
    } else if (model.kind === 'regression') {
      slider.parentNode.classList.add('hidden');
    } else {
      slider.value = String(model.uncertainThreshold === null ? 0.6 : model.uncertainThreshold);
    }
    slider.addEventListener('input', renderPredictions);
    $('only-wrong').addEventListener('change', renderPredictions);
    var button = $('run-test');
    if (button) {
      button.addEventListener('click', function () {
        button.disabled = true;
        var body = { modelId: model.id };
        if (model.kind === 'classification') {
          body.uncertainThreshold = parseFloat(slider.value);
        }
        EdgeForge.api('POST', '/api/v1/projects/' + projectId + '/jobs/test', body).then(function (started) {
          EdgeForge.showAlert('info', 'Testing on the current test set\u2026');
          watchTest(started.jobId, button);
        }).catch(function (problem) {
          EdgeForge.showAlert('error', M.problemMessage(problem));
          button.disabled = false;
        });
      });
    }
  }

  function watchTest(jobId, button) {
    var source = new EventSource('/api/v1/jobs/' + jobId + '/logs');
    source.addEventListener('end', function (event) {
      source.close();
      var job = JSON.parse(event.data);
      button.disabled = false;
      if (job.state !== 'succeeded') {
        EdgeForge.showAlert('error', 'The test ' + job.state + ': ' + (job.error || ''));
        return;
      }
      EdgeForge.showAlert('success', 'Tested on the current test set.');
      EdgeForge.api('GET', base).then(function (m) {
        model = m;
        renderMetrics();
        return loadPredictions();
      });
    });
  }

  function loadPredictions() {
    return EdgeForge.api('GET', base + '/predictions').then(function (view) {
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
    var best = 0;
    for (var i = 1; i < row.scores.length; i++) {
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
    var threshold = parseFloat($('threshold-slider').value);
    $('threshold-value').textContent = threshold.toFixed(2);
    var head = M.clear($('predictions-head'));
    var body = M.clear($('predictions-rows'));
    if (!predictions || predictions.rows.length === 0) {
      $('testing-summary').textContent = 'No test predictions: the model was not tested on a test set yet.';
      return;
    }
    var classification = model.kind === 'classification';
    var anomaly = model.kind === 'anomaly';
    ['Sample', 'Window', 'Label', 'Prediction', classification ? 'Confidence' : anomaly ? 'Score' : 'Value',
      classification ? 'int8' : ''].forEach(function (h) {
      head.appendChild(M.el('th', { text: h }));
    });
    var onlyWrong = $('only-wrong').checked;
    var judged = 0;
    var correct = 0;
    var uncertain = 0;
    var normalLabels = predictions.kind === 'anomaly' ? null : predictions.outputNames;
    var shown = 0;
    predictions.rows.forEach(function (row) {
      var p = predicted(row, threshold);
      var known;
      var ok = null;
      if (classification) {
        known = normalLabels.indexOf(row.label) >= 0;
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
      var confidence = classification ? Math.max.apply(null, row.scores) : row.scores[0];
      var tr = M.el('tr', { className: p === 'uncertain' ? 'ef-uncertain' : ok === false ? 'ef-wrong' : '',
        'data-prediction-row': '' }, [
        M.el('td', { className: 'mono', text: row.sampleId }), M.el('td', { text: String(row.windowIndex) }),
        M.el('td', { text: row.label }), M.el('td', { className: 'ef-predicted', text: p }),
        M.el('td', { text: model.kind === 'regression' ? p : M.number(confidence, 3) }),
        M.el('td', { text: classification && row.int8Scores ? predicted({ scores: row.int8Scores }, threshold) : '' })
      ]);
      body.appendChild(tr);
    });
    var summary = predictions.windows + ' test windows';
    if (judged > 0) {
      summary += ' \u00b7 accuracy ' + M.percent(correct / judged) + ' at this threshold';
    }
    if (classification) {
      summary += ' \u00b7 ' + uncertain + ' uncertain';
    }
    if (shown < predictions.rows.length) {
      summary += ' \u00b7 showing ' + shown;
    }
    $('testing-summary').textContent = summary;
  }

  function isAnomalyLabel(row) {
    return model.labels.indexOf(row.label) < 0;
  }

  /* ---- live classification ---- */

  function fillSamples() {
    var select = $('live-sample');
    var seen = {};
    while (select.options.length > 1) {
      select.remove(1);
    }
    (predictions ? predictions.rows : []).forEach(function (row) {
      if (!seen[row.sampleId]) {
        seen[row.sampleId] = true;
        select.appendChild(M.el('option', { value: row.sampleId, text: row.sampleId + ' (' + row.label + ')' }));
      }
    });
  }

  function setUpLive() {
    $('classify-sample').addEventListener('click', function () {
      var sampleId = $('live-sample').value;
      if (!sampleId) {
        EdgeForge.showAlert('error', 'Choose a sample to classify.');
        return;
      }
      EdgeForge.api('POST', base + '/classify', { sampleId: sampleId, threshold: threshold() })
        .then(showLive).catch(function (problem) { EdgeForge.showAlert('error', M.problemMessage(problem)); });
    });
    $('classify-file').addEventListener('click', function () {
      var file = $('live-file').files[0];
      if (!file) {
        EdgeForge.showAlert('error', 'Choose a file to classify.');
        return;
      }
      var data = new FormData();
      data.append('file', file);
      if (threshold() !== null) {
        data.append('threshold', String(threshold()));
      }
      M.upload(base + '/classify', data).then(showLive).catch(function (problem) {
        EdgeForge.showAlert('error', M.problemMessage(problem));
      });
    });
  }

  function threshold() {
    return model.kind === 'regression' ? null : parseFloat($('threshold-slider').value);
  }

  function showLive(result) {
    var box = M.clear($('live-result'));
    var counts = Object.keys(result.counts || {}).map(function (k) { return k + ': ' + result.counts[k]; });
    box.appendChild(M.el('p', { 'data-testid': 'live-summary', text: result.sample + (result.label ? ' (label ' +
      result.label + ')' : '') + ' \u2014 ' + result.windows.length + ' windows' + (counts.length ? ' \u00b7 ' +
      counts.join(', ') : '') }));
    var names = result.outputNames;
    var head = ['Window', 'Start (ms)', 'float32', 'int8'].concat(result.kind === 'classification' ? names : []);
    box.appendChild(M.el('div', { className: 'ef-scroll' }, [M.el('table', { className: 'list ef-compact',
      id: 'live-table' }, [
      M.el('thead', {}, [M.el('tr', {}, head.map(function (h) { return M.el('th', { text: h }); }))]),
      M.el('tbody', {}, result.windows.map(function (w) {
        var cells = [M.el('td', { text: String(w.windowIndex) }), M.el('td', { text: String(w.windowStartMs) }),
          M.el('td', { className: 'ef-predicted', text: w.float32Predicted || '\u2013' }),
          M.el('td', { text: w.int8Predicted || '\u2013' })];
        if (result.kind === 'classification') {
          var scores = w.float32 || w.int8;
          names.forEach(function (n, i) {
            cells.push(M.el('td', { text: M.number(scores[i], 3) }));
          });
        }
        return M.el('tr', { 'data-live-row': '' }, cells);
      }))])]));
  }

  /* ---- rename and delete ---- */

  function setUpManage(canEdit) {
    var form = $('rename-form');
    if (!canEdit || !form) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      EdgeForge.api('PATCH', base, { name: $('rename-input').value }).then(function (m) {
        model = m;
        $('model-name').textContent = m.name;
        EdgeForge.showAlert('success', 'Renamed.');
      }).catch(function (problem) { EdgeForge.showAlert('error', M.problemMessage(problem)); });
    });
    $('delete-model').addEventListener('click', function () {
      if (!window.confirm('Delete the model \u201c' + model.name + '\u201d and its files?')) {
        return;
      }
      EdgeForge.api('DELETE', base).then(function () {
        window.location.href = '/projects/' + projectId + '/models';
      }).catch(function (problem) { EdgeForge.showAlert('error', M.problemMessage(problem)); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-page=model]');
    if (root) {
      init(root);
    }
  });
})();
