/*
 * EdgeForge UI behaviour: a little vanilla JS, no inline scripts (pages declare behaviour with data-* attributes).
 * Every fetch() to the REST API sends the session's CSRF token, which the API requires for session-authenticated
 * writes.
 */
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  /** Calls the REST API as the signed-in user; resolves with the JSON body, rejects with the problem detail. */
  function api(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    var csrfHeader = meta('_csrf_header');
    var csrfToken = meta('_csrf');
    if (csrfHeader && csrfToken) {
      headers[csrfHeader] = csrfToken;
    }
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (response) {
      if (response.status === 204) {
        return null;
      }
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (ignored) { json = null; }
        if (!response.ok) {
          var problem = json || {};
          problem.status = problem.status || response.status;
          problem.detail = problem.detail || ('The server answered ' + response.status + '.');
          throw problem;
        }
        return json;
      });
    });
  }

  function showAlert(kind, message) {
    var holder = document.getElementById('page-alert');
    if (!holder) {
      return;
    }
    holder.className = 'alert alert-' + kind;
    holder.textContent = message;
    holder.classList.remove('hidden');
    holder.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function problemMessage(problem) {
    var message = problem.detail || problem.title || 'Something went wrong.';
    if (problem.errors && problem.errors.length) {
      message += ' ' + problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    return message;
  }

  function copyText(text, button) {
    function done() {
      var label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done);
      return;
    }
    var area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); done(); } finally { document.body.removeChild(area); }
  }

  function formatDate(iso) {
    if (!iso) {
      return '';
    }
    var date = new Date(iso);
    return date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }

  /* ---- generic behaviours ---- */

  document.addEventListener('click', function (event) {
    var copy = event.target.closest('[data-copy-target]');
    if (copy) {
      var source = document.getElementById(copy.getAttribute('data-copy-target'));
      if (source) {
        copyText(source.textContent.trim(), copy);
      }
    }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  /* ---- API keys page ---- */

  function scopeBadges(scopes) {
    var cell = document.createElement('td');
    scopes.forEach(function (scope) {
      var badge = document.createElement('span');
      badge.className = 'badge scope';
      badge.textContent = scope;
      cell.appendChild(badge);
      cell.appendChild(document.createTextNode(' '));
    });
    return cell;
  }

  function apiKeyRow(key, projectId, canManage) {
    var row = document.createElement('tr');
    row.setAttribute('data-key-id', key.id);
    var name = document.createElement('td');
    var strong = document.createElement('strong');
    strong.textContent = key.name;
    name.appendChild(strong);
    var prefix = document.createElement('span');
    prefix.className = 'sub mono';
    prefix.textContent = (key.prefix || key.key.slice(0, 9)) + '\u2026';
    name.appendChild(prefix);
    row.appendChild(name);
    row.appendChild(scopeBadges(key.scopes));
    var created = document.createElement('td');
    created.textContent = formatDate(key.createdAt);
    row.appendChild(created);
    var used = document.createElement('td');
    used.textContent = 'never';
    row.appendChild(used);
    var actions = document.createElement('td');
    actions.className = 'actions';
    if (canManage) {
      var revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.className = 'btn btn-danger btn-small';
      revoke.setAttribute('data-revoke-key', key.id);
      revoke.textContent = 'Revoke';
      actions.appendChild(revoke);
    }
    row.appendChild(actions);
    return row;
  }

  function initApiKeys(root) {
    var projectId = root.getAttribute('data-project-id');
    var canManage = root.getAttribute('data-can-manage') === 'true';
    var base = '/api/v1/projects/' + projectId + '/api-keys';
    var form = document.getElementById('create-api-key');
    var tableBody = document.getElementById('api-key-rows');
    var emptyRow = document.getElementById('api-key-empty');

    if (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var name = form.querySelector('[name=name]').value.trim();
        var scopes = Array.prototype.map.call(form.querySelectorAll('[name=scopes]:checked'), function (box) {
          return box.value;
        });
        var button = form.querySelector('button[type=submit]');
        button.disabled = true;
        api('POST', base, { name: name, scopes: scopes }).then(function (created) {
          document.getElementById('new-key-name').textContent = created.name;
          document.getElementById('new-key-value').textContent = created.key;
          document.getElementById('new-key').classList.remove('hidden');
          document.getElementById('page-alert').classList.add('hidden');
          if (emptyRow) {
            emptyRow.remove();
            emptyRow = null;
          }
          tableBody.insertBefore(apiKeyRow(created, projectId, canManage), tableBody.firstChild);
          form.reset();
        }).catch(function (problem) {
          showAlert('error', problemMessage(problem));
        }).then(function () {
          button.disabled = false;
        });
      });
    }

    root.addEventListener('click', function (event) {
      var revoke = event.target.closest('[data-revoke-key]');
      if (!revoke) {
        return;
      }
      var id = revoke.getAttribute('data-revoke-key');
      if (!window.confirm('Revoke this key? Devices and scripts using it stop working at once.')) {
        return;
      }
      api('DELETE', base + '/' + id).then(function () {
        var row = root.querySelector('tr[data-key-id="' + id + '"]');
        if (row) {
          row.remove();
        }
        showAlert('success', 'API key revoked.');
      }).catch(function (problem) {
        showAlert('error', problemMessage(problem));
      });
    });
  }

  /* ---- members page ---- */

  function initMembers(root) {
    var projectId = root.getAttribute('data-project-id');
    root.addEventListener('change', function (event) {
      var select = event.target.closest('[data-role-select]');
      if (!select) {
        return;
      }
      var userId = select.getAttribute('data-role-select');
      var previous = select.getAttribute('data-current');
      api('PATCH', '/api/v1/projects/' + projectId + '/members/' + userId, { role: select.value })
        .then(function (member) {
          select.setAttribute('data-current', member.role);
          showAlert('success', member.email + ' is now ' + member.role + '.');
        })
        .catch(function (problem) {
          select.value = previous;
          showAlert('error', problemMessage(problem));
        });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var keys = document.querySelector('[data-page=api-keys]');
    if (keys) {
      initApiKeys(keys);
    }
    var members = document.querySelector('[data-page=members]');
    if (members) {
      initMembers(members);
    }
  });

  window.EdgeForge = { api: api, showAlert: showAlert };
})();
