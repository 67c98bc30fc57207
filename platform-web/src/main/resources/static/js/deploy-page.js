/*
 * The Deployment page: estimates per target for the chosen model, Build (POST), the job's live log and progress
 * (followJob), the result (verification, memory report, download) and the list of past deployments. No inline
 * scripts; the page declares its data with data-* attributes.
 */
import {
  alertProblem, api, appendLine, byId, DASH, el, followJob, forPage, formatBytes, formatCount, formatDate,
  formatNumber, formatPercent, showAlert, showAttempts
} from './ui.js';

function text(element, value) {
  if (element) {
    element.textContent = value;
  }
}

function millis(ms) {
  if (ms < 1) {
    return ms.toFixed(3) + ' ms';
  }
  return (ms < 100 ? ms.toFixed(1) : Math.round(ms)) + ' ms';
}

/** A share as the progress figure: "40%", "12.5%". */
function percent(fraction) {
  return (100 * fraction).toFixed(fraction === 1 || fraction === 0 ? 0 : 1) + '%';
}

/** Appends a cell holding a node or a text. */
function cell(row, value, className) {
  const td = value instanceof Node ? el('td', { className }, [value]) : el('td', { className, text: value });
  row.appendChild(td);
  return td;
}

function badge(label, kind) {
  return el('span', { className: 'badge ' + kind, text: label });
}

function fact(list, term, value) {
  list.appendChild(el('dt', { text: term }));
  const dd = el('dd', { text: value });
  list.appendChild(dd);
  return dd;
}

/** Instructions of one part of an inference over the windows: "1,510,000 mean (1,500,000 – 1,520,000)". */
function spread(part) {
  return formatCount(part.mean) + ' mean (' + formatCount(part.min) + ' – ' + formatCount(part.max) + ')';
}

function checklistOutcome(outcome) {
  if (outcome === 'pass') {
    return 'PASS';
  }
  return outcome === 'fail' ? 'FAIL' : 'not measured';
}

function checklistKind(outcome) {
  if (outcome === 'pass') {
    return 'verified';
  }
  return outcome === 'fail' ? 'not-verified' : 'not-emulated';
}

/** A checklist figure in its unit: bytes as bytes, milliseconds to two places, windows as a count. */
function checklistFigure(value, unit) {
  if (value === null || value === undefined) {
    return DASH;
  }
  if (unit === 'bytes') {
    // exact bytes beside the rounded size, so a figure just under the limit never reads as equal to it
    return formatBytes(value) + ' (' + formatCount(value) + ' bytes)';
  }
  if (unit === 'ms') {
    return value.toFixed(2) + ' ms';
  }
  return formatCount(value) + (unit ? ' ' + unit : '');
}

/*
 * The deploy job's log lines that say how far the verification in QEMU has got (firmware-builder's DeployJobHandler
 * writes them after every QEMU run and once the stratified first sample is stored): the page shows them as they come.
 */
const VERIFIED_SO_FAR = /^Verified (\d+) of (\d+) windows$/;
const SAMPLE_STORED = /^Stored the sample's verification \((\d+) of (\d+) windows, ([a-z-]+)\); verifying the rest$/;

/** The verification's state on the page, from one log line; null when the line is not about it. */
export function verificationProgress(line, previous) {
  const done = VERIFIED_SO_FAR.exec(line);
  if (done) {
    return { ...previous, done: Number(done[1]), total: Number(done[2]) };
  }
  const sample = SAMPLE_STORED.exec(line);
  if (sample) {
    return { ...previous, sample: Number(sample[1]), total: Number(sample[2]), sampleStatus: sample[3] };
  }
  return null;
}

/** "Verified on the device so far: 200 of 768 windows · first sample (200 windows): verified" */
export function verificationText(progress) {
  const parts = [];
  if (progress.done !== undefined) {
    parts.push((progress.done < progress.total ? 'Verified on the device so far: ' : 'Verified on the device: ')
      + formatCount(progress.done) + ' of ' + formatCount(progress.total) + ' windows');
  }
  if (progress.sample !== undefined) {
    parts.push('first sample (' + formatCount(progress.sample) + ' windows): ' + progress.sampleStatus
      + (progress.done === undefined || progress.done < progress.total ? ', verifying the rest' : ''));
  }
  return parts.join(' · ');
}

