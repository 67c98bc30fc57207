/*
 * A model's compression page: the settings form (with a small student editor), the live run (job log and progress
 * followed with followJob), the report as a table and a chart, and "Use for deployment" per variant. Everything goes
 * through the REST API.
 */
import { drawCompressionChart } from './compression-chart.js';
import {
  alertProblem, api, appendLine, byId, el, followJob, forPage, formatCount, formatPercent, showAlert, showAttempts
} from './ui.js';

/** The field that sizes a layer of each type the student editor can resize. */
const SIZE_FIELD = { dense: 'units', conv1d: 'filters', conv2d: 'filters' };

function studentRow(layer) {
  const field = SIZE_FIELD[layer.type];
  const children = [el('span', { className: 'cmp-layer-type', text: layer.type })];
  if (field) {
    children.push(el('input', { type: 'number', min: '1', max: '4096', step: '1', value: layer[field],
      'aria-label': field, 'data-size-field': field }));
    children.push(el('span', { className: 'muted', text: field + (layer.activation && layer.activation !== 'none'
      ? ', ' + layer.activation : '') }));
  }
  children.push(el('button', { type: 'button', className: 'btn btn-ghost btn-small', text: 'Remove',
    'data-remove-layer': '' }));
  return el('li', { className: 'cmp-student-layer', 'data-layer': JSON.stringify(layer) }, children);
}

/** The model's hidden layers at half their units and filters: a student that is clearly smaller. */
function halfSizeStudent(layers) {
  return (layers && layers.length ? layers : [{ type: 'dense', units: 16, activation: 'relu' }]).map((layer) => {
    const copy = structuredClone(layer);
    const field = SIZE_FIELD[copy.type];
    if (field) {
      copy[field] = Math.max(1, Math.round(copy[field] / 2));
    }
    return copy;
  });
}

function studentLayers() {
  return Array.from(byId('student-layers').children, (item) => {
    const layer = JSON.parse(item.getAttribute('data-layer'));
    const input = item.querySelector('[data-size-field]');
    if (input) {
      layer[input.getAttribute('data-size-field')] = parseInt(input.value, 10);
    }
    return layer;
  });
}

function numberField(form, name) {
  const value = form.querySelector('[name=' + name + ']').value.trim();
  return value === '' ? null : Number(value);
}

function compressionRequest(form, modelId) {
  const body = { modelId };
  if (form.querySelector('[name=magnitude]').checked) {
    body.magnitudePruning = { targetSparsity: numberField(form, 'targetSparsity') / 100 };
  }
  if (form.querySelector('[name=structured]').checked) {
    body.structuredPruning = { fraction: numberField(form, 'fraction') / 100 };
  }
  if (form.querySelector('[name=distillation]').checked) {
    body.distillation = { studentLayers: studentLayers(), temperature: numberField(form, 'temperature'),
      alpha: numberField(form, 'alpha'), epochs: numberField(form, 'studentEpochs') };
  }
  body.fineTuneEpochs = numberField(form, 'fineTuneEpochs');
  const rate = numberField(form, 'fineTuneLearningRate');
  if (rate !== null) {
    body.fineTuneLearningRate = rate;
  }
  return body;
}

function setState(state) {
  const badge = byId('run-state');
  badge.textContent = state;
  badge.className = 'badge cmp-state-' + state;
}

