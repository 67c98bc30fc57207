/*
 * EdgeForge UI behaviour on every page: a little vanilla JS, no inline scripts (pages declare behaviour with data-*
 * attributes): copy buttons (data-copy-target), confirmed forms (data-confirm), the project menu button of narrow
 * screens, and the API keys and members pages.
 */
import { api, byId, el, forPage, formatDate, problemMessage, showAlert } from './ui.js';

function copyText(text, button) {
  function done() {
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => { button.textContent = label; }, 1500);
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
    return;
  }
  const area = el('textarea');
  area.value = text;
  document.body.appendChild(area);
  area.select();
  try {
    document.execCommand('copy');
    done();
  } finally {
    document.body.removeChild(area);
  }
}

/* ---- generic behaviours ---- */

document.addEventListener('click', (event) => {
  const copy = event.target.closest('[data-copy-target]');
  if (copy) {
    const source = byId(copy.getAttribute('data-copy-target'));
    if (source) {
      copyText(source.textContent.trim(), copy);
    }
  }
});

/* The project menu button of narrow screens: shows or hides the sidebar (app.css hides it under 820 px). */
const navToggle = byId('nav-toggle');
if (navToggle) {
  navToggle.addEventListener('click', () => {
    const open = navToggle.getAttribute('aria-expanded') !== 'true';
    navToggle.setAttribute('aria-expanded', String(open));
    document.body.classList.toggle('nav-open', open);
  });
}

document.addEventListener('submit', (event) => {
  const question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

/* ---- API keys page ---- */

function apiKeyRow(key, canManage) {
  const badges = [];
  key.scopes.forEach((scope) => {
    badges.push(el('span', { className: 'badge scope', text: scope }), ' ');
  });
  return el('tr', { 'data-key-id': key.id }, [
    el('td', {}, [el('strong', { text: key.name }),
      el('span', { className: 'sub mono', text: (key.prefix || key.key.slice(0, 9)) + '\u2026' })]),
    el('td', {}, badges),
    el('td', { text: formatDate(key.createdAt) }),
    el('td', { text: 'never' }),
    el('td', { className: 'actions' }, [canManage ? el('button', { type: 'button',
      className: 'btn btn-danger btn-small', 'data-revoke-key': key.id, text: 'Revoke' }) : null])
  ]);
}

function initApiKeys(root) {
  const projectId = root.getAttribute('data-project-id');
  const canManage = root.getAttribute('data-can-manage') === 'true';
  const base = '/api/v1/projects/' + projectId + '/api-keys';
  const form = byId('create-api-key');
  const tableBody = byId('api-key-rows');

  if (form) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = form.querySelector('[name=name]').value.trim();
      const scopes = Array.from(form.querySelectorAll('[name=scopes]:checked'), (box) => box.value);
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      api('POST', base, { name, scopes }).then((created) => {
        byId('new-key-name').textContent = created.name;
        byId('new-key-value').textContent = created.key;
        byId('new-key').classList.remove('hidden');
        byId('page-alert').classList.add('hidden');
        const emptyRow = byId('api-key-empty');
        if (emptyRow) {
          emptyRow.remove();
        }
        tableBody.insertBefore(apiKeyRow(created, canManage), tableBody.firstChild);
        form.reset();
      }).catch((problem) => {
        showAlert('error', problemMessage(problem));
      }).then(() => {
        button.disabled = false;
      });
    });
  }

  root.addEventListener('click', (event) => {
    const revoke = event.target.closest('[data-revoke-key]');
    if (!revoke) {
      return;
    }
    const id = revoke.getAttribute('data-revoke-key');
    if (!window.confirm('Revoke this key? Devices and scripts using it stop working at once.')) {
      return;
    }
    api('DELETE', base + '/' + id).then(() => {
      const row = root.querySelector('tr[data-key-id="' + id + '"]');
      if (row) {
        row.remove();
      }
      showAlert('success', 'API key revoked.');
    }).catch((problem) => {
      showAlert('error', problemMessage(problem));
    });
  });
}

/* ---- members page ---- */

function initMembers(root) {
  const projectId = root.getAttribute('data-project-id');
  root.addEventListener('change', (event) => {
    const select = event.target.closest('[data-role-select]');
    if (!select) {
      return;
    }
    const userId = select.getAttribute('data-role-select');
    const previous = select.getAttribute('data-current');
    api('PATCH', '/api/v1/projects/' + projectId + '/members/' + userId, { role: select.value })
      .then((member) => {
        select.setAttribute('data-current', member.role);
        showAlert('success', member.email + ' is now ' + member.role + '.');
      })
      .catch((problem) => {
        select.value = previous;
        showAlert('error', problemMessage(problem));
      });
  });
}

forPage('api-keys', initApiKeys);
forPage('members', initMembers);