function open(state) {
  return state === 'queued' || state === 'building';
}

function init(root) {
  const projectId = root.getAttribute('data-project-id');
  const canDeploy = root.getAttribute('data-can-deploy') === 'true';
  const base = '/api/v1/projects/' + projectId;
  const modelSelect = byId('deploy-model');
  const variantSelect = byId('deploy-variant');
  let following = null; // { deploymentId, follower }

  /* ---- choices ---- */

  function chosen(name) {
    const input = root.querySelector('input[name=' + name + ']:checked');
    return input ? input.value : null;
  }

  root.addEventListener('change', (event) => {
    if (event.target.name === 'target') {
      root.querySelectorAll('.target-card').forEach((card) => {
        card.classList.toggle('selected', card.getAttribute('data-target') === event.target.value);
      });
    }
  });

  /*
   * The variants of the chosen model (issue #17): its own int8 file, then its compressed int8 variants, the one chosen
   * on the compression page ("Use for deployment") selected; an anomaly model has none (its scorer is float32).
   */
  function fillVariants() {
    const option = modelSelect.options[modelSelect.selectedIndex];
    const choice = JSON.parse(option.getAttribute('data-variants') || '{"compressed":[]}');
    variantSelect.textContent = '';
    if (option.getAttribute('data-anomaly') === 'true') {
      variantSelect.appendChild(el('option', { value: '', text: 'the anomaly scorer (float32)' }));
      variantSelect.disabled = true;
      return;
    }
    variantSelect.disabled = false;
    variantSelect.appendChild(el('option', { value: 'int8', text: 'int8 (the trained model, quantized)' }));
    choice.compressed.forEach((variant) => {
      const parts = [variant.name, formatBytes(variant.weightBytes) + ' of weights'];
      if (variant.testAccuracy !== null && variant.testAccuracy !== undefined) {
        parts.push('test accuracy ' + formatPercent(variant.testAccuracy));
      }
      if (variant.chosen) {
        parts.push('chosen for deployment');
      }
      const item = el('option', { value: variant.name, text: parts.join(' · ') });
      item.setAttribute('data-weight-bytes', String(variant.weightBytes));
      variantSelect.appendChild(item);
    });
    variantSelect.value = choice.defaultVariant || 'int8';
  }

  /* ---- estimates ---- */

  /* An anomaly model has no network: only the formats that compile its scorer are offered. */
  function offerFormats(anomaly) {
    root.querySelectorAll('input[name=format]').forEach((input) => {
      const usable = input.getAttribute('data-available') === 'true'
        && (!anomaly || input.getAttribute('data-anomaly') === 'true');
      input.disabled = !usable;
      if (!usable && input.checked) {
        input.checked = false;
        root.querySelector('input[name=format][value=firmware]').checked = true;
      }
      const note = input.parentElement.querySelector('.anomaly-only');
      if (note) {
        note.classList.toggle('hidden', !anomaly);
      }
    });
  }

  function showModelInfo() {
    const option = modelSelect.options[modelSelect.selectedIndex];
    const labels = option.getAttribute('data-labels');
    const impulse = option.getAttribute('data-impulse');
    const anomaly = option.getAttribute('data-anomaly') === 'true';
    offerFormats(anomaly);
    if (anomaly) {
      text(byId('deploy-model-info'), [
        'anomaly model: the device computes its score (float32) and decides with the saved threshold',
        impulse ? 'impulse v' + impulse + ' (its DSP block is built in)' : 'no impulse: fed features directly',
        option.getAttribute('data-test-set') === 'true' ? 'test set: device scores are compared with the server\'s'
          : 'no test set: not verified'
      ].join(' · '));
      return;
    }
    text(byId('deploy-model-info'), [
      labels ? 'labels: ' + labels : 'no class labels',
      impulse ? 'impulse v' + impulse + ' (its DSP block is built in)' : 'no impulse: fed features directly',
      option.getAttribute('data-test-set') === 'true' ? 'test set available for verification'
        : 'no test set: verified on seeded random windows'
    ].join(' · '));
  }

  function showEstimate(estimate) {
    const element = root.querySelector('[data-estimate-for="' + estimate.target + '"]');
    if (!element) {
      return;
    }
    element.textContent = '';
    element.classList.toggle('too-big', !estimate.fits);
    [['RAM', formatBytes(estimate.ram.totalBytes) + ' of ' + formatBytes(estimate.ram.capacityBytes)],
      ['Flash', formatBytes(estimate.flash.totalBytes) + ' of ' + formatBytes(estimate.flash.capacityBytes)],
      ['Latency', '≈ ' + millis(estimate.latency.totalMillis)
        + (estimate.latency.calibrated ? '' : ' (uncalibrated core)')]]
      .forEach((pair) => {
        element.appendChild(el('span', { className: 'estimate-line' }, [el('em', { text: pair[0] }), pair[1]]));
      });
    if (!estimate.fits) {
      element.appendChild(badge('does not fit', 'not-verified'));
    }
  }

  function loadEstimates() {
    if (!modelSelect) {
      return;
    }
    showModelInfo();
    const option = modelSelect.options[modelSelect.selectedIndex];
    if (option.getAttribute('data-anomaly') === 'true') {
      // the estimator models networks; an anomaly image is measured by its build
      byId('model-stats').textContent = '';
      root.querySelectorAll('[data-estimate-for]').forEach((element) => {
        element.textContent = 'no estimate for anomaly models: the build measures them';
        element.className = 'target-estimate';
      });
      return;
    }
    root.querySelectorAll('[data-estimate-for]').forEach((element) => {
      element.textContent = 'estimating…';
      element.className = 'target-estimate';
    });
    const variant = variantSelect.value ? '?variant=' + encodeURIComponent(variantSelect.value) : '';
    api('GET', base + '/models/' + modelSelect.value + '/estimates' + variant).then((estimates) => {
      const stats = byId('model-stats');
      stats.textContent = '';
      [['Parameters', formatCount(estimates.parameters)], ['MACs per inference', formatCount(estimates.macs)],
        ['Weights', formatBytes(estimates.weightBytes)],
        ['Arena', formatBytes(estimates.arenaBytes) + ' (lower bound ' + formatBytes(estimates.arenaLowerBound)
          + ')']]
        .forEach((pair) => {
          stats.appendChild(el('div', { className: 'deploy-stat' }, [el('strong', { text: pair[1] }),
            el('span', { text: pair[0] })]));
        });
      text(byId('estimate-method'), estimates.method);
      estimates.targets.forEach(showEstimate);
    }).catch((problem) => {
      root.querySelectorAll('[data-estimate-for]').forEach((element) => {
        element.textContent = 'no estimate';
      });
      alertProblem(problem);
    });
  }

  /* ---- a refused build: what does not fit, and the override ---- */

  function showOverBudget(problem) {
    text(byId('over-budget-detail'), problem.detail);
    const rows = byId('over-budget-rows');
    rows.textContent = '';
    [['RAM', problem.budget.ram], ['Flash', problem.budget.flash]].forEach((pair) => {
      const memory = pair[1];
      const total = el('tr', { className: memory.fits ? '' : 'too-big', 'data-memory': pair[0].toLowerCase() });
      cell(total, pair[0]);
      cell(total, (memory.fits ? 'fits: ' : 'does not fit: ') + 'needed of ' + formatCount(memory.availableBytes)
        + ' available');
      cell(total, formatCount(memory.neededBytes), 'num');
      rows.appendChild(total);
      memory.buffers.filter((b) => b.bytes > 0).forEach((buffer) => {
        const row = el('tr');
        cell(row, '');
        cell(row, buffer.name);
        cell(row, formatCount(buffer.bytes), 'num');
        rows.appendChild(row);
      });
    });
    const box = byId('deploy-over-budget');
    box.classList.remove('hidden');
    box.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  /* ---- one deployment: progress, log, result ---- */

  function stateBadge(element, state) {
    element.textContent = state;
    element.className = 'badge state-' + state;
  }

  function showRun(deployment) {
    byId('deploy-run').classList.remove('hidden');
    text(byId('run-title'), deployment.modelName + ' → ' + deployment.targetName + ' (' + deployment.format + ')');
    stateBadge(byId('run-state'), deployment.state);
    setProgress(deployment.progress);
    byId('run-cancel').classList.toggle('hidden', !(open(deployment.state) && canDeploy));
    byId('run-cancel').setAttribute('data-job-id', deployment.jobId);
    const warning = byId('run-warning');
    warning.classList.toggle('hidden', !deployment.warning);
    text(warning, deployment.warning || '');
    const error = byId('run-error');
    error.classList.toggle('hidden', !deployment.error);
    text(error, deployment.error || '');
    if (deployment.state === 'ready') {
      showResult(deployment);
    } else {
      byId('run-result').classList.add('hidden');
    }
  }

  function setProgress(value) {
    byId('run-progress').value = value;
    text(byId('run-percent'), percent(value));
  }

  function showVerification(d) {
    const v = d.verification || {};
    const verifiedBadge = byId('verified-badge');
    if (d.verified) {
      verifiedBadge.textContent = 'Verified on device';
      verifiedBadge.className = 'badge verify-badge verified';
    } else if (v.status === 'not-emulated') {
      verifiedBadge.textContent = 'Not verified: board not emulated';
      verifiedBadge.className = 'badge verify-badge not-emulated';
    } else {
      verifiedBadge.textContent = 'NOT verified';
      verifiedBadge.className = 'badge verify-badge not-verified';
    }
    const facts = byId('verification-details');
    facts.textContent = '';
    byId('mismatch-list').textContent = '';
    if (v.status === 'anomaly') {
      showAnomalyScores(facts, v);
      return;
    }
    if (v.status === 'not-emulated') {
      fact(facts, 'Status', v.windowNote);
    } else {
      fact(facts, 'Test windows', v.windowNote);
      fact(facts, 'Equal to the server, bit for bit', v.matching + ' of ' + v.windows);
      fact(facts, 'Mismatches', String(v.mismatchCount));
      if (v.deviceAccuracy !== null && v.deviceAccuracy !== undefined) {
        fact(facts, 'Top-1 accuracy on device', percent(v.deviceAccuracy) + ' of ' + v.labelledWindows
          + ' labelled windows');
        fact(facts, 'Top-1 accuracy on the server (int8 reference)', percent(v.serverAccuracy));
      } else {
        fact(facts, 'Top-1 accuracy', 'no labelled windows');
      }
      fact(facts, 'Path', v.path === 'raw'
        ? 'raw windows through the device\'s own DSP block and network'
        : 'the server\'s int8 features through the network (the device\'s DSP block not run)');
      const counts = v.instructions;
      if (counts && counts.dsp && counts.network) {
        fact(facts, 'Instructions per inference', formatCount(counts.mean) + ' ' + (v.counterUnit || '')
          + ' (DSP block and network)');
        fact(facts, 'DSP block', spread(counts.dsp));
        fact(facts, 'Network', spread(counts.network) + ' (estimate ' + formatCount(v.estimatedInstructions) + ')');
      } else if (counts) {
        fact(facts, 'Instructions per inference', formatCount(counts.mean) + ' ' + (v.counterUnit || '')
          + ' (estimate ' + formatCount(v.estimatedInstructions) + ')');
      }
      if (v.stackBytes !== null && v.stackBytes !== undefined) {
        fact(facts, 'Stack (deepest, measured)', formatBytes(v.stackBytes));
      }
      if (v.failure) {
        fact(facts, 'Run failed', v.failure);
      }
    }
    const mismatches = byId('mismatch-list');
    mismatches.textContent = '';
    (v.mismatches || []).forEach((m) => {
      mismatches.appendChild(el('p', { className: 'mismatch mono', text: 'window ' + m.window + ': server ['
        + m.expected.join(', ') + '] device [' + m.actual.join(', ') + '] (' + m.differingValues
        + ' values differ, by up to ' + m.maxDifference + ')' }));
    });
  }

  /* An anomaly model's scores on the device against the server's, and its decisions at the saved threshold. */
  function showAnomalyScores(facts, v) {
    facts.setAttribute('data-anomaly', 'true');
    fact(facts, 'Test windows', v.windowNote);
    fact(facts, 'Model', (v.model === 'gmm' ? 'Gaussian mixture' : 'K-means') + ', threshold '
      + Number(v.threshold).toPrecision(6));
    fact(facts, 'Decisions equal to the server\'s', v.decisionsEqual + ' of ' + v.windows);
    fact(facts, 'Scores within tolerance', v.withinTolerance + ' of ' + v.windows + ' (|device − server| ≤ '
      + v.relativeTolerance + ' × max(1, |server|))');
    fact(facts, 'Largest score difference', v.maxAbsoluteDifference === null ? '—'
      : Number(v.maxAbsoluteDifference).toPrecision(3) + ' (relative ' + Number(v.maxRelativeDifference).toPrecision(3)
        + ')');
    fact(facts, 'Anomalies called', 'device ' + v.deviceAnomalies + ', server ' + v.serverAnomalies);
    fact(facts, 'Path', v.path === 'raw' ? 'raw windows through the device\'s own DSP block and scorer'
      : 'the server\'s features through the device\'s scorer');
    const counts = v.instructions;
    if (counts) {
      fact(facts, 'Instructions per window', formatCount(counts.mean) + ' ' + (v.counterUnit || '')
        + (counts.dsp ? ' (DSP block ' + formatCount(counts.dsp.mean) + ', score ' + formatCount(counts.network.mean)
          + ')' : ''));
    }
    if (v.failure) {
      fact(facts, 'Run failed', v.failure);
    }
    const list = byId('mismatch-list');
    (v.worst || []).forEach((w) => {
      list.appendChild(el('p', { className: 'mismatch mono', text: 'window ' + w.window + ': device '
        + Number(w.device).toPrecision(7) + (w.deviceAnomaly ? ' (anomaly)' : ' (normal)') + ', server '
        + Number(w.server).toPrecision(7) + (w.serverAnomaly ? ' (anomaly)' : ' (normal)') }));
    });
  }

  function showMemory(d) {
    const sizes = d.sizes || {};
    const memory = d.memoryReport || {};
    const image = memory.image || null;
    byId('flash-meter').max = sizes.flashCapacityBytes || 1;
    byId('flash-meter').value = sizes.flashBytes || 0;
    text(byId('flash-text'), formatBytes(sizes.flashBytes) + ' of ' + formatBytes(sizes.flashCapacityBytes));
    byId('ram-meter').max = sizes.ramCapacityBytes || 1;
    byId('ram-meter').value = sizes.ramBytes || 0;
    text(byId('ram-text'), formatBytes(sizes.ramBytes) + ' of ' + formatBytes(sizes.ramCapacityBytes));
    const memoryFacts = byId('memory-details');
    memoryFacts.textContent = '';
    fact(memoryFacts, 'Activation arena', formatBytes(memory.arenaBytes) + ' (lower bound '
      + formatBytes(memory.arenaLowerBound) + (memory.arenaBytes === memory.arenaLowerBound ? ': optimal plan)' : ')'));
    fact(memoryFacts, 'Model constants', formatBytes(memory.modelConstantBytes));
    const sectionRows = byId('section-rows');
    sectionRows.textContent = '';
    const fileRows = byId('file-rows');
    fileRows.textContent = '';
    if (image) {
      image.sections.forEach((section) => {
        const row = el('tr');
        cell(row, section.region);
        cell(row, section.name, 'mono');
        cell(row, formatCount(section.bytes), 'num');
        sectionRows.appendChild(row);
      });
      // JSON objects keep no order (PostgreSQL's jsonb sorts keys): largest first again
      Object.keys(image.flashByFile).sort((a, b) => image.flashByFile[b] - image.flashByFile[a]).forEach((file) => {
        const row = el('tr');
        cell(row, file, 'mono');
        cell(row, formatCount(image.flashByFile[file]), 'num');
        fileRows.appendChild(row);
      });
    }
  }

  /* The seed's checklist as the deploy job computed it: each item's outcome, figure, limit, measured or estimated. */
  function showChecklist(checklist) {
    const box = byId('checklist-box');
    const rows = byId('checklist-rows');
    rows.textContent = '';
    box.classList.toggle('hidden', !checklist);
    if (!checklist) {
      return;
    }
    const items = checklist.items || [];
    text(byId('checklist-summary'), items.every((i) => i.outcome === 'pass')
      ? 'Every item passed.' : 'Not every item passed.');
    items.forEach((item) => {
      const row = el('tr', { 'data-item': item.id });
      cell(row, item.title);
      cell(row, badge(checklistOutcome(item.outcome), checklistKind(item.outcome)));
      cell(row, checklistFigure(item.figure, item.unit), 'mono');
      cell(row, checklistFigure(item.limit, item.unit), 'mono');
      cell(row, item.basis || DASH);
      cell(row, item.note || '', 'muted');
      rows.appendChild(row);
    });
  }

  function showResult(d) {
    byId('run-result').classList.remove('hidden');
    const link = byId('download-link');
    link.href = d.downloadUrl;
    link.classList.toggle('hidden', !d.downloadAvailable);
    text(link, 'Download ' + (d.bundle ? d.bundle.fileName : 'bundle'));
    text(byId('bundle-info'), d.bundle ? formatBytes(d.bundle.bytes) + ' · sha256 ' + d.bundle.sha256.slice(0, 16)
      + '…' : '');
    showChecklist(d.checklist);
    showVerification(d);
    showModelFigures(d);
    showMemory(d);
  }

  /**
   * The deployed variant's figures exactly as the model's page shows them (issue #12: one set of definitions): top-1
   * accuracy, the uncertain rate beside it, per-sample accuracy and macro F1, of the test set (the validation set when
   * the model was never tested). The device figures above are over the verified windows and top-1 only.
   */
  function showModelFigures(d) {
    const box = byId('model-figures-box');
    const list = byId('model-figures');
    list.textContent = '';
    text(byId('model-figures-note'), '');
    box.classList.add('hidden');
    api('GET', base + '/models/' + d.modelId).then((model) => {
      const metrics = model.metrics || {};
      const part = metrics.test ? 'test' : 'validation';
      const report = metrics[part] ? metrics[part][d.variant] : null;
      if (!report || report.accuracy === undefined || report.accuracy === null) {
        return;
      }
      box.classList.remove('hidden');
      text(byId('model-figures-title'), 'The model\'s figures (' + d.variant + ', ' + part + ' set, as on its page)');
      if (report.uncertainRate === undefined || report.uncertainRate === null) {
        text(byId('model-figures-note'), 'Measured before top-1 figures: windows below the uncertain threshold '
          + 'were counted as wrong. Test the model again for top-1 accuracy, the uncertain rate and per-sample '
          + 'accuracy.');
        fact(list, 'Accuracy (uncertain counted as wrong)', formatPercent(report.accuracy));
        return;
      }
      const vote = report.sampleVote;
      fact(list, 'Accuracy (top-1)', formatPercent(report.accuracy)).setAttribute('data-figure', 'accuracy');
      fact(list, 'Uncertain (top score below ' + report.uncertainThreshold + ')', formatPercent(report.uncertainRate))
        .setAttribute('data-figure', 'uncertain-rate');
      fact(list, 'Per-sample accuracy', vote ? formatPercent(vote.accuracy) + ' (' + vote.samples
        + ' samples, majority vote)' : DASH).setAttribute('data-figure', 'sample-accuracy');
      fact(list, 'Macro F1', formatNumber(report.macroF1, 3)).setAttribute('data-figure', 'macro-f1');
    }).catch(() => {
      box.classList.remove('hidden');
      text(byId('model-figures-note'), 'The model\'s figures cannot be read (it may have been deleted).');
    });
  }

  function follow(deployment) {
    if (following) {
      following.follower.close();
    }
    const log = byId('run-log');
    log.textContent = '';
    const verifying = byId('run-verifying');
    verifying.classList.add('hidden');
    text(verifying, '');
    let progress = {};
    showRun(deployment);
    following = { deploymentId: deployment.id, follower: null };
    following.follower = followJob(deployment.jobId, {
      onLog(line) {
        appendLine(log, line);
        const next = verificationProgress(line, progress);
        if (next) {
          progress = next;
          verifying.classList.remove('hidden');
          text(verifying, verificationText(progress));
        }
      },
      onProgress(job) {
        setProgress(job.progress);
        showAttempts(job, byId('run-progress').parentElement);
        stateBadge(byId('run-state'), job.state === 'running' ? 'building' : job.state);
      },
      onEnd() {
        refresh(deployment.id);
        loadList();
      },
      onError() {
        // the job cannot be read: the deployment still tells its state
        refresh(deployment.id);
      }
    });
  }

  function refresh(deploymentId) {
    api('GET', base + '/deployments/' + deploymentId).then((deployment) => {
      if (following && following.deploymentId !== deploymentId) {
        return;
      }
      showRun(deployment);
    }).catch(alertProblem);
  }

  /* ---- history ---- */

  function verifiedCell(d) {
    if (d.state !== 'ready') {
      return '—';
    }
    if (d.verified) {
      return badge('verified', 'verified');
    }
    const notEmulated = d.verification && d.verification.status === 'not-emulated';
    return notEmulated ? badge('not emulated', 'not-emulated') : badge('not verified', 'not-verified');
  }

  function deploymentRow(d) {
    const row = el('tr', { 'data-deployment-id': d.id });
    cell(row, formatDate(d.createdAt));
    // the variant built: the model's own int8 file or a compressed variant (issue #17)
    cell(row, d.modelName + ' \u00b7 ' + d.variant);
    cell(row, d.targetName);
    cell(row, d.format, 'mono');
    cell(row, badge(d.state, 'state-' + d.state));
    cell(row, verifiedCell(d));
    const actions = cell(row, '', 'actions');
    actions.appendChild(el('button', { type: 'button', className: 'btn btn-small', text: 'Show',
      'data-show-deployment': d.id }));
    if (d.downloadAvailable) {
      actions.appendChild(el('a', { className: 'btn btn-small', href: d.downloadUrl, text: 'Download' }));
    }
    return row;
  }

  function loadList() {
    return api('GET', base + '/deployments').then((deployments) => {
      const body = byId('deployment-rows');
      body.textContent = '';
      if (!deployments.length) {
        body.appendChild(el('tr', { id: 'deployment-empty' }, [el('td', { className: 'empty', colspan: '7',
          text: 'No deployments yet.' })]));
      }
      deployments.forEach((d) => body.appendChild(deploymentRow(d)));
      return deployments;
    });
  }

  root.addEventListener('click', (event) => {
    const show = event.target.closest('[data-show-deployment]');
    if (show) {
      api('GET', base + '/deployments/' + show.getAttribute('data-show-deployment')).then((d) => {
        follow(d);
        byId('deploy-run').scrollIntoView({ block: 'start', behavior: 'smooth' });
      });
      return;
    }
    if (event.target.id === 'run-cancel') {
      const jobId = event.target.getAttribute('data-job-id');
      event.target.disabled = true;
      api('POST', '/api/v1/jobs/' + jobId + '/cancel').then(() => {
        showAlert('info', 'Cancel requested: the build stops within seconds.');
      }).catch(alertProblem).then(() => {
        event.target.disabled = false;
      });
      return;
    }
    if (event.target.id === 'deploy-build' || event.target.id === 'deploy-build-anyway') {
      const button = event.target;
      const insist = button.id === 'deploy-build-anyway';
      button.disabled = true;
      byId('deploy-over-budget').classList.add('hidden');
      api('POST', base + '/deployments', {
        modelId: modelSelect.value, variant: variantSelect.value || null, target: chosen('target'),
        format: chosen('format'),
        allowOverBudget: insist
      }).then((deployment) => {
        follow(deployment);
        loadList();
        byId('deploy-run').scrollIntoView({ block: 'start', behavior: 'smooth' });
      }).catch((problem) => {
        if (problem.code === 'deployment-does-not-fit' && problem.budget) {
          showOverBudget(problem);
        } else {
          alertProblem(problem);
        }
      }).then(() => {
        button.disabled = false;
      });
    }
  });

  if (modelSelect) {
    modelSelect.addEventListener('change', () => {
      fillVariants();
      loadEstimates();
    });
    variantSelect.addEventListener('change', loadEstimates);
    fillVariants();
    loadEstimates();
  }
  loadList().then((deployments) => {
    const running = deployments.filter((d) => open(d.state));
    if (running.length) {
      follow(running[0]);
    }
  });
}

forPage('deployment', init);
