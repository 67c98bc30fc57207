/*
 * The sample list page: drag-and-drop uploads with a progress bar per file (a few in parallel), a folder chosen whole
 * (an Edge Impulse Studio export: its info.labels files go with every batch of its files, so each file keeps its
 * label, category, bounding boxes and enabled state), the list with filters (signature status too) and keyset paging,
 * selection and bulk actions (checking signatures again among them), and the summary figures with the storage used
 * against the project's quota; files without a given label take it from their names by the chosen rule, each
 * shown with its label (the server's preview) before its upload starts. Everything goes through the REST API
 * (/api/v1/projects/{id}/samples, /dataset/summary, /storage).
 */
import {
  alertProblem, api, byId, clear, csrfHeaders, DASH, el, forPage, formatBytes, formatDate, formatDuration,
  problemMessage, showAlert
} from './ui.js';

const PAGE_SIZE = 50;
const PARALLEL_UPLOADS = 3;
/* a chosen folder is sent in requests of at most this many data files and bytes (its labels files go with each) */
const FOLDER_BATCH_FILES = 50;
const FOLDER_BATCH_BYTES = 32 * 1048576;

function init(root) {
  const projectId = root.getAttribute('data-project-id');
  const canEdit = root.getAttribute('data-can-edit') === 'true';
  const base = '/api/v1/projects/' + projectId;

  const rows = byId('sample-rows');
  const pageInfo = byId('page-info');
  const newer = byId('page-newer');
  const older = byId('page-older');
  const filters = byId('sample-filters');
  const selectPage = byId('select-page');
  const bulkBar = byId('bulk-bar');
  const bulkCount = byId('bulk-count');
  const allMatching = byId('bulk-all-matching');

  /* cursors[i] is the cursor that loads page i (null for the first) */
  let cursors = [null];
  let pageIndex = 0;
  let nextCursor = null;
  let selected = {};
  let loading = null;

  function filterQuery() {
    const params = new URLSearchParams();
    ['name', 'label', 'category', 'device', 'enabled', 'signature'].forEach(function (name) {
      const value = filters.elements[name].value.trim();
      if (value) {
        params.set(name, value);
      }
    });
    return params;
  }

  function filterBody() {
    const body = {};
    filterQuery().forEach(function (value, key) {
      body[key] = key === 'enabled' ? value === 'true' : value;
    });
    return body;
  }

  function sampleRow(sample) {
    const name = el('td', {}, [el('a', { text: sample.name,
      href: '/projects/' + projectId + '/data/samples/' + sample.id })]);
    if (!sample.enabled) {
      name.append(' ', el('span', { className: 'badge off', text: 'disabled' }));
    }
    const kind = sample.image ? 'image ' + sample.image.width + '×' + sample.image.height
      : (sample.audio ? 'audio' : sample.sensors.length + '-axis') + ' · ' + sample.format;
    return el('tr', { 'data-sample-id': sample.id, className: sample.enabled ? null : 'disabled' }, [
      el('td', { className: 'select' }, [canEdit ? el('input', { type: 'checkbox', 'data-select': sample.id,
        checked: selected[sample.id], 'aria-label': 'Select ' + sample.name }) : null]),
      name,
      el('td', {}, [sample.label === null ? el('span', { className: 'badge unlabeled', text: 'unlabeled' })
        : el('span', { className: 'badge label', text: sample.label })]),
      el('td', {}, [el('span', { className: 'badge cat-' + sample.category, text: sample.category })]),
      el('td', { text: kind }),
      el('td', {}, [sample.signature ? el('span', { className: 'badge sig-' + sample.signature,
        text: sample.signature, 'data-signature': sample.signature }) : null]),
      el('td', { text: sample.image ? sample.image.width + ' × ' + sample.image.height + ' px'
        : formatDuration(sample.durationMs) }),
      el('td', { text: sample.deviceName || sample.deviceType || '' }),
      el('td', { text: formatDate(sample.createdAt) })
    ]);
  }

  function render(page) {
    clear(rows);
    if (!page.items.length) {
      rows.appendChild(el('tr', {}, [el('td', { className: 'empty', colspan: '9', text: pageIndex === 0
        ? 'No samples match. Upload some above, or send them from a device to /api/training/data.'
        : 'No more samples.' })]));
    }
    page.items.forEach((sample) => rows.appendChild(sampleRow(sample)));
    nextCursor = page.next;
    newer.disabled = pageIndex === 0;
    older.disabled = !nextCursor;
    const first = pageIndex * PAGE_SIZE + (page.items.length ? 1 : 0);
    pageInfo.textContent = page.items.length ? 'Showing ' + first + DASH + (first + page.items.length - 1) : '';
    rows.setAttribute('data-count', String(page.items.length));
    updateSelection();
  }

  function load() {
    const params = filterQuery();
    params.set('limit', String(PAGE_SIZE));
    if (cursors[pageIndex]) {
      params.set('cursor', cursors[pageIndex]);
    }
    const request = api('GET', base + '/samples?' + params.toString());
    loading = request;
    return request.then(function (page) {
      if (loading === request) {
        render(page);
      }
    }).catch(alertProblem);
  }

  function reloadFromStart() {
    cursors = [null];
    pageIndex = 0;
    return load();
  }

  /* stored bytes against the quota an administrator set, if any */
  function loadStorage() {
    return api('GET', base + '/storage').then(function (storage) {
      const label = byId('stat-storage-label');
      const meter = byId('storage-meter');
      byId('stat-storage').textContent = formatBytes(storage.usedBytes);
      if (storage.quotaBytes === null || storage.quotaBytes === undefined) {
        label.textContent = 'Storage used (no quota)';
        meter.classList.add('hidden');
        return;
      }
      label.textContent = 'Storage used of ' + formatBytes(storage.quotaBytes) + ' quota';
      const share = storage.quotaBytes === 0 ? 1 : Math.min(1, storage.usedBytes / storage.quotaBytes);
      meter.classList.remove('hidden');
      meter.classList.toggle('full', share >= 0.9);
      byId('storage-bar').style.width = Math.round(share * 100) + '%';
    }).catch(function () { /* optional, like the other figures */ });
  }

  function loadSummary() {
    loadStorage();
    return api('GET', base + '/dataset/summary').then(function (summary) {
      byId('stat-count').textContent = String(summary.total.count);
      byId('stat-duration').textContent = formatDuration(summary.total.durationMs);
      const labels = summary.labels.filter(function (l) { return l.label !== null; });
      byId('stat-labels').textContent = String(labels.length);
      const tt = summary.trainTest;
      byId('stat-split').textContent = tt.training + tt.testing === 0 ? DASH
        : Math.round(tt.trainingShare * 100) + ' / ' + Math.round(tt.testingShare * 100);
      const options = clear(byId('label-options'));
      labels.forEach((l) => options.appendChild(el('option', { value: l.label })));
    }).catch(function () { /* the figures are optional; the list shows errors */ });
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

  let filterTimer = null;
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
    const count = selectedIds().length;
    const all = allMatching && allMatching.checked;
    bulkBar.classList.toggle('hidden', count === 0 && !all);
    bulkCount.textContent = all ? 'All matching samples' : count + ' selected';
    if (selectPage) {
      const boxes = rows.querySelectorAll('[data-select]');
      selectPage.checked = boxes.length > 0 && Array.prototype.every.call(boxes, function (b) {
        return b.checked;
      });
    }
  }

  /** Remembers whether a row's box is checked (the selection outlives paging). */
  function remember(box) {
    if (box.checked) {
      selected[box.getAttribute('data-select')] = true;
    } else {
      delete selected[box.getAttribute('data-select')];
    }
  }

  rows.addEventListener('change', function (event) {
    const box = event.target.closest('[data-select]');
    if (box) {
      remember(box);
      updateSelection();
    }
  });

  if (selectPage) {
    selectPage.addEventListener('change', function () {
      rows.querySelectorAll('[data-select]').forEach(function (box) {
        box.checked = selectPage.checked;
        remember(box);
      });
      updateSelection();
    });
  }
  if (allMatching) {
    allMatching.addEventListener('change', updateSelection);
  }

  if (bulkBar) {
    bulkBar.addEventListener('click', function (event) {
      const button = event.target.closest('[data-bulk]');
      if (!button) {
        return;
      }
      const action = button.getAttribute('data-bulk');
      const body = { action: action };
      if (allMatching.checked) {
        body.filter = filterBody();
      } else {
        body.ids = selectedIds();
      }
      if (action === 'relabel') {
        const label = byId('bulk-label').value.trim();
        body.label = label === '' ? null : label;
      }
      if (action === 'move') {
        body.category = byId('bulk-category').value;
      }
      const what = allMatching.checked ? 'every sample matching the filters' : body.ids.length + ' sample(s)';
      if (action === 'delete' && !window.confirm('Delete ' + what + '? This cannot be undone.')) {
        return;
      }
      api('POST', base + '/samples/bulk', body).then(function (result) {
        showAlert('success', result.action === 'verify' ? verifiedMessage(result)
          : result.action + ': ' + result.affected + ' of ' + result.matched + ' sample(s) changed.');
        selected = {};
        allMatching.checked = false;
        loadSummary();
        return load();
      }).catch(alertProblem);
    });
  }

  /** What a signature check found, in words. */
  function verifiedMessage(result) {
    if (!result.checked) {
      return 'Signatures: none of the ' + result.matched + ' selected sample(s) is unverified or invalid.';
    }
    const now = Object.keys(result.signatures).map(function (status) {
      return result.signatures[status] + ' ' + status;
    }).join(', ');
    return 'Signatures checked for ' + result.checked + ' sample(s): ' + now + ' (' + result.affected + ' changed).';
  }

  /* ---- uploads ---- */

  const queue = [];
  let running = 0;
  let refreshTimer = null;

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(function () {
      loadSummary();
      if (pageIndex === 0) {
        load();
      }
    }, 200);
  }

  /* ---- the label rule: how a file without a given label gets one from its name (issue #12) ---- */

  const EXAMPLE_NAMES = ['0_george_5.wav', 'idle.01.json'];
  let lastNames = [];
  let ruleTimer = null;

  /** The rule as the API takes it: first-dot, separator:<text> or regex:<pattern>. */
  function labelRule() {
    const kind = byId('upload-label-rule').value;
    return kind === 'first-dot' ? 'first-dot' : kind + ':' + byId('upload-label-rule-value').value;
  }

  function givenLabel() {
    return byId('upload-label').value.trim();
  }

  /** The labels the server's rule gives these names: the one definition, so the preview is what the upload does. */
  function previewLabels(names) {
    return api('POST', base + '/samples/label-preview', { labelRule: labelRule(), fileNames: names });
  }

  /** Shows, under the rule, what it makes of the last chosen names (or examples), or why it cannot be used. */
  function showRuleExample() {
    const example = byId('label-rule-example');
    if (!example) {
      return;
    }
    const names = (lastNames.length ? lastNames : EXAMPLE_NAMES).slice(0, 3);
    previewLabels(names).then(function (preview) {
      example.classList.remove('error');
      example.textContent = preview.files.map(function (f) {
        return f.fileName + ' \u2192 ' + (f.error ? 'refused: no label' : f.label === null ? 'unlabeled' : f.label);
      }).join(' \u00b7 ');
    }).catch(function (problem) {
      example.classList.add('error');
      example.textContent = problemMessage(problem);
    });
  }

  const ruleSelect = byId('upload-label-rule');
  if (ruleSelect) {
    const ruleValue = byId('upload-label-rule-value');
    ruleSelect.addEventListener('change', function () {
      ruleValue.classList.toggle('hidden', ruleSelect.value === 'first-dot');
      ruleValue.placeholder = ruleSelect.value === 'regex' ? '^(\\d+)_' : '_';
      if (ruleSelect.value === 'separator' && !ruleValue.value) {
        ruleValue.value = '_';
      }
      showRuleExample();
    });
    ruleValue.addEventListener('input', function () {
      clearTimeout(ruleTimer);
      ruleTimer = setTimeout(showRuleExample, 250);
    });
    showRuleExample();
  }

  function uploadUrl() {
    const params = new URLSearchParams();
    const label = givenLabel();
    if (label) {
      params.set('label', label);
    } else if (ruleSelect) {
      params.set('labelRule', labelRule());
    }
    params.set('category', byId('upload-category').value);
    params.set('disallowDuplicates', String(byId('upload-no-duplicates').checked));
    const interval = byId('upload-interval').value.trim();
    if (interval) {
      params.set('intervalMs', interval);
    }
    return base + '/samples?' + params.toString();
  }

  function queueRow(name) {
    const bar = el('div', { className: 'bar' });
    const status = el('span', { className: 'file-status', text: 'waiting' });
    const label = el('span', { className: 'file-label', 'data-testid': 'queued-label' });
    const item = el('li', {}, [el('span', { className: 'file-name', text: name }),
      el('div', { className: 'progress' }, [bar]), label, status]);
    byId('upload-queue').appendChild(item);
    return { item, bar, status, label };
  }

  /** A line of the queue that reports, without a progress bar (what a folder's labels files say). */
  function queueNote(name, text) {
    byId('upload-queue').appendChild(el('li', { className: 'note' }, [el('span', { className: 'file-name',
      text: name }), el('span', { className: 'file-status', text: text })]));
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
    const xhr = new XMLHttpRequest();
    xhr.open('POST', entry.url);
    const headers = csrfHeaders();
    Object.keys(headers).forEach((name) => xhr.setRequestHeader(name, headers[name]));
    entry.view.status.textContent = 'uploading';
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) {
        entry.view.bar.style.width = Math.round(event.loaded / event.total * 100) + '%';
      }
    });
    xhr.addEventListener('load', function () {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: the status speaks below
      }
      if (body && body.files) {
        const stored = body.files.filter(function (f) { return f.success && f.id; });
        const failed = body.files.filter(function (f) { return !f.success; });
        if (stored.length === 0 && failed.length === 0) {
          finish(entry, false, 'no data file in it: a labels file applies to the files sent with it');
          return;
        }
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
    const form = new FormData();
    entry.parts.forEach(function (part) {
      form.append('files', part.file, part.name);
    });
    xhr.send(form);
  }

  function pump() {
    while (running < PARALLEL_UPLOADS && queue.length) {
      send(queue.shift());
    }
  }

  /**
   * Files chosen one by one: each gets its line with the label it will get (the given one, or what the rule makes of
   * its name, asked of the server) before any upload starts; a name the rule gets no label from is not sent.
   */
  function enqueue(files) {
    const maxBytes = Number(root.getAttribute('data-max-upload'));
    const url = uploadUrl();
    const label = givenLabel();
    const entries = [];
    Array.prototype.forEach.call(files, function (file) {
      const view = queueRow(file.name);
      if (file.size > maxBytes) {
        tooLarge(view, maxBytes);
        return;
      }
      entries.push({ parts: [{ file: file, name: file.name }], view: view, url: url });
    });
    lastNames = entries.map(function (e) { return e.parts[0].name; });
    if (label || !ruleSelect || !entries.length) {
      entries.forEach(function (e) {
        e.view.label.textContent = label ? 'label ' + label : '';
        queue.push(e);
      });
      pump();
      return;
    }
    showRuleExample();
    previewLabels(lastNames).then(function (preview) {
      entries.forEach(function (entry, i) {
        const item = preview.files[i];
        if (item.error) {
          entry.view.label.textContent = 'no label';
          entry.view.item.classList.add('failed');
          entry.view.status.textContent = 'not sent: ' + item.error;
          return;
        }
        entry.view.label.textContent = item.label === null ? 'unlabeled' : 'label ' + item.label;
        queue.push(entry);
      });
      pump();
    }).catch(function (problem) {
      entries.forEach(function (entry) {
        entry.view.item.classList.add('failed');
        entry.view.status.textContent = 'not sent: ' + problemMessage(problem);
      });
    });
  }

  function tooLarge(view, maxBytes) {
    view.item.classList.add('failed');
    view.status.textContent = 'larger than the limit of ' + Math.round(maxBytes / 1048576) + ' MB';
  }

  function isLabelsFile(file) {
    return /\.labels$/i.test(file.name);
  }

  /** Hidden files and macOS metadata that a folder brings along, which are no samples. */
  function isSkipped(file) {
    const path = file.webkitRelativePath || file.name;
    return file.name.startsWith('.') || path.split('/').indexOf('__MACOSX') >= 0;
  }

  /** What an info.labels lists, for the queue: how many files, which labels, which categories. */
  function describeLabels(text) {
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      return 'not valid JSON: the server will say what is wrong';
    }
    if (!json || !Array.isArray(json.files)) {
      return json && json.type === 'bounding-box-labels' ? 'bounding boxes of '
        + Object.keys(json.boundingBoxes || {}).length + ' image(s)' : 'no "files" list';
    }
    const labels = {};
    const categories = {};
    let disabled = 0;
    json.files.forEach(function (f) {
      if (f && f.label && f.label.label) {
        labels[f.label.label] = true;
      }
      if (f && f.category) {
        categories[f.category] = (categories[f.category] || 0) + 1;
      }
      disabled += f && f.enabled === false ? 1 : 0;
    });
    return json.files.length + ' file(s) listed; labels ' + (Object.keys(labels).sort().join(', ') || 'none') + '; '
      + Object.keys(categories).sort().map(function (c) { return categories[c] + ' ' + c; }).join(', ')
      + (disabled ? '; ' + disabled + ' disabled' : '');
  }

  /**
   * A folder chosen whole (webkitdirectory): its labels files (info.labels, bounding_boxes.labels, at any depth) are
   * read here to show what they say, and sent with every batch of the folder's files, which keep their paths so the
   * server finds each file's entry. Without the labels files, each file would take the form's label and category.
   */
  function enqueueFolder(files, only) {
    const maxBytes = Number(root.getAttribute('data-max-upload'));
    const url = uploadUrl();
    const all = Array.prototype.filter.call(files, function (file) { return !isSkipped(file); });
    const labels = all.filter(isLabelsFile);
    const data = all.filter(function (file) { return !isLabelsFile(file) && (!only || only.indexOf(file) >= 0); });
    const folder = all.length ? (all[0].webkitRelativePath || all[0].name).split('/')[0] : 'folder';
    const part = function (file) { return { file: file, name: file.webkitRelativePath || file.name }; };
    const sidecars = labels.map(part);
    Promise.all(labels.map(function (file) {
      return file.text().then(describeLabels).catch(function () { return 'could not be read'; });
    })).then(function (descriptions) {
      descriptions.forEach(function (text, i) {
        queueNote(sidecars[i].name, text);
      });
      if (!labels.length) {
        queueNote(folder + '/', 'no info.labels: labels come from the file names, the category from the form');
      }
      let batch = [];
      let bytes = 0;
      const flush = function () {
        if (batch.length) {
          const first = data.indexOf(batch[0].file) + 1;
          const view = queueRow(folder + '/ files ' + first + DASH + (first + batch.length - 1) + ' of ' + data.length);
          queue.push({ parts: sidecars.concat(batch), view: view, url: url });
          batch = [];
          bytes = 0;
        }
      };
      data.forEach(function (file) {
        if (file.size > maxBytes) {
          tooLarge(queueRow(part(file).name), maxBytes);
          return;
        }
        if (batch.length >= FOLDER_BATCH_FILES || (batch.length && bytes + file.size > FOLDER_BATCH_BYTES)) {
          flush();
        }
        batch.push(part(file));
        bytes += file.size;
      });
      flush();
      pump();
    });
  }

  /*
   * A folder without labels files takes its labels from the file names: before anything is sent, the page lists each
   * file with the label it will get (the given label, or the server's rule applied to its name through the
   * label-preview endpoint, the one definition) and waits for Upload; a file the rule gets no label from is listed as
   * not sent. Changing the label or the rule while the list is open lists again.
   */
  const PREVIEW_CHUNK = 5000;
  let pendingFolder = null; // { files, data, sendable }

  function isSampleInFolder(file) {
    return !isSkipped(file) && !isLabelsFile(file);
  }

  function closeFolderPreview() {
    pendingFolder = null;
    byId('folder-preview').classList.add('hidden');
    byId('folder-preview-rows').textContent = '';
  }

  function folderLabels(data) {
    const label = givenLabel();
    const names = data.map(function (file) { return file.webkitRelativePath || file.name; });
    if (label || !ruleSelect) {
      return Promise.resolve(names.map(function (name) {
        return { fileName: name, label: label || null, error: null };
      }));
    }
    const chunks = [];
    for (let i = 0; i < names.length; i += PREVIEW_CHUNK) {
      chunks.push(previewLabels(names.slice(i, i + PREVIEW_CHUNK)));
    }
    return Promise.all(chunks).then(function (previews) {
      return previews.reduce(function (items, preview) { return items.concat(preview.files); }, []);
    });
  }

  function showFolderPreview() {
    const pending = pendingFolder;
    const summary = byId('folder-preview-summary');
    const rows = byId('folder-preview-rows');
    const button = byId('folder-upload');
    byId('folder-preview').classList.remove('hidden');
    button.disabled = true;
    summary.classList.remove('error');
    summary.textContent = 'Reading the labels of ' + pending.data.length + ' file(s)\u2026';
    folderLabels(pending.data).then(function (items) {
      if (pendingFolder !== pending) {
        return;
      }
      rows.textContent = '';
      const counts = {};
      pending.sendable = [];
      items.forEach(function (item, i) {
        const failed = Boolean(item.error);
        const labelText = failed ? 'none: not sent (' + item.error + ')'
          : item.label === null ? 'unlabeled' : item.label;
        rows.appendChild(el('tr', { className: failed ? 'failed' : '', 'data-testid': 'folder-preview-row' }, [
          el('td', { className: 'mono', text: item.fileName }), el('td', { text: labelText })]));
        if (!failed) {
          pending.sendable.push(pending.data[i]);
          const key = item.label === null ? 'unlabeled' : item.label;
          counts[key] = (counts[key] || 0) + 1;
        }
      });
      const refused = items.length - pending.sendable.length;
      summary.textContent = pending.sendable.length + ' of ' + items.length + ' file(s) will be uploaded'
        + (Object.keys(counts).length ? ', labeled ' + Object.keys(counts).sort().map(function (k) {
          return k + ' \u00d7' + counts[k];
        }).join(', ') : '')
        + (refused ? '; ' + refused + ' get no label from the rule and will not be sent' : '') + '.';
      button.disabled = pending.sendable.length === 0;
      button.textContent = 'Upload ' + pending.sendable.length + ' file(s)';
    }).catch(function (problem) {
      if (pendingFolder !== pending) {
        return;
      }
      rows.textContent = '';
      summary.classList.add('error');
      summary.textContent = 'Nothing can be uploaded with this rule: ' + problemMessage(problem);
    });
  }

  function chooseFolder(files) {
    const all = Array.prototype.slice.call(files);
    if (all.some(function (file) { return !isSkipped(file) && isLabelsFile(file); })) {
      // an Edge Impulse export: its info.labels says each file's label, shown in the queue as it is read
      closeFolderPreview();
      enqueueFolder(all);
      return;
    }
    const data = all.filter(isSampleInFolder);
    if (!data.length) {
      closeFolderPreview();
      queueNote('folder', 'no sample files in it');
      return;
    }
    pendingFolder = { files: all, data: data, sendable: [] };
    showFolderPreview();
  }

  const folderInput = byId('upload-folder');
  if (folderInput) {
    folderInput.addEventListener('change', function () {
      chooseFolder(folderInput.files);
      folderInput.value = '';
    });
    byId('folder-upload').addEventListener('click', function () {
      const pending = pendingFolder;
      if (!pending || !pending.sendable.length) {
        return;
      }
      closeFolderPreview();
      enqueueFolder(pending.files, pending.sendable);
    });
    byId('folder-cancel').addEventListener('click', closeFolderPreview);
    let folderTimer = null;
    const relist = function () {
      if (pendingFolder) {
        clearTimeout(folderTimer);
        folderTimer = setTimeout(showFolderPreview, 250);
      }
    };
    byId('upload-label').addEventListener('input', relist);
    if (ruleSelect) {
      ruleSelect.addEventListener('change', relist);
      byId('upload-label-rule-value').addEventListener('input', relist);
    }
  }

  const input = byId('upload-input');
  const zone = byId('drop-zone');
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

  // samples that arrived another way (an import from another project, data-import.js)
  root.addEventListener('ef-samples-changed', () => {
    loadSummary();
    reloadFromStart();
  });

  loadSummary();
  load();
}

forPage('data-samples', init);
