/*
 * The Tuner page: the budget form (limits prefilled from the chosen board), the live search (job log and progress
 * followed with followJob), the candidates as a table sortable by every column and a scatter plot, and "Use this" per
 * candidate. Everything goes through the REST API.
 */
import { drawTunerChart } from './tuner-chart.js';
import {
  alertProblem, api, appendLine, byId, el, followJob, forPage, formatCount, formatNumber, formatPercent, showAlert,
  showAttempts
} from './ui.js';

function numberField(form, name) {
  const value = form.querySelector('[name=' + name + ']').value.trim();
  return value === '' ? null : Number(value);
}

function setState(state) {
  const badge = byId('run-state');
  badge.textContent = state;
  badge.className = 'badge cmp-state-' + state;
}

/** Sorts candidates by a column; text columns ascending, numbers as asked. */
export function sortCandidates(candidates, key, ascending) {
  const sign = ascending ? 1 : -1;
  return candidates.slice().sort((a, b) => {
    const left = a[key];
    const right = b[key];
    if (typeof left === 'string') {
      return sign * left.localeCompare(right);
    }
    return sign * (Number(left) - Number(right)) || a.id.localeCompare(b.id);
  });
}

function init(root) {
  const projectId = root.getAttribute('data-project-id');
  const canTune = root.getAttribute('data-can-tune') === 'true';
  const boards = JSON.parse(root.getAttribute('data-boards') || '[]');
  const base = '/api/v1/projects/' + projectId;
  const page = { jobId: null, follower: null, result: null, sort: null, ascending: false, poll: null };

  function prefill() {
    const form = byId('tune-form');
    if (!form) {
      return;
    }
    const board = boards.find((b) => b.id === form.querySelector('[name=target]').value);
    if (board) {
      form.querySelector('[name=maxRamBytes]').value = board.ramBytes;
      form.querySelector('[name=maxFlashBytes]').value = board.flashBytes;
    }
  }

  /* ---- the candidates ---- */

  function row(candidate) {
    const number = (text) => el('td', { className: 'num', text });
    const actions = el('td', { className: 'actions' });
    if (canTune) {
      actions.appendChild(el('button', { className: 'btn btn-small', type: 'button', text: 'Use this',
        title: 'Save this candidate as the project\'s impulse', 'data-apply': candidate.id }));
    }
    const over = candidate.exceeds && candidate.exceeds.length ? 'over: ' + candidate.exceeds.join(', ') : 'yes';
    const best = candidate.id === page.result.best;
    const classes = [best ? 'chosen' : null, candidate.measured ? 'measured' : null].filter(Boolean).join(' ');
    return el('tr', { 'data-candidate': candidate.id, className: classes || null }, [
      el('td', {}, [el('strong', { className: 'mono', text: candidate.id }),
        el('span', { className: 'sub', text: candidate.description })]),
      number(formatPercent(candidate.validationAccuracy)),
      number(formatNumber(candidate.latencyMs, 2)),
      number(formatCount(candidate.ramBytes)),
      number(formatCount(candidate.flashBytes)),
      number(String(candidate.epochs)),
      el('td', { text: candidate.fitsBudget ? 'yes' : over }),
      costs(candidate),
      actions
    ]);
  }

  /** "measured" with what QEMU counted and the estimate it replaced, or "estimated". */
  function costs(candidate) {
    if (!candidate.measured || !candidate.measurement) {
      return el('td', { className: 'muted', text: 'estimated' });
    }
    const m = candidate.measurement;
    const e = candidate.estimate;
    const title = formatCount(m.instructions) + ' instructions per inference (DSP ' + formatCount(m.dspInstructions)
      + ', network ' + formatCount(m.networkInstructions) + '), arena ' + formatCount(m.arenaBytes) + ' B, peak RAM '
      + formatCount(m.peakRamBytes) + ' B (static RAM plus the stack used); '
      + m.note + (e ? '. Estimate was ' + formatNumber(e.latencyMs, 2) + ' ms, ' + formatCount(e.ramBytes)
        + ' B RAM, ' + formatCount(e.flashBytes) + ' B flash' : '');
    return el('td', { title }, [
      el('span', { className: 'badge cmp-state-succeeded', text: 'measured' }),
      el('span', { className: 'sub', text: formatCount(m.instructions) + ' instr.'
        + (m.verified ? ', verified' : ', outputs differ') })
    ]);
  }

  function renderMeasurement(view) {
    const m = view.measurement;
    const line = byId('measure-state');
    const text = {
      none: '',
      pending: 'The best candidates within the budget are about to be built and run in QEMU.',
      queued: 'The best candidates within the budget wait for the firmware builder, to be run in QEMU.',
      running: 'The best candidates within the budget are being built and run in QEMU…',
      succeeded: 'Rows marked "measured" were built and run in QEMU' + (m.emulator ? ' (' + m.emulator + ')' : '')
        + '.' + (m.failures.length ? ' Not measured: ' + m.failures.join('; ') : ''),
      failed: 'Measuring in QEMU failed: ' + (m.error || 'no reason given') + '; the costs stay estimated.',
      cancelled: 'Measuring in QEMU was cancelled; the costs stay estimated.'
    }[m.state] || '';
    line.textContent = text;
    line.setAttribute('data-state', m.state);
  }

  function renderRows() {
    const rows = byId('tune-rows');
    rows.textContent = '';
    const candidates = page.sort
      ? sortCandidates(page.result.candidates, page.sort, page.ascending)
      : page.result.candidates;
    candidates.forEach((c) => rows.appendChild(row(c)));
    byId('tune-table').querySelectorAll('th[data-sort]').forEach((th) => {
      const key = th.getAttribute('data-sort');
      th.setAttribute('aria-sort', key === page.sort ? (page.ascending ? 'ascending' : 'descending') : 'none');
    });
  }

  function renderResult(result) {
    page.result = result;
    byId('result-card').classList.remove('hidden');
    const limits = result.limits;
    byId('result-meta').textContent = result.trained + ' of ' + result.drawn + ' candidates trained in '
      + Math.round(result.seconds) + ' s' + (result.budgetReached ? ' (time budget reached)' : '')
      + ' · ' + result.trainingSamples + ' training / ' + result.validationSamples + ' validation samples · limits: '
      + (limits.maxLatencyMs ? limits.maxLatencyMs + ' ms, ' : 'any latency, ')
      + formatCount(limits.maxRamBytes) + ' B RAM, ' + formatCount(limits.maxFlashBytes) + ' B flash';
    renderRows();
    drawTunerChart(byId('tune-chart'), result.candidates, limits);
  }

  /** The result, then again every few seconds while the finalists are being measured. */
  async function loadResult(jobId) {
    if (page.poll) {
      clearTimeout(page.poll);
      page.poll = null;
    }
    try {
      const view = await api('GET', base + '/jobs/tune/' + encodeURIComponent(jobId));
      if (jobId !== page.jobId || !view.result) {
        return;
      }
      renderResult(view.result);
      renderMeasurement(view);
      if (['pending', 'queued', 'running'].includes(view.measurement.state)) {
        page.poll = setTimeout(() => loadResult(jobId), 3000);
      }
    } catch (problem) {
      alertProblem(problem);
    }
  }

  /* ---- the run ---- */

  function follow(jobId) {
    if (page.follower) {
      page.follower.close();
    }
    page.jobId = jobId;
    byId('run-card').classList.remove('hidden');
    byId('run-error').classList.add('hidden');
    byId('tune-log').textContent = '';
    byId('run-progress').style.width = '0%';
    setState('queued');
    byId('cancel-tune').classList.toggle('hidden', !canTune);
    const button = byId('start-tune');
    if (button) {
      button.disabled = true;
    }
    page.follower = followJob(jobId, {
      onLog(line) {
        appendLine(byId('tune-log'), line);
      },
      onProgress(job) {
        setState(job.state);
        byId('run-progress').style.width = (100 * job.progress).toFixed(1) + '%';
        showAttempts(job, byId('run-progress').parentElement);
      },
      onEnd(job) {
        page.follower = null;
        setState(job.state);
        byId('cancel-tune').classList.add('hidden');
        if (button) {
          button.disabled = false;
        }
        if (job.state === 'succeeded') {
          byId('run-progress').style.width = '100%';
          loadResult(job.id);
        } else if (job.error) {
          byId('run-error').textContent = job.error;
          byId('run-error').classList.remove('hidden');
        }
      },
      onError(problem) {
        page.follower = null;
        alertProblem(problem);
      }
    });
  }

  async function latest() {
    try {
      const jobs = await api('GET', base + '/jobs?type=tune&limit=1');
      if (jobs.length) {
        follow(jobs[0].id);
      }
    } catch (problem) {
      alertProblem(problem);
    }
  }

  /* ---- events ---- */

  const form = byId('tune-form');
  if (form) {
    form.querySelector('[name=target]').addEventListener('change', prefill);
    prefill();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {
        target: form.querySelector('[name=target]').value,
        maxLatencyMs: numberField(form, 'maxLatencyMs'),
        maxRamBytes: numberField(form, 'maxRamBytes'),
        maxFlashBytes: numberField(form, 'maxFlashBytes'),
        budgetMinutes: numberField(form, 'budgetMinutes'),
        objective: form.querySelector('[name=objective]').value,
        seed: numberField(form, 'seed')
      };
      try {
        const started = await api('POST', base + '/jobs/tune', body);
        byId('result-card').classList.add('hidden');
        follow(started.jobId);
      } catch (problem) {
        alertProblem(problem);
      }
    });
  }

  byId('cancel-tune').addEventListener('click', async () => {
    if (!page.jobId) {
      return;
    }
    byId('cancel-tune').disabled = true;
    try {
      await api('POST', '/api/v1/jobs/' + encodeURIComponent(page.jobId) + '/cancel');
    } catch (problem) {
      alertProblem(problem);
    } finally {
      byId('cancel-tune').disabled = false;
    }
  });

  byId('tune-table').querySelector('thead').addEventListener('click', (event) => {
    const th = event.target.closest('th[data-sort]');
    if (!th || !page.result) {
      return;
    }
    const key = th.getAttribute('data-sort');
    page.ascending = page.sort === key ? !page.ascending : key === 'id' || key === 'latencyMs'
      || key === 'ramBytes' || key === 'flashBytes';
    page.sort = key;
    renderRows();
  });

  byId('tune-rows').addEventListener('click', async (event) => {
    const button = event.target.closest('[data-apply]');
    if (!button) {
      return;
    }
    const candidateId = button.getAttribute('data-apply');
    button.disabled = true;
    try {
      const applied = await api('POST', base + '/jobs/tune/' + encodeURIComponent(page.jobId) + '/apply',
        { candidateId });
      showAlert('success', 'Candidate ' + applied.candidateId + ' is now impulse version ' + applied.impulseVersion
        + (applied.changed ? '' : ' (it already was)') + '. Generate features and train it (learning rate '
        + applied.learningRate + ').');
    } catch (problem) {
      alertProblem(problem);
    } finally {
      button.disabled = false;
    }
  });

  latest();
}

forPage('tuner', init);
