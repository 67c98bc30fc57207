/*
 * The sample list page: drag-and-drop uploads with a progress bar per file (a few in parallel), the list with
 * filters and keyset paging, selection and bulk actions, and the summary figures with the storage used against the
 * project's quota. Everything goes through the REST API (/api/v1/projects/{id}/samples, /dataset/summary, /storage).
 */
(function () {
  'use strict';

  var PAGE_SIZE = 50;
  var PARALLEL_UPLOADS = 3;

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

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
    if (m < 120) {
      return m + 'm ' + Math.round(s - m * 60) + 's';
    }
    return Math.floor(m / 60) + 'h ' + (m % 60) + 'm';
  }

  function formatBytes(bytes) {
    if (bytes < 1024) {
      return bytes + ' B';
    }
    var units = ['KB', 'MB', 'GB', 'TB'];
    var value = bytes / 1024;
    var unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value >= 100 ? Math.round(value) : Math.round(value * 10) / 10) + ' ' + units[unit];
  }

  function formatDate(iso) {
    return iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '';
  }

  function el(name, className, text) {
    var element = document.createElement(name);
    if (className) {
      element.className = className;
    }
    if (text !== undefined && text !== null) {
      element.textContent = text;
    }
    return element;
  }

  function init(root) {
    var projectId = root.getAttribute('data-project-id');
    var canEdit = root.getAttribute('data-can-edit') === 'true';
    var base = '/api/v1/projects/' + projectId;
    var api = window.EdgeForge.api;
    var alert = window.EdgeForge.showAlert;

    var rows = document.getElementById('sample-rows');
    var pageInfo = document.getElementById('page-info');
    var newer = document.getElementById('page-newer');
    var older = document.getElementById('page-older');
    var filters = document.getElementById('sample-filters');
    var selectPage = document.getElementById('select-page');
    var bulkBar = document.getElementById('bulk-bar');
    var bulkCount = document.getElementById('bulk-count');
    var allMatching = document.getElementById('bulk-all-matching');

    /* cursors[i] is the cursor that loads page i (null for the first) */
    var cursors = [null];
    var pageIndex = 0;
    var nextCursor = null;
    var selected = {};
    var loading = null;

    function filterQuery() {
      var params = new URLSearchParams();
      ['name', 'label', 'category', 'device', 'enabled'].forEach(function (name) {
        var value = filters.elements[name].value.trim();
        if (value) {
          params.set(name, value);
        }
      });
      return params;
    }

    function filterBody() {
      var body = {};
      filterQuery().forEach(function (value, key) {
        body[key] = key === 'enabled' ? value === 'true' : value;
      });
      return body;
    }

    function categoryBadge(category) {
      return el('span', 'badge cat-' + category, category);
    }

    function sampleRow(sample) {
      var row = el('tr');
      row.setAttribute('data-sample-id', sample.id);
      if (!sample.enabled) {
        row.className = 'disabled';
      }
      var check = el('td', 'select');
      if (canEdit) {
        var box = el('input');
        box.type = 'checkbox';
        box.setAttribute('data-select', sample.id);
        box.checked = !!selected[sample.id];
        box.setAttribute('aria-label', 'Select ' + sample.name);
        check.appendChild(box);
      }
      row.appendChild(check);
      var name = el('td');
      var link = el('a', null, sample.name);
      link.href = '/projects/' + projectId + '/data/samples/' + sample.id;
      name.appendChild(link);
      if (!sample.enabled) {
        name.appendChild(document.createTextNode(' '));
        name.appendChild(el('span', 'badge off', 'disabled'));
      }
      row.appendChild(name);
      var label = el('td');
      label.appendChild(sample.label === null ? el('span', 'badge unlabeled', 'unlabeled')
        : el('span', 'badge label', sample.label));
      row.appendChild(label);
      var category = el('td');
      category.appendChild(categoryBadge(sample.category));
      row.appendChild(category);
      var kind = sample.image ? 'image ' + sample.image.width + '×' + sample.image.height
        : (sample.audio ? 'audio' : sample.sensors.length + '-axis') + ' · ' + sample.format;
      row.appendChild(el('td', null, kind));
      row.appendChild(el('td', null, sample.image ? '' : formatDuration(sample.durationMs)));
      row.appendChild(el('td', null, sample.deviceName || sample.deviceType || ''));
      row.appendChild(el('td', null, formatDate(sample.createdAt)));
      return row;
    }

    function render(page) {
      while (rows.firstChild) {
        rows.removeChild(rows.firstChild);
      }
      if (!page.items.length) {
        var empty = el('tr');
        var cell = el('td', 'empty', pageIndex === 0 ? 'No samples match. Upload some above, or send them from a '
          + 'device to /api/training/data.' : 'No more samples.');
        cell.colSpan = 8;
        empty.appendChild(cell);
        rows.appendChild(empty);
      }
      page.items.forEach(function (sample) {
        rows.appendChild(sampleRow(sample));
      });
      nextCursor = page.next;
      newer.disabled = pageIndex === 0;
      older.disabled = !nextCursor;
      var first = pageIndex * PAGE_SIZE + (page.items.length ? 1 : 0);
      pageInfo.textContent = page.items.length ? 'Showing ' + first + '–' + (first + page.items.length - 1)
        : '';
      rows.setAttribute('data-count', String(page.items.length));
      updateSelection();
    }

    function load() {
      var params = filterQuery();
      params.set('limit', String(PAGE_SIZE));
      if (cursors[pageIndex]) {
        params.set('cursor', cursors[pageIndex]);
      }
      var request = api('GET', base + '/samples?' + params.toString());
      loading = request;
      return request.then(function (page) {
        if (loading === request) {
          render(page);
        }
      }).catch(function (problem) {
        alert('error', problemMessage(problem));
      });
    }

    function reloadFromStart() {
      cursors = [null];
      pageIndex = 0;
      return load();
    }

    function loadSummary() {
      loadStorage();
      return api('GET', base + '/dataset/summary').then(function (summary) {
        document.getElementById('stat-count').textContent = String(summary.total.count);
        document.getElementById('stat-duration').textContent = formatDuration(summary.total.durationMs);
        var labels = summary.labels.filter(function (l) { return l.label !== null; });
        document.getElementById('stat-labels').textContent = String(labels.length);
        var tt = summary.trainTest;
        document.getElementById('stat-split').textContent = tt.training + tt.testing === 0 ? '–'
          : Math.round(tt.trainingShare * 100) + ' / ' + Math.round(tt.testingShare * 100);
        var options = document.getElementById('label-options');
        while (options.firstChild) {
          options.removeChild(options.firstChild);
        }
        labels.forEach(function (l) {
          var option = el('option');
          option.value = l.label;
          options.appendChild(option);
        });
      }).catch(function () { /* the figures are optional; the list shows errors */ });
    }

    /* stored bytes against the quota an administrator set, if any */
    function loadStorage() {
      return api('GET', base + '/storage').then(function (storage) {
        var value = document.getElementById('stat-storage');
        var label = document.getElementById('stat-storage-label');
        var meter = document.getElementById('storage-meter');
        value.textContent = formatBytes(storage.usedBytes);
        if (storage.quotaBytes === null || storage.quotaBytes === undefined) {
          label.textContent = 'Storage used (no quota)';
          meter.classList.add('hidden');
          return;
        }
        label.textContent = 'Storage used of ' + formatBytes(storage.quotaBytes) + ' quota';
        var share = storage.quotaBytes === 0 ? 1 : Math.min(1, storage.usedBytes / storage.quotaBytes);
        meter.classList.remove('hidden');
        meter.classList.toggle('full', share >= 0.9);
        document.getElementById('storage-bar').style.width = Math.round(share * 100) + '%';
      }).catch(function () { /* optional, like the other figures */ });
    }

    newer.addEventListener('click', function () {
      if (pageIndex > 0) {
        pageIndex--;
        load();
      }
    });
    older.addEventListener('click', function () {
      if (nextCursor) {
        cursors[pageIndex + 1] = nextCursor;
        pageIndex++;
        load();
      }
    });

    var filterTimer = null;
    filters.addEventListener('input', function () {
      clearTimeout(filterTimer);
      filterTimer = setTimeout(function () {
        selected = {};
        reloadFromStart();
      }, 250);
    });
    filters.addEventListener('submit', function (event) {
      event.preventDefault();
    });

    /* ---- selection and bulk actions ---- */

    function selectedIds() {
      return Object.keys(selected);
    }

    function updateSelection() {
      if (!bulkBar) {
        return;
      }
      var count = selectedIds().length;
      var all = allMatching && allMatching.checked;
      bulkBar.classList.toggle('hidden', count === 0 && !all);
      bulkCount.textContent = all ? 'All matching samples' : count + ' selected';
      if (selectPage) {
        var boxes = rows.querySelectorAll('[data-select]');
        selectPage.checked = boxes.length > 0 && Array.prototype.every.call(boxes, function (b) {
          return b.checked;
        });
      }
    }

    rows.addEventListener('change', function (event) {
      var box = event.target.closest('[data-select]');
      if (!box) {
        return;
      }
      if (box.checked) {
        selected[box.getAttribute('data-select')] = true;
      } else {
        delete selected[box.getAttribute('data-select')];
      }
      updateSelection();
    });

    if (selectPage) {
      selectPage.addEventListener('change', function () {
        rows.querySelectorAll('[data-select]').forEach(function (box) {
          box.checked = selectPage.checked;
          if (box.checked) {
            selected[box.getAttribute('data-select')] = true;
          } else {
            delete selected[box.getAttribute('data-select')];
          }
        });
        updateSelection();
      });
    }
    if (allMatching) {
      allMatching.addEventListener('change', updateSelection);
    }

    if (bulkBar) {
      bulkBar.addEventListener('click', function (event) {
        var button = event.target.closest('[data-bulk]');
        if (!button) {
          return;
        }
        var action = button.getAttribute('data-bulk');
        var body = { action: action };
        if (allMatching.checked) {
          body.filter = filterBody();
        } else {
          body.ids = selectedIds();
        }
        if (action === 'relabel') {
          var label = document.getElementById('bulk-label').value.trim();
          body.label = label === '' ? null : label;
        }
        if (action === 'move') {
          body.category = document.getElementById('bulk-category').value;
        }
        var what = allMatching.checked ? 'every sample matching the filters' : body.ids.length + ' sample(s)';
        if (action === 'delete' && !window.confirm('Delete ' + what + '? This cannot be undone.')) {
          return;
        }
        api('POST', base + '/samples/bulk', body).then(function (result) {
          alert('success', result.action + ': ' + result.affected + ' of ' + result.matched + ' sample(s) changed.');
          selected = {};
          allMatching.checked = false;
          loadSummary();
          return load();
        }).catch(function (problem) {
          alert('error', problemMessage(problem));
        });
      });
    }

    /* ---- uploads ---- */

    var queue = [];
    var running = 0;
    var refreshTimer = null;

    function scheduleRefresh() {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(function () {
        loadSummary();
        if (pageIndex === 0) {
          load();
        }
      }, 200);
    }

    function uploadUrl() {
      var params = new URLSearchParams();
      var label = document.getElementById('upload-label').value.trim();
      if (label) {
        params.set('label', label);
      }
      params.set('category', document.getElementById('upload-category').value);
      params.set('disallowDuplicates', String(document.getElementById('upload-no-duplicates').checked));
      var interval = document.getElementById('upload-interval').value.trim();
      if (interval) {
        params.set('intervalMs', interval);
      }
      return base + '/samples?' + params.toString();
    }

    function queueRow(file) {
      var item = el('li');
      item.appendChild(el('span', 'file-name', file.name));
      var progress = el('div', 'progress');
      var bar = el('div', 'bar');
      progress.appendChild(bar);
      item.appendChild(progress);
      var status = el('span', 'file-status', 'waiting');
      item.appendChild(status);
      document.getElementById('upload-queue').appendChild(item);
      return { item: item, bar: bar, status: status };
    }

    function finish(entry, ok, message) {
      entry.view.item.classList.add(ok ? 'done' : 'failed');
      entry.view.bar.style.width = '100%';
      entry.view.status.textContent = message;
      running--;
      pump();
      if (ok) {
        scheduleRefresh();
      }
    }

    function send(entry) {
      running++;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', entry.url);
      xhr.setRequestHeader('Accept', 'application/json');
      var csrfHeader = meta('_csrf_header');
      var csrfToken = meta('_csrf');
      if (csrfHeader && csrfToken) {
        xhr.setRequestHeader(csrfHeader, csrfToken);
      }
      entry.view.status.textContent = 'uploading';
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) {
          entry.view.bar.style.width = Math.round(event.loaded / event.total * 100) + '%';
        }
      });
      xhr.addEventListener('load', function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
        if (body && body.files) {
          var stored = body.files.filter(function (f) { return f.success && f.id; });
          var failed = body.files.filter(function (f) { return !f.success; });
          if (failed.length === 0) {
            finish(entry, true, stored.length === 1 ? 'stored as “' + stored[0].name + '” ('
              + (stored[0].label || 'unlabeled') + ', ' + stored[0].category + ')'
              : 'stored ' + stored.length + ' sample(s)');
          } else {
            finish(entry, stored.length > 0, (stored.length ? 'stored ' + stored.length + ', ' : '')
              + failed.map(function (f) { return f.error; }).join('; '));
          }
        } else {
          finish(entry, false, problemMessage(body) + ' (HTTP ' + xhr.status + ')');
        }
      });
      xhr.addEventListener('error', function () {
        finish(entry, false, 'the connection failed');
      });
      var form = new FormData();
      form.append('files', entry.file, entry.file.name);
      xhr.send(form);
    }

    function pump() {
      while (running < PARALLEL_UPLOADS && queue.length) {
        send(queue.shift());
      }
    }

    function enqueue(files) {
      var maxBytes = Number(root.getAttribute('data-max-upload'));
      var url = uploadUrl();
      Array.prototype.forEach.call(files, function (file) {
        var view = queueRow(file);
        if (file.size > maxBytes) {
          view.item.classList.add('failed');
          view.status.textContent = 'larger than the limit of ' + Math.round(maxBytes / 1048576) + ' MB';
          return;
        }
        queue.push({ file: file, view: view, url: url });
      });
      pump();
    }

    var input = document.getElementById('upload-input');
    var zone = document.getElementById('drop-zone');
    if (input && zone) {
      input.addEventListener('change', function () {
        enqueue(input.files);
        input.value = '';
      });
      ['dragenter', 'dragover'].forEach(function (type) {
        zone.addEventListener(type, function (event) {
          event.preventDefault();
          zone.classList.add('dragging');
        });
      });
      ['dragleave', 'drop'].forEach(function (type) {
        zone.addEventListener(type, function (event) {
          event.preventDefault();
          zone.classList.remove('dragging');
        });
      });
      zone.addEventListener('drop', function (event) {
        if (event.dataTransfer && event.dataTransfer.files.length) {
          enqueue(event.dataTransfer.files);
        }
      });
    }

    loadSummary();
    load();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-page=data-samples]');
    if (root) {
      init(root);
    }
  });
})();
