/*
 * A model's compression page: the settings form (with a small student editor), the live run (job log and progress
 * over Server-Sent Events), the report as a table and a chart, and "Use for deployment" per variant. Everything goes
 * through the REST API with EdgeForge.api (js/app.js).
 */
(function () {
  'use strict';

  var root = document.querySelector('[data-page=compression]');
  if (!root) {
    return;
  }
  var projectId = root.getAttribute('data-project-id');
  var modelId = root.getAttribute('data-model-id');
  var canCompress = root.getAttribute('data-can-compress') === 'true';
  var modelBase = '/api/v1/projects/' + projectId + '/models/' + modelId;
  var run = { jobId: null, source: null };
  var current = null; // the last CompressionView loaded
  var studentInitialised = false;

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (text !== undefined && text !== null) {
      element.textContent = text;
    }
    return element;
  }

  function grouped(value) {
    return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  function percent(value) {
    return value === null || value === undefined ? '–' : (100 * value).toFixed(1) + ' %';
  }

  function problemMessage(problem) {
    var message = problem.detail || problem.title || 'Something went wrong.';
    if (problem.errors && problem.errors.length) {
      message += ' ' + problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    return message;
  }

  /* ---- student editor ---- */

  var SIZE_FIELD = { dense: 'units', conv1d: 'filters', conv2d: 'filters' };

  function studentRow(layer) {
    var item = el('li', 'cmp-student-layer');
    item.setAttribute('data-layer', JSON.stringify(layer));
    item.appendChild(el('span', 'cmp-layer-type', layer.type));
    var field = SIZE_FIELD[layer.type];
    if (field) {
      var input = el('input');
      input.type = 'number';
      input.min = '1';
      input.max = '4096';
      input.step = '1';
      input.value = layer[field];
      input.setAttribute('aria-label', field);
      input.setAttribute('data-size-field', field);
      item.appendChild(input);
      item.appendChild(el('span', 'muted', field + (layer.activation && layer.activation !== 'none'
        ? ', ' + layer.activation : '')));
    }
    var remove = el('button', 'btn btn-ghost btn-small', 'Remove');
    remove.type = 'button';
    remove.setAttribute('data-remove-layer', '');
    item.appendChild(remove);
    return item;
  }

  /** The model's hidden layers at half their units and filters: a student that is clearly smaller. */
  function initStudent(layers) {
    var list = $('student-layers');
    if (!list || studentInitialised) {
      return;
    }
    studentInitialised = true;
    var student = (layers && layers.length ? layers : [{ type: 'dense', units: 16, activation: 'relu' }])
      .map(function (layer) {
        var copy = JSON.parse(JSON.stringify(layer));
        var field = SIZE_FIELD[copy.type];
        if (field) {
          copy[field] = Math.max(1, Math.round(copy[field] / 2));
        }
        return copy;
      });
    student.forEach(function (layer) { list.appendChild(studentRow(layer)); });
  }

  function studentLayers() {
    return Array.prototype.map.call($('student-layers').children, function (item) {
      var layer = JSON.parse(item.getAttribute('data-layer'));
      var input = item.querySelector('[data-size-field]');
      if (input) {
        layer[input.getAttribute('data-size-field')] = parseInt(input.value, 10);
      }
      return layer;
    });
  }

  /* ---- the form ---- */

  function number(form, name) {
    var value = form.querySelector('[name=' + name + ']').value.trim();
    return value === '' ? null : Number(value);
  }

  function request(form) {
    var body = { modelId: modelId };
    if (form.querySelector('[name=magnitude]').checked) {
      body.magnitudePruning = { targetSparsity: number(form, 'targetSparsity') / 100 };
    }
    if (form.querySelector('[name=structured]').checked) {
      body.structuredPruning = { fraction: number(form, 'fraction') / 100 };
    }
    if (form.querySelector('[name=distillation]').checked) {
      body.distillation = { studentLayers: studentLayers(), temperature: number(form, 'temperature'),
        alpha: number(form, 'alpha'), epochs: number(form, 'studentEpochs') };
    }
    body.fineTuneEpochs = number(form, 'fineTuneEpochs');
    var rate = number(form, 'fineTuneLearningRate');
    if (rate !== null) {
      body.fineTuneLearningRate = rate;
    }
    return body;
  }

  function initForm() {
    var form = $('compress-form');
    if (!form) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = $('start-compression');
      button.disabled = true;
      EdgeForge.api('POST', '/api/v1/projects/' + projectId + '/jobs/compress', request(form))
        .then(function (started) {
          follow(started.jobId);
        })
        .catch(function (problem) {
          button.disabled = false;
          EdgeForge.showAlert('error', problemMessage(problem));
        });
    });
    form.addEventListener('click', function (event) {
      var remove = event.target.closest('[data-remove-layer]');
      if (remove) {
        remove.closest('li').remove();
      }
    });
    $('add-student-layer').addEventListener('click', function () {
      $('student-layers').appendChild(studentRow({ type: 'dense', units: 8, activation: 'relu' }));
    });
  }

  /* ---- the run ---- */

  function setState(state) {
    var badge = $('run-state');
    badge.textContent = state;
    badge.className = 'badge cmp-state-' + state;
  }

  function appendLog(line) {
    var log = $('compression-log');
    log.appendChild(document.createTextNode(line + '\n'));
    log.scrollTop = log.scrollHeight;
  }

  function follow(jobId) {
    if (run.source) {
      run.source.close();
    }
    run.jobId = jobId;
    $('run-card').classList.remove('hidden');
    $('run-error').classList.add('hidden');
    $('compression-log').textContent = '';
    $('run-progress').style.width = '0%';
    setState('queued');
    $('cancel-compression').classList.toggle('hidden', !canCompress);
    $('cancel-compression').disabled = false;
    var button = $('start-compression');
    if (button) {
      button.disabled = true;
    }
    var source = new EventSource('/api/v1/jobs/' + jobId + '/logs');
    run.source = source;
    source.addEventListener('log', function (event) {
      appendLog(event.data);
    });
    source.addEventListener('progress', function (event) {
      var job = JSON.parse(event.data);
      setState(job.state);
      $('run-progress').style.width = (100 * job.progress).toFixed(1) + '%';
    });
    source.addEventListener('end', function (event) {
      source.close();
      run.source = null;
      var job = JSON.parse(event.data);
      setState(job.state);
      $('cancel-compression').classList.add('hidden');
      if (job.state === 'succeeded') {
        $('run-progress').style.width = '100%';
      } else if (job.error) {
        $('run-error').textContent = job.error;
        $('run-error').classList.remove('hidden');
      }
      load();
    });
  }

  function initCancel() {
    $('cancel-compression').addEventListener('click', function () {
      if (!run.jobId) {
        return;
      }
      $('cancel-compression').disabled = true;
      EdgeForge.api('POST', '/api/v1/jobs/' + run.jobId + '/cancel').catch(function (problem) {
        $('cancel-compression').disabled = false;
        EdgeForge.showAlert('error', problemMessage(problem));
      });
    });
  }

  /* ---- the report ---- */

  function reportRow(variant, result, chosen) {
    var row = el('tr');
    row.setAttribute('data-variant', variant.name);
    if (chosen && chosen.variant === variant.name && chosen.jobId === result.jobId) {
      row.className = 'chosen';
    }
    var name = el('td');
    name.appendChild(el('strong', 'mono', variant.name));
    name.appendChild(el('span', 'sub', variant.description));
    row.appendChild(name);
    row.appendChild(el('td', 'num', percent(variant.testAccuracy)));
    row.appendChild(el('td', 'num', grouped(variant.parameters)));
    row.appendChild(el('td', 'num', grouped(variant.weightBytes)));
    row.appendChild(el('td', 'num', grouped(variant.macs)));
    row.appendChild(el('td', 'num', grouped(variant.activationLowerBound)));
    row.appendChild(el('td', 'num', percent(variant.sparsity)));
    row.appendChild(el('td', 'num', grouped(variant.tfliteBytes)));
    var actions = el('td', 'actions');
    var download = el('a', 'btn btn-ghost btn-small', 'Download');
    download.title = 'Download ' + variant.name + '.tflite';
    download.href = result.downloads[variant.name];
    download.setAttribute('download', '');
    actions.appendChild(download);
    if (row.className === 'chosen') {
      actions.appendChild(el('span', 'badge cmp-chosen', 'deploys'));
    } else if (canCompress) {
      var use = el('button', 'btn btn-small', 'Use for deployment');
      use.title = 'Deploy this variant of the model';
      use.type = 'button';
      use.setAttribute('data-use-variant', variant.name);
      actions.appendChild(use);
    }
    row.appendChild(actions);
    return row;
  }

  function renderReport(view) {
    var result = view.result;
    if (!result) {
      $('report-card').classList.add('hidden');
      return;
    }
    $('report-card').classList.remove('hidden');
    var report = result.report;
    $('report-meta').textContent = report.testSamples + ' test windows · ' + report.classNames.join(', ');
    var rows = $('report-rows');
    rows.textContent = '';
    report.variants.forEach(function (variant) {
      rows.appendChild(reportRow(variant, result, view.chosen));
    });
    var chosenName = view.chosen && view.chosen.jobId === result.jobId ? view.chosen.variant : null;
    window.EdgeForgeCompressionChart.draw($('report-chart'), report.variants, chosenName);
  }

  function initReport() {
    $('report-rows').addEventListener('click', function (event) {
      var use = event.target.closest('[data-use-variant]');
      if (!use) {
        return;
      }
      use.disabled = true;
      var variant = use.getAttribute('data-use-variant');
      EdgeForge.api('POST', modelBase + '/deploy-variant', { variant: variant, jobId: current.result.jobId })
        .then(function () {
          EdgeForge.showAlert('success', 'Deployments of this model now use the variant ' + variant + '.');
          return load();
        })
        .catch(function (problem) {
          use.disabled = false;
          EdgeForge.showAlert('error', problemMessage(problem));
        });
    });
  }

  /* ---- loading ---- */

  function render(view) {
    current = view;
    initStudent(view.layers);
    var unavailable = $('compress-unavailable');
    unavailable.textContent = view.reason || '';
    unavailable.classList.toggle('hidden', view.compressible);
    var button = $('start-compression');
    if (button) {
      button.disabled = !view.compressible;
    }
    var latest = view.latestJob;
    if (latest && !run.source && (latest.state === 'queued' || latest.state === 'running')) {
      follow(latest.id);
    } else if (latest && !run.jobId && (latest.state === 'failed' || latest.state === 'cancelled')) {
      $('run-card').classList.remove('hidden');
      setState(latest.state);
      $('run-error').textContent = latest.error || 'The last compression was ' + latest.state + '.';
      $('run-error').classList.remove('hidden');
    }
    renderReport(view);
  }

  function load() {
    return EdgeForge.api('GET', modelBase + '/compression').then(render).catch(function (problem) {
      EdgeForge.showAlert('error', problemMessage(problem));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initForm();
    initCancel();
    initReport();
    load();
  });
})();
