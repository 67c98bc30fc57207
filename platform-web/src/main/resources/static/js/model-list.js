/* The models list: headline metrics per row, and the .tflite import form. */
(function () {
  'use strict';

  function summaryText(summary, M) {
    if (!summary) {
      return '\u2013';
    }
    if (summary.validationAccuracy !== null && summary.validationAccuracy !== undefined) {
      return M.percent(summary.validationAccuracy) + ' validation' + (summary.testAccuracy !== null &&
        summary.testAccuracy !== undefined ? ' \u00b7 ' + M.percent(summary.testAccuracy) + ' test' : '');
    }
    if (summary.validationRmse !== null && summary.validationRmse !== undefined) {
      return 'RMSE ' + M.number(summary.validationRmse);
    }
    if (summary.testAuc !== null && summary.testAuc !== undefined) {
      return 'AUC ' + M.number(summary.testAuc, 3);
    }
    return '\u2013';
  }

  function init(root) {
    var M = window.EdgeForgeModels;
    var projectId = root.getAttribute('data-project-id');
    Array.prototype.forEach.call(root.querySelectorAll('[data-summary]'), function (cell) {
      var text = cell.getAttribute('data-summary');
      var summary = null;
      try { summary = text ? JSON.parse(text) : null; } catch (ignored) { summary = null; }
      cell.textContent = summaryText(summary, M);
    });
    var form = document.getElementById('import-form');
    if (!form) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData();
      var file = document.getElementById('import-file').files[0];
      if (!file) {
        EdgeForge.showAlert('error', 'Choose a .tflite file to import.');
        return;
      }
      data.append('file', file);
      ['import-name', 'import-kind', 'import-impulse'].forEach(function (id) {
        var input = document.getElementById(id);
        if (input.value.trim()) {
          data.append(input.name, input.value.trim());
        }
      });
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      M.upload('/api/v1/projects/' + projectId + '/models/import', data).then(function (model) {
        window.location.href = '/projects/' + projectId + '/models/' + model.id;
      }).catch(function (problem) {
        EdgeForge.showAlert('error', M.problemMessage(problem));
        button.disabled = false;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-page=models]');
    if (root) {
      init(root);
    }
  });
})();
