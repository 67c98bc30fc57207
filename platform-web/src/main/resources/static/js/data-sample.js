/*
 * One sample: a plot per axis with zoom, the audio player with waveform and spectrogram, the image with its
 * bounding boxes, and the edits (rename, relabel, move, enable, crop, split, delete) through the REST API.
 */
(function () {
  'use strict';

  function problemMessage(problem) {
    var message = (problem && (problem.detail || problem.title)) || 'Something went wrong.';
    if (problem && problem.errors && problem.errors.length) {
      message += ' ' + problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    return message;
  }

  function number(id) {
    var text = document.getElementById(id).value.trim().replace(',', '.');
    var value = Number(text);
    return text === '' || !isFinite(value) ? null : value;
  }

  function init(root) {
    var projectId = root.getAttribute('data-project-id');
    var sampleId = root.getAttribute('data-sample-id');
    var kind = root.getAttribute('data-kind');
    var base = '/api/v1/projects/' + projectId + '/samples/' + sampleId;
    var api = window.EdgeForge.api;
    var alert = window.EdgeForge.showAlert;
    var data = window.EdgeForgeData;

    function fail(problem) {
      alert('error', problemMessage(problem));
    }

    /* ---- views ---- */

    var plots = document.getElementById('plots');
    if (plots) {
      var group = new data.PlotGroup(plots, function (startMs, endMs) {
        var params = new URLSearchParams({ maxPoints: '1500' });
        if (startMs !== undefined) {
          params.set('startMs', String(Math.max(0, startMs)));
          params.set('endMs', String(endMs));
        }
        return api('GET', base + '/data?' + params.toString());
      });
      group.show().catch(fail);
    }

    if (kind === 'audio') {
      var waveform = document.getElementById('waveform');
      api('GET', base + '/data?maxPoints=2400').then(function (values) {
        data.drawWaveform(waveform, values);
      }).catch(fail);
      var spectrogram = document.getElementById('spectrogram');
      api('GET', base + '/spectrogram?maxFrames=600').then(function (s) {
        data.drawSpectrogram(spectrogram, s);
        document.getElementById('spectrogram-max').textContent = '0 to ' + Math.round(s.maxHz)
          + ' Hz, low frequencies at the bottom';
      }).catch(fail);
    }

    if (kind === 'image') {
      api('GET', base).then(function (sample) {
        data.drawBoxes(document.getElementById('image-view'), sample.image, sample.boundingBoxes);
      }).catch(fail);
    }

    /* ---- edits ---- */

    var edit = document.getElementById('edit-form');
    if (edit) {
      edit.addEventListener('submit', function (event) {
        event.preventDefault();
        var label = document.getElementById('edit-label').value.trim();
        api('PATCH', base, {
          name: document.getElementById('edit-name').value.trim(),
          label: label === '' ? null : label,
          category: document.getElementById('edit-category').value,
          enabled: document.getElementById('edit-enabled').value === 'true'
        }).then(function () {
          window.location.reload();
        }).catch(fail);
      });
    }

    var crop = document.getElementById('crop-form');
    if (crop) {
      crop.addEventListener('submit', function (event) {
        event.preventDefault();
        api('POST', base + '/crop', { startMs: number('crop-start'), endMs: number('crop-end') })
          .then(function () { window.location.reload(); })
          .catch(fail);
      });
    }

    var split = document.getElementById('split-form');
    if (split) {
      var mode = document.getElementById('split-mode');
      mode.addEventListener('change', function () {
        split.querySelectorAll('[data-split]').forEach(function (field) {
          field.classList.toggle('hidden', field.getAttribute('data-split') !== mode.value);
        });
      });
      split.addEventListener('submit', function (event) {
        event.preventDefault();
        var body = { mode: mode.value, keepOriginal: document.getElementById('split-keep').checked };
        if (mode.value === 'fixed') {
          body.lengthMs = number('split-length');
        } else {
          body.thresholdRms = number('split-threshold');
          body.minLengthMs = number('split-min') || 0;
        }
        api('POST', base + '/split', body).then(function (result) {
          var target = result.originalDeleted
            ? '/projects/' + projectId + '/data/samples/' + result.samples[0].id : window.location.pathname;
          alert('success', 'Split into ' + result.samples.length + ' sample(s).');
          window.location.assign(target);
        }).catch(fail);
      });
    }

    var remove = document.getElementById('delete-sample');
    if (remove) {
      remove.addEventListener('click', function () {
        if (!window.confirm('Delete this sample? A dataset version made earlier can bring it back for a while.')) {
          return;
        }
        api('DELETE', base).then(function () {
          window.location.assign('/projects/' + projectId + '/data');
        }).catch(fail);
      });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-page=data-sample]');
    if (root) {
      init(root);
    }
  });
})();