function init(root) {
  const projectId = root.getAttribute('data-project-id');
  const modelId = root.getAttribute('data-model-id');
  const canCompress = root.getAttribute('data-can-compress') === 'true';
  const modelBase = '/api/v1/projects/' + projectId + '/models/' + modelId;
  // what the page shows: the job it follows, the last CompressionView loaded, whether the student was filled in
  const page = { jobId: null, follower: null, view: null, studentFilled: false };

  function fillStudent(layers) {
    const list = byId('student-layers');
    if (!list || page.studentFilled) {
      return;
    }
    page.studentFilled = true;
    halfSizeStudent(layers).forEach((layer) => list.appendChild(studentRow(layer)));
  }

  /* ---- the run ---- */

  function follow(jobId) {
    if (page.follower) {
      page.follower.close();
    }
    page.jobId = jobId;
    byId('run-card').classList.remove('hidden');
    byId('run-error').classList.add('hidden');
    byId('compression-log').textContent = '';
    byId('run-progress').style.width = '0%';
    setState('queued');
    byId('cancel-compression').classList.toggle('hidden', !canCompress);
    byId('cancel-compression').disabled = false;
    const button = byId('start-compression');
    if (button) {
      button.disabled = true;
    }
    page.follower = followJob(jobId, {
      onLog(line) {
        appendLine(byId('compression-log'), line);
      },
      onProgress(job) {
        setState(job.state);
        byId('run-progress').style.width = (100 * job.progress).toFixed(1) + '%';
        showAttempts(job, byId('run-progress').parentElement);
      },
      onEnd(job) {
        showAttempts(job, byId('run-progress').parentElement);
        page.follower = null;
        setState(job.state);
        byId('cancel-compression').classList.add('hidden');
        if (job.state === 'succeeded') {
          byId('run-progress').style.width = '100%';
        } else if (job.error) {
          byId('run-error').textContent = job.error;
          byId('run-error').classList.remove('hidden');
        }
        load();
      },
      onError(problem) {
        page.follower = null;
        alertProblem(problem);
      }
    });
  }

  /* ---- the report ---- */

  function reportRow(variant, result, chosen) {
    const isChosen = Boolean(chosen && chosen.variant === variant.name && chosen.jobId === result.jobId);
    const actions = el('td', { className: 'actions' }, [el('a', { className: 'btn btn-ghost btn-small',
      text: 'Download', title: 'Download ' + variant.name + '.tflite', href: result.downloads[variant.name],
      download: true })]);
    if (isChosen) {
      actions.appendChild(el('span', { className: 'badge cmp-chosen', text: 'deploys' }));
    } else if (canCompress) {
      actions.appendChild(el('button', { className: 'btn btn-small', text: 'Use for deployment',
        title: 'Deploy this variant of the model', type: 'button', 'data-use-variant': variant.name }));
    }
    const number = (text) => el('td', { className: 'num', text });
    return el('tr', { 'data-variant': variant.name, className: isChosen ? 'chosen' : null }, [
      el('td', {}, [el('strong', { className: 'mono', text: variant.name }),
        el('span', { className: 'sub', text: variant.description })]),
      number(formatPercent(variant.testAccuracy)),
      number(formatCount(variant.parameters)),
      number(formatCount(variant.weightBytes)),
      number(formatCount(variant.macs)),
      number(formatCount(variant.activationLowerBound)),
      number(formatPercent(variant.sparsity)),
      number(formatCount(variant.tfliteBytes)),
      actions
    ]);
  }

  function renderReport(view) {
    const result = view.result;
    if (!result) {
      byId('report-card').classList.add('hidden');
      return;
    }
    byId('report-card').classList.remove('hidden');
    const report = result.report;
    byId('report-meta').textContent = report.testSamples + ' test windows · ' + report.classNames.join(', ');
    const rows = byId('report-rows');
    rows.textContent = '';
    report.variants.forEach((variant) => rows.appendChild(reportRow(variant, result, view.chosen)));
    const chosenName = view.chosen && view.chosen.jobId === result.jobId ? view.chosen.variant : null;
    drawCompressionChart(byId('report-chart'), report.variants, chosenName);
  }

  /* ---- loading ---- */

  function render(view) {
    page.view = view;
    fillStudent(view.layers);
    const unavailable = byId('compress-unavailable');
    unavailable.textContent = view.reason || '';
    unavailable.classList.toggle('hidden', view.compressible);
    const button = byId('start-compression');
    if (button) {
      button.disabled = !view.compressible;
    }
    const latest = view.latestJob;
    if (latest && !page.follower && (latest.state === 'queued' || latest.state === 'running')) {
      follow(latest.id);
    } else if (latest && !page.jobId && (latest.state === 'failed' || latest.state === 'cancelled')) {
      byId('run-card').classList.remove('hidden');
      setState(latest.state);
      byId('run-error').textContent = latest.error || 'The last compression was ' + latest.state + '.';
      byId('run-error').classList.remove('hidden');
    }
    renderReport(view);
  }

  function load() {
    return api('GET', modelBase + '/compression').then(render).catch(alertProblem);
  }

  /* ---- controls ---- */

  const form = byId('compress-form');
  if (form) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const button = byId('start-compression');
      button.disabled = true;
      api('POST', '/api/v1/projects/' + projectId + '/jobs/compress', compressionRequest(form, modelId))
        .then((started) => follow(started.jobId))
        .catch((problem) => {
          button.disabled = false;
          alertProblem(problem);
        });
    });
    form.addEventListener('click', (event) => {
      const remove = event.target.closest('[data-remove-layer]');
      if (remove) {
        remove.closest('li').remove();
      }
    });
    byId('add-student-layer').addEventListener('click', () => {
      byId('student-layers').appendChild(studentRow({ type: 'dense', units: 8, activation: 'relu' }));
    });
  }

  byId('cancel-compression').addEventListener('click', () => {
    if (!page.jobId) {
      return;
    }
    byId('cancel-compression').disabled = true;
    api('POST', '/api/v1/jobs/' + page.jobId + '/cancel').catch((problem) => {
      byId('cancel-compression').disabled = false;
      alertProblem(problem);
    });
  });

  byId('report-rows').addEventListener('click', (event) => {
    const use = event.target.closest('[data-use-variant]');
    if (!use) {
      return;
    }
    use.disabled = true;
    const variant = use.getAttribute('data-use-variant');
    api('POST', modelBase + '/deploy-variant', { variant, jobId: page.view.result.jobId })
      .then(() => {
        showAlert('success', 'Deployments of this model now use the variant ' + variant + '.');
        return load();
      })
      .catch((problem) => {
        use.disabled = false;
        alertProblem(problem);
      });
  });

  load();
}

forPage('compression', init);
