/*
 * The data page's "Import from another project" (issue #17): choose a project you can read and one of its dataset
 * versions; its samples come into this project with their labels and split, sharing the stored files.
 */
import { api, byId, el, forPage, problemMessage } from './ui.js';

function importedText(result) {
  const parts = ['Imported ' + result.imported + ' samples of \u201c' + result.versionName + '\u201d ('
    + result.byCategory.training + ' training, ' + result.byCategory.testing + ' testing'
    + (result.labels.length ? '; labels ' + result.labels.join(', ') : '') + ')'];
  if (result.missing.length) {
    parts.push(result.missing.length + ' whose file is gone were not imported');
  }
  return parts.join('; ') + '.';
}

function init(root) {
  const card = byId('import-card');
  if (!card) {
    return;
  }
  const projectId = root.getAttribute('data-project-id');
  const source = byId('import-source');
  const version = byId('import-version');
  const button = byId('import-button');
  const status = byId('import-status');

  api('GET', '/api/v1/projects').then((projects) => {
    const others = projects.filter((p) => p.id !== projectId);
    source.textContent = '';
    source.appendChild(el('option', { value: '', text: others.length ? 'Choose a project'
      : 'No other project you can read' }));
    others.forEach((p) => source.appendChild(el('option', { value: p.id, text: p.name })));
  }).catch((problem) => {
    status.textContent = problemMessage(problem);
  });

  source.addEventListener('change', () => {
    version.textContent = '';
    version.disabled = true;
    button.disabled = true;
    status.textContent = '';
    if (!source.value) {
      return;
    }
    api('GET', '/api/v1/projects/' + source.value + '/dataset/versions').then((versions) => {
      if (!versions.length) {
        version.appendChild(el('option', { value: '', text: 'No dataset versions: create one on its Dataset page' }));
        return;
      }
      versions.forEach((v) => version.appendChild(el('option', { value: v.id,
        text: v.name + ' \u00b7 ' + v.sampleCount + ' samples' })));
      version.disabled = false;
      button.disabled = false;
    }).catch((problem) => {
      status.textContent = problemMessage(problem);
    });
  });

  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Importing\u2026';
    status.removeAttribute('data-imported');
    api('POST', '/api/v1/projects/' + projectId + '/dataset/imports', {
      sourceProjectId: source.value, versionId: version.value
    }).then((result) => {
      status.textContent = importedText(result);
      status.setAttribute('data-imported', String(result.imported));
      root.dispatchEvent(new CustomEvent('ef-samples-changed'));
    }).catch((problem) => {
      status.textContent = problemMessage(problem);
    }).then(() => {
      button.disabled = false;
    });
  });
}

forPage('data-samples', init);
