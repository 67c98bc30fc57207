/*
 * The administration page's project storage card: every project's stored bytes and storage quota, each quota
 * editable in place (in MB; empty for none). Works through GET /api/v1/admin/projects and
 * PUT /api/v1/admin/projects/{id}/quota.
 */
import { alertProblem, api, byId, clear, el, forPage, formatBytes, problemMessage } from './ui.js';

const MB = 1048576;

/** The quota in MB as the field shows it: whole or with up to three decimals. */
function megabytes(bytes) {
  return String(Math.round(bytes / MB * 1000) / 1000);
}

function quotaRow(project) {
  const used = el('td', { className: 'used', text: formatBytes(project.usedBytes) });
  const input = el('input', {
    className: 'quota-input', type: 'text', placeholder: 'none',
    'aria-label': 'Quota of ' + project.name + ' in MB',
    value: project.quotaBytes === null ? '' : megabytes(project.quotaBytes)
  });
  input.inputMode = 'decimal';
  const save = el('button', { className: 'btn btn-small quota-save', type: 'button', text: 'Save' });
  const status = el('span', { className: 'quota-status muted' });
  const tr = el('tr', { 'data-project-id': project.projectId }, [
    el('td', {}, [el('strong', { text: project.name })]),
    used,
    el('td', {}, [input]),
    el('td', {}, [save, ' ', status])
  ]);

  save.addEventListener('click', () => {
    const text = input.value.trim().replace(',', '.');
    let quotaBytes = null;
    if (text !== '') {
      const mb = Number(text);
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
    api('PUT', '/api/v1/admin/projects/' + project.projectId + '/quota', { quotaBytes })
      .then((storage) => {
        used.textContent = formatBytes(storage.usedBytes);
        input.value = storage.quotaBytes === null ? '' : megabytes(storage.quotaBytes);
        status.textContent = storage.quotaBytes === null ? 'saved: no quota'
          : 'saved: ' + formatBytes(storage.quotaBytes);
        tr.classList.add('saved');
      })
      .catch((problem) => {
        status.textContent = problemMessage(problem);
        tr.classList.add('invalid');
      })
      .then(() => { save.disabled = false; });
  });
  return tr;
}

forPage('admin-quotas', () => {
  const rows = byId('quota-rows');
  api('GET', '/api/v1/admin/projects').then((projects) => {
    clear(rows);
    if (!projects.length) {
      rows.appendChild(el('tr', {}, [el('td', { className: 'empty', colspan: 4, text: 'No projects yet.' })]));
    }
    projects.forEach((project) => rows.appendChild(quotaRow(project)));
  }).catch(alertProblem);
});
