/*
 * The dataset page: summary figures and the label × category chart, rebalancing, and dataset versions (save, list,
 * compare with the current dataset or another version, restore).
 */
import { drawLabelBars } from './data-plot.js';
import { alertProblem, api, byId, clear, el, forPage, formatDate, formatDuration, showAlert } from './ui.js';

function init(root) {
  const projectId = root.getAttribute('data-project-id');
  const canEdit = root.getAttribute('data-can-edit') === 'true';
  const base = '/api/v1/projects/' + projectId + '/dataset';
  let versions = [];

  function showSummary(summary) {
    byId('stat-count').textContent = String(summary.total.count);
    byId('stat-enabled').textContent = String(summary.total.enabled);
    byId('stat-duration').textContent = formatDuration(summary.total.durationMs);
    byId('stat-labels').textContent = String(summary.labels.filter(function (l) {
      return l.label !== null;
    }).length);
    const chart = byId('label-chart');
    if (summary.labels.length) {
      drawLabelBars(chart, summary.labels);
    } else {
      clear(chart).appendChild(el('p', { className: 'empty', text: 'No samples yet.' }));
    }
    const tt = summary.trainTest;
    const ratio = byId('ratio');
    ratio.children[0].style.width = (tt.trainingShare * 100) + '%';
    ratio.children[1].style.width = (tt.testingShare * 100) + '%';
    byId('ratio-training').textContent = 'training ' + tt.training + ' ('
      + Math.round(tt.trainingShare * 100) + '%)';
    byId('ratio-testing').textContent = 'testing ' + tt.testing + ' ('
      + Math.round(tt.testingShare * 100) + '%)';
    showFiles(summary.signatures, summary.export);
  }

  /** Signature statuses, and what the export ZIP writes: as uploaded (signatures kept), edited, converted. */
  function showFiles(signatures, exported) {
    const signed = signatures.verified + signatures.unverified + signatures.invalid + signatures.unsigned;
    byId('signature-summary').textContent = signed === 0 ? 'No Edge Impulse messages, so no signatures.'
      : 'Edge Impulse messages: ' + signatures.verified + ' verified, ' + signatures.unverified + ' unverified (no '
        + 'HMAC key of this project could check them), ' + signatures.invalid + ' invalid, ' + signatures.unsigned
        + ' unsigned.';
    let text = 'Export ZIP: ' + exported.asUploaded + ' file(s) exactly as uploaded';
    if (exported.signedAsUploaded) {
      text += ', ' + exported.signedAsUploaded + ' of them signed (signature kept)';
    }
    if (exported.edited) {
      text += '; ' + exported.edited + ' cropped or split here, written as EdgeForge rewrote them, without the '
        + 'signature they came with';
    }
    if (exported.converted) {
      text += '; ' + exported.converted + ' CSV file(s) converted to unsigned Edge Impulse JSON';
    }
    byId('export-summary').textContent = text + '.';
  }

  function loadSummary() {
    return api('GET', base + '/summary').then(showSummary).catch(alertProblem);
  }

  const rebalance = byId('rebalance');
  if (rebalance) {
    rebalance.addEventListener('click', function () {
      rebalance.disabled = true;
      api('POST', base + '/rebalance').then(function (result) {
        showSummary(result.summary);
        showAlert('success', 'Moved ' + result.movedToTesting + ' sample(s) to testing and ' + result.movedToTraining
          + ' to training.');
      }).catch(alertProblem).then(function () {
        rebalance.disabled = false;
      });
    });
  }

  /* ---- versions ---- */

  function versionRow(version) {
    const actions = el('td', { className: 'actions' }, [el('button', { type: 'button',
      className: 'btn btn-small btn-ghost', text: 'Compare', 'data-compare': version.id })]);
    if (canEdit) {
      actions.append(' ', el('button', { type: 'button', className: 'btn btn-small', text: 'Restore',
        'data-restore': version.id }));
    }
    return el('tr', { 'data-version-id': version.id }, [
      el('td', {}, [el('strong', { text: version.name })]),
      el('td', { text: formatDate(version.createdAt) }),
      el('td', { text: String(version.sampleCount) }),
      el('td', { text: String(version.categories.training) }),
      el('td', { text: String(version.categories.testing) }),
      el('td', { text: String(version.categories.anomaly) }),
      actions
    ]);
  }

  function loadVersions() {
    return api('GET', base + '/versions').then((list) => {
      versions = list;
      const body = clear(byId('version-rows'));
      if (!list.length) {
        body.appendChild(el('tr', {}, [el('td', { className: 'empty', colspan: '7', text: 'No versions yet.' })]));
      }
      list.forEach((v) => body.appendChild(versionRow(v)));
    }).catch(alertProblem);
  }

  const form = byId('version-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const input = byId('version-name');
      api('POST', base + '/versions', { name: input.value.trim() }).then(function (version) {
        showAlert('success', 'Version “' + version.name + '” saved with ' + version.sampleCount + ' sample(s).');
        input.value = '';
        loadVersions();
      }).catch(alertProblem);
    });
  }

  let comparing = null;

  function compare(versionId, withId) {
    comparing = versionId;
    api('GET', base + '/versions/' + versionId + '/compare?with=' + encodeURIComponent(withId || 'current'))
      .then(function (result) {
        const card = byId('compare-card');
        card.classList.remove('hidden');
        byId('compare-title').textContent = 'Compare “' + result.left.name + '”';
        byId('compare-left').textContent = result.left.name;
        byId('compare-right').textContent = result.right.name;
        const select = byId('compare-with');
        while (select.options.length > 1) {
          select.remove(1);
        }
        versions.filter((v) => v.id !== versionId).forEach((v) => {
          select.appendChild(el('option', { value: v.id, text: 'version “' + v.name + '”' }));
        });
        select.value = withId || 'current';
        const summary = clear(byId('compare-summary'));
        [['added', result.added], ['removed', result.removed], ['changed', result.changed]].forEach(function (p) {
          summary.appendChild(el('span', { className: 'badge', text: p[1] + ' ' + p[0] }));
        });
        const rows = clear(byId('compare-rows'));
        result.rows.forEach((r) => {
          const change = r.right - r.left;
          rows.appendChild(el('tr', { className: r.left !== r.right ? 'diff' : null }, [
            el('td', { text: r.label === null ? '(unlabeled)' : r.label }),
            el('td', { text: r.category }),
            el('td', { className: 'num', text: String(r.left) }),
            el('td', { className: 'num', text: String(r.right) }),
            el('td', { className: 'num', text: change === 0 ? '' : (change > 0 ? '+' : '') + change })
          ]));
        });
        card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      }).catch(alertProblem);
  }

  byId('compare-with').addEventListener('change', function (event) {
    if (comparing) {
      compare(comparing, event.target.value);
    }
  });

  byId('version-table').addEventListener('click', function (event) {
    const compareButton = event.target.closest('[data-compare]');
    if (compareButton) {
      compare(compareButton.getAttribute('data-compare'), 'current');
      return;
    }
    const restore = event.target.closest('[data-restore]');
    if (!restore) {
      return;
    }
    if (!window.confirm('Restore the labels, categories and enabled flags of this version? Samples added since '
        + 'are kept.')) {
      return;
    }
    api('POST', base + '/versions/' + restore.getAttribute('data-restore') + '/restore').then(function (r) {
      let message = 'Restored ' + r.restored + ' sample(s)';
      if (r.resurrected.length) {
        message += ', brought back ' + r.resurrected.length + ' deleted sample(s)';
      }
      if (r.missing.length) {
        message += '; ' + r.missing.length + ' deleted sample(s) could not come back (their data is gone): '
          + r.missing.map(function (m) { return m.name; }).join(', ');
      }
      showAlert(r.missing.length ? 'warning' : 'success', message + '.');
      loadSummary();
      loadVersions();
    }).catch(alertProblem);
  });

  loadSummary();
  loadVersions();
}

forPage('data-dataset', init);
