/*
 * The dataset page: summary figures and the label × category chart, rebalancing, and dataset versions (save, list,
 * compare with the current dataset or another version, restore).
 */
(function () {
  'use strict';

  function problemMessage(problem) {
    var message = (problem && (problem.detail || problem.title)) || 'Something went wrong.';
    if (problem && problem.errors && problem.errors.length) {
      message += ' ' + problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    return message;
  }

  function formatDuration(ms) {
    if (ms < 1000) {
      return Math.round(ms) + ' ms';
    }
    var s = ms / 1000;
    if (s < 120) {
      return (Math.round(s * 10) / 10) + ' s';
    }
    var m = Math.floor(s / 60);
    return m < 120 ? m + 'm ' + Math.round(s - m * 60) + 's' : Math.floor(m / 60) + 'h ' + (m % 60) + 'm';
  }

  function init(root) {
    var projectId = root.getAttribute('data-project-id');
    var canEdit = root.getAttribute('data-can-edit') === 'true';
    var base = '/api/v1/projects/' + projectId + '/dataset';
    var api = window.EdgeForge.api;
    var alert = window.EdgeForge.showAlert;
    var el = window.EdgeForgeData.el;
    var versions = [];

    function fail(problem) {
      alert('error', problemMessage(problem));
    }

    function showSummary(summary) {
      document.getElementById('stat-count').textContent = String(summary.total.count);
      document.getElementById('stat-enabled').textContent = String(summary.total.enabled);
      document.getElementById('stat-duration').textContent = formatDuration(summary.total.durationMs);
      document.getElementById('stat-labels').textContent = String(summary.labels.filter(function (l) {
        return l.label !== null;
      }).length);
      var chart = document.getElementById('label-chart');
      if (summary.labels.length) {
        window.EdgeForgeData.drawLabelBars(chart, summary.labels);
      } else {
        while (chart.firstChild) {
          chart.removeChild(chart.firstChild);
        }
        chart.appendChild(el('p', 'empty', 'No samples yet.'));
      }
      var tt = summary.trainTest;
      var ratio = document.getElementById('ratio');
      ratio.children[0].style.width = (tt.trainingShare * 100) + '%';
      ratio.children[1].style.width = (tt.testingShare * 100) + '%';
      document.getElementById('ratio-training').textContent = 'training ' + tt.training + ' ('
        + Math.round(tt.trainingShare * 100) + '%)';
      document.getElementById('ratio-testing').textContent = 'testing ' + tt.testing + ' ('
        + Math.round(tt.testingShare * 100) + '%)';
    }

    function loadSummary() {
      return api('GET', base + '/summary').then(showSummary).catch(fail);
    }

    var rebalance = document.getElementById('rebalance');
    if (rebalance) {
      rebalance.addEventListener('click', function () {
        rebalance.disabled = true;
        api('POST', base + '/rebalance').then(function (result) {
          showSummary(result.summary);
          alert('success', 'Moved ' + result.movedToTesting + ' sample(s) to testing and ' + result.movedToTraining
            + ' to training.');
        }).catch(fail).then(function () {
          rebalance.disabled = false;
        });
      });
    }

    /* ---- versions ---- */

    function versionRow(version) {
      var row = el('tr');
      row.setAttribute('data-version-id', version.id);
      var name = el('td');
      name.appendChild(el('strong', null, version.name));
      row.appendChild(name);
      row.appendChild(el('td', null, new Date(version.createdAt).toISOString().slice(0, 16).replace('T', ' ')));
      row.appendChild(el('td', null, String(version.sampleCount)));
      row.appendChild(el('td', null, String(version.categories.training)));
      row.appendChild(el('td', null, String(version.categories.testing)));
      row.appendChild(el('td', null, String(version.categories.anomaly)));
      var actions = el('td', 'actions');
      var compare = el('button', 'btn btn-small btn-ghost', 'Compare');
      compare.type = 'button';
      compare.setAttribute('data-compare', version.id);
      actions.appendChild(compare);
      if (canEdit) {
        actions.appendChild(document.createTextNode(' '));
        var restore = el('button', 'btn btn-small', 'Restore');
        restore.type = 'button';
        restore.setAttribute('data-restore', version.id);
        actions.appendChild(restore);
      }
      row.appendChild(actions);
      return row;
    }

    function loadVersions() {
      return api('GET', base + '/versions').then(function (list) {
        versions = list;
        var body = document.getElementById('version-rows');
        while (body.firstChild) {
          body.removeChild(body.firstChild);
        }
        if (!list.length) {
          var empty = el('tr');
          var cell = el('td', 'empty', 'No versions yet.');
          cell.colSpan = 7;
          empty.appendChild(cell);
          body.appendChild(empty);
        }
        list.forEach(function (v) {
          body.appendChild(versionRow(v));
        });
      }).catch(fail);
    }

    var form = document.getElementById('version-form');
    if (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var input = document.getElementById('version-name');
        api('POST', base + '/versions', { name: input.value.trim() }).then(function (version) {
          alert('success', 'Version “' + version.name + '” saved with ' + version.sampleCount + ' sample(s).');
          input.value = '';
          loadVersions();
        }).catch(fail);
      });
    }

    var comparing = null;

    function compare(versionId, withId) {
      comparing = versionId;
      api('GET', base + '/versions/' + versionId + '/compare?with=' + encodeURIComponent(withId || 'current'))
        .then(function (result) {
          var card = document.getElementById('compare-card');
          card.classList.remove('hidden');
          document.getElementById('compare-title').textContent = 'Compare “' + result.left.name + '”';
          document.getElementById('compare-left').textContent = result.left.name;
          document.getElementById('compare-right').textContent = result.right.name;
          var select = document.getElementById('compare-with');
          while (select.options.length > 1) {
            select.remove(1);
          }
          versions.filter(function (v) { return v.id !== versionId; }).forEach(function (v) {
            var option = el('option', null, 'version “' + v.name + '”');
            option.value = v.id;
            select.appendChild(option);
          });
          select.value = withId || 'current';
          var summary = document.getElementById('compare-summary');
          while (summary.firstChild) {
            summary.removeChild(summary.firstChild);
          }
          [['added', result.added], ['removed', result.removed], ['changed', result.changed]].forEach(function (p) {
            summary.appendChild(el('span', 'badge', p[1] + ' ' + p[0]));
          });
          var rows = document.getElementById('compare-rows');
          while (rows.firstChild) {
            rows.removeChild(rows.firstChild);
          }
          result.rows.forEach(function (r) {
            var row = el('tr', r.left !== r.right ? 'diff' : null);
            row.appendChild(el('td', null, r.label === null ? '(unlabeled)' : r.label));
            row.appendChild(el('td', null, r.category));
            row.appendChild(el('td', 'num', String(r.left)));
            row.appendChild(el('td', 'num', String(r.right)));
            var change = r.right - r.left;
            row.appendChild(el('td', 'num', change === 0 ? '' : (change > 0 ? '+' : '') + change));
            rows.appendChild(row);
          });
          card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        }).catch(fail);
    }

    document.getElementById('compare-with').addEventListener('change', function (event) {
      if (comparing) {
        compare(comparing, event.target.value);
      }
    });

    document.getElementById('version-table').addEventListener('click', function (event) {
      var compareButton = event.target.closest('[data-compare]');
      if (compareButton) {
        compare(compareButton.getAttribute('data-compare'), 'current');
        return;
      }
      var restore = event.target.closest('[data-restore]');
      if (!restore) {
        return;
      }
      if (!window.confirm('Restore the labels, categories and enabled flags of this version? Samples added since '
          + 'are kept.')) {
        return;
      }
      api('POST', base + '/versions/' + restore.getAttribute('data-restore') + '/restore').then(function (r) {
        var message = 'Restored ' + r.restored + ' sample(s)';
        if (r.resurrected.length) {
          message += ', brought back ' + r.resurrected.length + ' deleted sample(s)';
        }
        if (r.missing.length) {
          message += '; ' + r.missing.length + ' deleted sample(s) could not come back (their data is gone): '
            + r.missing.map(function (m) { return m.name; }).join(', ');
        }
        alert(r.missing.length ? 'warning' : 'success', message + '.');
        loadSummary();
        loadVersions();
      }).catch(fail);
    });

    loadSummary();
    loadVersions();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-page=data-dataset]');
    if (root) {
      init(root);
    }
  });
})();
