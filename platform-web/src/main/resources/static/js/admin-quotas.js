/*
 * The administration page's project storage card: every project's stored bytes and storage quota, each quota
 * editable in place (in MB; empty for none). Works through GET /api/v1/admin/projects and
 * PUT /api/v1/admin/projects/{id}/quota.
 */
(function () {
  'use strict';

  var MB = 1048576;

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

  function problemMessage(problem) {
    var message = (problem && (problem.detail || problem.title)) || 'Something went wrong.';
    if (problem && problem.errors && problem.errors.length) {
      message += ' ' + problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    return message;
  }

  /** The quota in MB as the field shows it: whole or with up to three decimals. */
  function megabytes(bytes) {
    return String(Math.round(bytes / MB * 1000) / 1000);
  }

  function row(project, api) {
    var tr = el('tr');
    tr.setAttribute('data-project-id', project.projectId);
    var name = el('td');
    name.appendChild(el('strong', null, project.name));
    tr.appendChild(name);
    var used = el('td', 'used', formatBytes(project.usedBytes));
    tr.appendChild(used);
    var quotaCell = el('td');
    var input = el('input', 'quota-input');
    input.type = 'text';
    input.inputMode = 'decimal';
    input.placeholder = 'none';
    input.setAttribute('aria-label', 'Quota of ' + project.name + ' in MB');
    input.value = project.quotaBytes === null ? '' : megabytes(project.quotaBytes);
    quotaCell.appendChild(input);
    tr.appendChild(quotaCell);
    var actions = el('td');
    var save = el('button', 'btn btn-small quota-save', 'Save');
    save.type = 'button';
    var status = el('span', 'quota-status muted');
    actions.appendChild(save);
    actions.appendChild(document.createTextNode(' '));
    actions.appendChild(status);
    tr.appendChild(actions);

    save.addEventListener('click', function () {
      var text = input.value.trim().replace(',', '.');
      var quotaBytes = null;
      if (text !== '') {
        var mb = Number(text);
        if (!isFinite(mb) || mb < 0) {
          status.textContent = 'Enter a number of MB, 0 or more, or leave it empty for no quota.';
          tr.classList.add('invalid');
          return;
        }
        quotaBytes = Math.round(mb * MB);
      }
      tr.classList.remove('invalid');
      save.disabled = true;
      status.textContent = 'saving…';
      api('PUT', '/api/v1/admin/projects/' + project.projectId + '/quota', { quotaBytes: quotaBytes })
        .then(function (storage) {
          used.textContent = formatBytes(storage.usedBytes);
          input.value = storage.quotaBytes === null ? '' : megabytes(storage.quotaBytes);
          status.textContent = storage.quotaBytes === null ? 'saved: no quota'
            : 'saved: ' + formatBytes(storage.quotaBytes);
          tr.classList.add('saved');
        })
        .catch(function (problem) {
          status.textContent = problemMessage(problem);
          tr.classList.add('invalid');
        })
        .then(function () { save.disabled = false; });
    });
    return tr;
  }

  function init() {
    var api = window.EdgeForge.api;
    var rows = document.getElementById('quota-rows');
    api('GET', '/api/v1/admin/projects').then(function (projects) {
      while (rows.firstChild) {
        rows.removeChild(rows.firstChild);
      }
      if (!projects.length) {
        var empty = el('tr');
        var cell = el('td', 'empty', 'No projects yet.');
        cell.colSpan = 4;
        empty.appendChild(cell);
        rows.appendChild(empty);
      }
      projects.forEach(function (project) {
        rows.appendChild(row(project, api));
      });
    }).catch(function (problem) {
      window.EdgeForge.showAlert('error', problemMessage(problem));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (document.querySelector('[data-page=admin-quotas]')) {
      init();
    }
  });
})();
