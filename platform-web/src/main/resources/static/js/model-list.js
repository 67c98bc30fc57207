/* The models list: headline metrics per row, and the .tflite import form. */
import { alertProblem, byId, DASH, forPage, formatNumber, formatPercent, showAlert, upload } from './ui.js';

function present(value) {
  return value !== null && value !== undefined;
}

function summaryText(summary) {
  if (!summary) {
    return DASH;
  }
  if (present(summary.validationAccuracy) || present(summary.testAccuracy)) {
    // the model page's figures and words (issue #12): top-1 accuracy, the uncertain rate beside it, per sample
    const parts = [];
    if (present(summary.validationAccuracy)) {
      parts.push(formatPercent(summary.validationAccuracy) + ' validation');
    }
    if (present(summary.testAccuracy)) {
      parts.push(formatPercent(summary.testAccuracy) + ' test');
    }
    const uncertain = present(summary.testUncertainRate) ? summary.testUncertainRate : summary.validationUncertainRate;
    let text = 'top-1 ' + parts.join(' \u00b7 ');
    if (present(uncertain)) {
      text += ' \u00b7 ' + formatPercent(uncertain) + ' uncertain';
    }
    if (present(summary.testSampleAccuracy)) {
      text += ' \u00b7 ' + formatPercent(summary.testSampleAccuracy) + ' per sample';
    }
    return text;
  }
  if (present(summary.validationRmse)) {
    return 'RMSE ' + formatNumber(summary.validationRmse);
  }
  if (present(summary.testAuc)) {
    return 'AUC ' + formatNumber(summary.testAuc, 3);
  }
  return DASH;
}

function parseSummary(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function init(root) {
  const projectId = root.getAttribute('data-project-id');
  root.querySelectorAll('[data-summary]').forEach((cell) => {
    cell.textContent = summaryText(parseSummary(cell.getAttribute('data-summary')));
  });
  const form = byId('import-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = byId('import-file').files[0];
    if (!file) {
      showAlert('error', 'Choose a .tflite file to import.');
      return;
    }
    const data = new FormData();
    data.append('file', file);
    ['import-name', 'import-kind', 'import-impulse'].forEach((id) => {
      const input = byId(id);
      if (input.value.trim()) {
        data.append(input.name, input.value.trim());
      }
    });
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    upload('/api/v1/projects/' + projectId + '/models/import', data).then((model) => {
      window.location.href = '/projects/' + projectId + '/models/' + model.id;
    }).catch((problem) => {
      alertProblem(problem);
      button.disabled = false;
    });
  });
}

forPage('models', init);
