/*
 * The Deployment page: estimates per target for the chosen model, Build (POST), the job's live log and progress
 * (Server-Sent Events from /api/v1/jobs/{id}/logs), the result (verification, memory report, download) and the
 * list of past deployments. No inline scripts; the page declares its data with data-* attributes.
 */
(function () {
  'use strict';

  var api = function () { return window.EdgeForge.api.apply(null, arguments); };

  function $(id) { return document.getElementById(id); }

  function text(element, value) {
    if (element) {
      element.textContent = value;
    }
  }

  function bytes(n) {
    if (n === null || n === undefined) {
      return '—';
    }
    if (n < 1024) {
      return n + ' B';
    }
    if (n < 1024 * 1024) {
      return (n / 1024).toFixed(1) + ' KiB';
    }
    return (n / 1024 / 1024).toFixed(2) + ' MiB';
  }

  function grouped(n) {
    return Math.round(n).toLocaleString('en-US');
  }

  function millis(ms) {
    if (ms < 1) {
      return ms.toFixed(3) + ' ms';
    }
    return (ms < 100 ? ms.toFixed(1) : Math.round(ms)) + ' ms';
  }

  function percent(fraction) {
    return (100 * fraction).toFixed(fraction === 1 || fraction === 0 ? 0 : 1) + '%';
  }

  function problemText(problem) {
    var message = problem.detail || problem.title || 'Something went wrong.';
    if (problem.errors && problem.errors.length) {
      message += ' ' + problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    return message;
  }

  function cell(row, value, className) {
    var td = document.createElement('td');
    if (className) {
      td.className = className;
    }
    if (value instanceof Node) {
      td.appendChild(value);
    } else {
      td.textContent = value;
    }
    row.appendChild(td);
    return td;
  }

  function badge(label, kind) {
    var span = document.createElement('span');
    span.className = 'badge ' + kind;
    span.textContent = label;
    return span;
  }

  function fact(list, term, value) {
    var dt = document.createElement('dt');
    dt.textContent = term;
    var dd = document.createElement('dd');
    dd.textContent = value;
    list.appendChild(dt);
    list.appendChild(dd);
    return dd;
  }

  function init(root) {
    var projectId = root.getAttribute('data-project-id');
    var canDeploy = root.getAttribute('data-can-deploy') === 'true';
    var base = '/api/v1/projects/' + projectId;
    var modelSelect = $('deploy-model');
    var following = null; // { deploymentId, source }

    /* ---- choices ---- */

    function chosen(name) {
      var input = root.querySelector('input[name=' + name + ']:checked');
      return input ? input.value : null;
    }

    root.addEventListener('change', function (event) {
      if (event.target.name === 'target') {
        Array.prototype.forEach.call(root.querySelectorAll('.target-card'), function (card) {
          card.classList.toggle('selected', card.getAttribute('data-target') === event.target.value);
        });
      }
    });

    /* ---- estimates ---- */

    function showModelInfo() {
      var option = modelSelect.options[modelSelect.selectedIndex];
      var parts = [];
      var labels = option.getAttribute('data-labels');
      parts.push(labels ? 'labels: ' + labels : 'no class labels');
      var impulse = option.getAttribute('data-impulse');
      parts.push(impulse ? 'impulse v' + impulse + ' (its DSP block is built in)' : 'no impulse: fed features directly');
      parts.push(option.getAttribute('data-test-set') === 'true' ? 'test set available for verification'
        : 'no test set: verified on seeded random windows');
      text($('deploy-model-info'), parts.join(' · '));
    }

    function loadEstimates() {
      if (!modelSelect) {
        return;
      }
      showModelInfo();
      Array.prototype.forEach.call(root.querySelectorAll('[data-estimate-for]'), function (element) {
        element.textContent = 'estimating…';
        element.className = 'target-estimate';
      });
      api('GET', base + '/models/' + modelSelect.value + '/estimates').then(function (estimates) {
        var stats = $('model-stats');
        stats.textContent = '';
        [['Parameters', grouped(estimates.parameters)], ['MACs per inference', grouped(estimates.macs)],
          ['Weights', bytes(estimates.weightBytes)],
          ['Arena', bytes(estimates.arenaBytes) + ' (lower bound ' + bytes(estimates.arenaLowerBound) + ')']]
          .forEach(function (pair) {
            var item = document.createElement('div');
            item.className = 'deploy-stat';
            var value = document.createElement('strong');
            value.textContent = pair[1];
            var label = document.createElement('span');
            label.textContent = pair[0];
            item.appendChild(value);
            item.appendChild(label);
            stats.appendChild(item);
          });
        text($('estimate-method'), estimates.method);
        estimates.targets.forEach(function (estimate) {
          var element = root.querySelector('[data-estimate-for="' + estimate.target + '"]');
          if (!element) {
            return;
          }
          element.textContent = '';
          element.classList.toggle('too-big', !estimate.fits);
          [['RAM', bytes(estimate.ram.totalBytes) + ' of ' + bytes(estimate.ram.capacityBytes)],
            ['Flash', bytes(estimate.flash.totalBytes) + ' of ' + bytes(estimate.flash.capacityBytes)],
            ['Latency', '≈ ' + millis(estimate.latency.totalMillis)
              + (estimate.latency.calibrated ? '' : ' (uncalibrated core)')]]
            .forEach(function (pair) {
              var line = document.createElement('span');
              line.className = 'estimate-line';
              var label = document.createElement('em');
              label.textContent = pair[0];
              line.appendChild(label);
              line.appendChild(document.createTextNode(pair[1]));
              element.appendChild(line);
            });
          if (!estimate.fits) {
            element.appendChild(badge('does not fit', 'not-verified'));
          }
        });
      }).catch(function (problem) {
        Array.prototype.forEach.call(root.querySelectorAll('[data-estimate-for]'), function (element) {
          element.textContent = 'no estimate';
        });
        window.EdgeForge.showAlert('error', problemText(problem));
      });
    }

    /* ---- one deployment: progress, log, result ---- */

    function stateBadge(element, state) {
      element.textContent = state;
      element.className = 'badge state-' + state;
    }

    function showRun(deployment) {
      $('deploy-run').classList.remove('hidden');
      text($('run-title'), deployment.modelName + ' → ' + deployment.targetName + ' (' + deployment.format + ')');
      stateBadge($('run-state'), deployment.state);
      setProgress(deployment.progress);
      var open = deployment.state === 'queued' || deployment.state === 'building';
      $('run-cancel').classList.toggle('hidden', !(open && canDeploy));
      $('run-cancel').setAttribute('data-job-id', deployment.jobId);
      var error = $('run-error');
      error.classList.toggle('hidden', !deployment.error);
      text(error, deployment.error || '');
      if (deployment.state === 'ready') {
        showResult(deployment);
      } else {
        $('run-result').classList.add('hidden');
      }
    }

    function setProgress(value) {
      $('run-progress').value = value;
      text($('run-percent'), percent(value));
    }

    function showResult(d) {
      $('run-result').classList.remove('hidden');
      var v = d.verification || {};
      var verifiedBadge = $('verified-badge');
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
      var link = $('download-link');
      link.href = d.downloadUrl;
      link.classList.toggle('hidden', !d.downloadAvailable);
      text(link, 'Download ' + (d.bundle ? d.bundle.fileName : 'bundle'));
      text($('bundle-info'), d.bundle ? bytes(d.bundle.bytes) + ' · sha256 ' + d.bundle.sha256.slice(0, 16) + '…' : '');

      var facts = $('verification-details');
      facts.textContent = '';
      if (v.status === 'not-emulated') {
        fact(facts, 'Status', v.windowNote);
      } else {
        fact(facts, 'Test windows', v.windowNote);
        fact(facts, 'Equal to the server, bit for bit', v.matching + ' of ' + v.windows);
        fact(facts, 'Mismatches', String(v.mismatchCount));
        if (v.deviceAccuracy !== null && v.deviceAccuracy !== undefined) {
          fact(facts, 'Accuracy on device', percent(v.deviceAccuracy) + ' of ' + v.labelledWindows
            + ' labelled windows');
          fact(facts, 'Accuracy on the server (int8 reference)', percent(v.serverAccuracy));
        } else {
          fact(facts, 'Accuracy', 'no labelled windows');
        }
        if (v.instructions) {
          fact(facts, 'Instructions per inference', grouped(v.instructions.mean) + ' ' + (v.counterUnit || '')
            + ' (estimate ' + grouped(v.estimatedInstructions) + ')');
        }
        if (v.failure) {
          fact(facts, 'Run failed', v.failure);
        }
      }
      var mismatches = $('mismatch-list');
      mismatches.textContent = '';
      (v.mismatches || []).forEach(function (m) {
        var p = document.createElement('p');
        p.className = 'mismatch mono';
        p.textContent = 'window ' + m.window + ': server [' + m.expected.join(', ') + '] device ['
          + m.actual.join(', ') + '] (' + m.differingValues + ' values differ, by up to ' + m.maxDifference + ')';
        mismatches.appendChild(p);
      });

      var sizes = d.sizes || {};
      var memory = d.memoryReport || {};
      var image = memory.image || null;
      $('flash-meter').max = sizes.flashCapacityBytes || 1;
      $('flash-meter').value = sizes.flashBytes || 0;
      text($('flash-text'), bytes(sizes.flashBytes) + ' of ' + bytes(sizes.flashCapacityBytes));
      $('ram-meter').max = sizes.ramCapacityBytes || 1;
      $('ram-meter').value = sizes.ramBytes || 0;
      text($('ram-text'), bytes(sizes.ramBytes) + ' of ' + bytes(sizes.ramCapacityBytes));
      var memoryFacts = $('memory-details');
      memoryFacts.textContent = '';
      fact(memoryFacts, 'Activation arena', bytes(memory.arenaBytes) + ' (lower bound ' + bytes(memory.arenaLowerBound)
        + (memory.arenaBytes === memory.arenaLowerBound ? ': optimal plan)' : ')'));
      fact(memoryFacts, 'Model constants', bytes(memory.modelConstantBytes));
      var sectionRows = $('section-rows');
      sectionRows.textContent = '';
      var fileRows = $('file-rows');
      fileRows.textContent = '';
      if (image) {
        image.sections.forEach(function (section) {
          var row = document.createElement('tr');
          cell(row, section.region);
          cell(row, section.name, 'mono');
          cell(row, grouped(section.bytes), 'num');
          sectionRows.appendChild(row);
        });
        // JSON objects keep no order (PostgreSQL's jsonb sorts keys): largest first again
        Object.keys(image.flashByFile).sort(function (a, b) {
          return image.flashByFile[b] - image.flashByFile[a];
        }).forEach(function (file) {
          var row = document.createElement('tr');
          cell(row, file, 'mono');
          cell(row, grouped(image.flashByFile[file]), 'num');
          fileRows.appendChild(row);
        });
      }
    }

    function follow(deployment) {
      if (following && following.source) {
        following.source.close();
      }
      var log = $('run-log');
      log.textContent = '';
      showRun(deployment);
      var source = new EventSource('/api/v1/jobs/' + deployment.jobId + '/logs');
      following = { deploymentId: deployment.id, source: source };
      source.addEventListener('log', function (event) {
        log.textContent += event.data + '\n';
        log.scrollTop = log.scrollHeight;
      });
      source.addEventListener('progress', function (event) {
        var job = JSON.parse(event.data);
        setProgress(job.progress);
        stateBadge($('run-state'), job.state === 'running' ? 'building' : job.state);
      });
      source.addEventListener('end', function () {
        source.close();
        refresh(deployment.id);
        loadList();
      });
      source.onerror = function () {
        // the stream broke (server restart, network): fall back to asking for the deployment
        source.close();
        setTimeout(function () { refresh(deployment.id, true); }, 2000);
      };
    }

    function refresh(deploymentId, keepPolling) {
      api('GET', base + '/deployments/' + deploymentId).then(function (deployment) {
        if (following && following.deploymentId !== deploymentId) {
          return;
        }
        showRun(deployment);
        if (keepPolling && (deployment.state === 'queued' || deployment.state === 'building')) {
          setTimeout(function () { refresh(deploymentId, true); }, 2000);
        } else if (keepPolling) {
          loadList();
        }
      });
    }

    /* ---- history ---- */

    function loadList() {
      return api('GET', base + '/deployments').then(function (deployments) {
        var body = $('deployment-rows');
        body.textContent = '';
        if (!deployments.length) {
          var empty = document.createElement('tr');
          empty.id = 'deployment-empty';
          cell(empty, 'No deployments yet.', 'empty').colSpan = 7;
          body.appendChild(empty);
        }
        deployments.forEach(function (d) {
          var row = document.createElement('tr');
          row.setAttribute('data-deployment-id', d.id);
          cell(row, new Date(d.createdAt).toISOString().slice(0, 16).replace('T', ' ') + ' UTC');
          cell(row, d.modelName);
          cell(row, d.targetName);
          cell(row, d.format, 'mono');
          cell(row, badge(d.state, 'state-' + d.state));
          cell(row, d.state !== 'ready' ? '—' : d.verified ? badge('verified', 'verified')
            : badge(d.verification && d.verification.status === 'not-emulated' ? 'not emulated' : 'not verified',
              d.verification && d.verification.status === 'not-emulated' ? 'not-emulated' : 'not-verified'));
          var actions = cell(row, '', 'actions');
          var show = document.createElement('button');
          show.type = 'button';
          show.className = 'btn btn-small';
          show.textContent = 'Show';
          show.setAttribute('data-show-deployment', d.id);
          actions.appendChild(show);
          if (d.downloadAvailable) {
            var download = document.createElement('a');
            download.className = 'btn btn-small';
            download.href = d.downloadUrl;
            download.textContent = 'Download';
            actions.appendChild(download);
          }
          body.appendChild(row);
        });
        return deployments;
      });
    }

    root.addEventListener('click', function (event) {
      var show = event.target.closest('[data-show-deployment]');
      if (show) {
        api('GET', base + '/deployments/' + show.getAttribute('data-show-deployment')).then(function (d) {
          follow(d);
          $('deploy-run').scrollIntoView({ block: 'start', behavior: 'smooth' });
        });
        return;
      }
      if (event.target.id === 'run-cancel') {
        var jobId = event.target.getAttribute('data-job-id');
        event.target.disabled = true;
        api('POST', '/api/v1/jobs/' + jobId + '/cancel').then(function () {
          window.EdgeForge.showAlert('info', 'Cancel requested: the build stops within seconds.');
        }).catch(function (problem) {
          window.EdgeForge.showAlert('error', problemText(problem));
        }).then(function () {
          event.target.disabled = false;
        });
        return;
      }
      if (event.target.id === 'deploy-build') {
        var button = event.target;
        button.disabled = true;
        api('POST', base + '/deployments', {
          modelId: modelSelect.value, variant: chosen('variant'), target: chosen('target'), format: chosen('format')
        }).then(function (deployment) {
          follow(deployment);
          loadList();
          $('deploy-run').scrollIntoView({ block: 'start', behavior: 'smooth' });
        }).catch(function (problem) {
          window.EdgeForge.showAlert('error', problemText(problem));
        }).then(function () {
          button.disabled = false;
        });
      }
    });

    if (modelSelect) {
      modelSelect.addEventListener('change', loadEstimates);
      loadEstimates();
    }
    loadList().then(function (deployments) {
      var open = deployments.filter(function (d) { return d.state === 'queued' || d.state === 'building'; });
      if (open.length) {
        follow(open[0]);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-page=deployment]');
    if (root) {
      init(root);
    }
  });
})();
