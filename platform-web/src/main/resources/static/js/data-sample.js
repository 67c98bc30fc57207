/*
 * One sample: a plot per axis with zoom, the audio player with waveform and spectrogram, the image with its
 * bounding boxes, and the edits (rename, relabel, move, enable, crop, split, delete) through the REST API.
 */
import { PlotGroup, drawBoxes, drawSpectrogram, drawWaveform } from './data-plot.js';
import { alertProblem, api, byId, forPage, showAlert } from './ui.js';

function number(id) {
  const text = byId(id).value.trim().replace(',', '.');
  const value = Number(text);
  return text === '' || !isFinite(value) ? null : value;
}

const RESIZE_WORDS = {
  squash: 'squashed to',
  'fit-shortest': 'shortest side fitted, the rest cropped, to',
  'fit-longest': 'longest side fitted, padded with black, to'
};

/** The preview's address for an image input block (GET .../preview takes the block's settings). */
export function previewUrl(base, input) {
  const params = new URLSearchParams({
    width: String(input.width), height: String(input.height), resizeMode: input.resizeMode,
    colorDepth: input.colorDepth, background: input.background || '#ffffff'
  });
  return base + '/preview?' + params.toString();
}

/** "The impulse (version 3) resizes it: shortest side fitted, the rest cropped, to 96 × 96 px, grayscale" */
export function previewNote(view) {
  const input = view.impulse.input;
  return 'The impulse (' + (view.saved ? 'version ' + view.version : 'suggested, not saved yet') + ') resizes it: '
    + (RESIZE_WORDS[input.resizeMode] || input.resizeMode) + ' ' + input.width + ' × ' + input.height + ' px, '
    + (input.colorDepth === 'grayscale' ? 'grayscale' : 'RGB')
    + (input.background && input.background !== '#ffffff' ? ', transparency on ' + input.background : '') + '.';
}

/* The image as the impulse's image input block gives it to the network, when the impulse takes images. */
function showPreview(projectId, base) {
  api('GET', '/api/v1/projects/' + projectId + '/impulse').then(function (view) {
    const input = view.impulse && view.impulse.input;
    if (!input || input.type !== 'image') {
      return;
    }
    byId('sample-preview').src = previewUrl(base, input);
    byId('sample-preview').width = input.width;
    byId('sample-preview').height = input.height;
    byId('preview-note').textContent = previewNote(view);
    byId('preview-card').classList.remove('hidden');
  }).catch(alertProblem);
}

function init(root) {
  const projectId = root.getAttribute('data-project-id');
  const sampleId = root.getAttribute('data-sample-id');
  const kind = root.getAttribute('data-kind');
  const base = '/api/v1/projects/' + projectId + '/samples/' + sampleId;

  /* ---- views ---- */

  const plots = byId('plots');
  if (plots) {
    const group = new PlotGroup(plots, function (startMs, endMs) {
      const params = new URLSearchParams({ maxPoints: '1500' });
      if (startMs !== undefined) {
        params.set('startMs', String(Math.max(0, startMs)));
        params.set('endMs', String(endMs));
      }
      return api('GET', base + '/data?' + params.toString());
    });
    group.show().catch(alertProblem);
  }

  if (kind === 'audio') {
    const waveform = byId('waveform');
    api('GET', base + '/data?maxPoints=2400').then(function (values) {
      drawWaveform(waveform, values);
    }).catch(alertProblem);
    const spectrogram = byId('spectrogram');
    api('GET', base + '/spectrogram?maxFrames=600').then(function (s) {
      drawSpectrogram(spectrogram, s);
      byId('spectrogram-max').textContent = '0 to ' + Math.round(s.maxHz)
        + ' Hz, low frequencies at the bottom';
    }).catch(alertProblem);
  }

  if (kind === 'image') {
    api('GET', base).then(function (sample) {
      drawBoxes(byId('image-view'), sample.image, sample.boundingBoxes);
    }).catch(alertProblem);
    showPreview(projectId, base);
  }

  /* ---- edits ---- */

  const edit = byId('edit-form');
  if (edit) {
    edit.addEventListener('submit', function (event) {
      event.preventDefault();
      const label = byId('edit-label').value.trim();
      api('PATCH', base, {
        name: byId('edit-name').value.trim(),
        label: label === '' ? null : label,
        category: byId('edit-category').value,
        enabled: byId('edit-enabled').value === 'true'
      }).then(function () {
        window.location.reload();
      }).catch(alertProblem);
    });
  }

  const crop = byId('crop-form');
  if (crop) {
    crop.addEventListener('submit', function (event) {
      event.preventDefault();
      api('POST', base + '/crop', { startMs: number('crop-start'), endMs: number('crop-end') })
        .then(function () { window.location.reload(); })
        .catch(alertProblem);
    });
  }

  const split = byId('split-form');
  if (split) {
    const mode = byId('split-mode');
    mode.addEventListener('change', function () {
      split.querySelectorAll('[data-split]').forEach(function (field) {
        field.classList.toggle('hidden', field.getAttribute('data-split') !== mode.value);
      });
    });
    split.addEventListener('submit', function (event) {
      event.preventDefault();
      const body = { mode: mode.value, keepOriginal: byId('split-keep').checked };
      if (mode.value === 'fixed') {
        body.lengthMs = number('split-length');
      } else {
        body.thresholdRms = number('split-threshold');
        body.minLengthMs = number('split-min') || 0;
      }
      api('POST', base + '/split', body).then(function (result) {
        const target = result.originalDeleted
          ? '/projects/' + projectId + '/data/samples/' + result.samples[0].id : window.location.pathname;
        showAlert('success', 'Split into ' + result.samples.length + ' sample(s).');
        window.location.assign(target);
      }).catch(alertProblem);
    });
  }

  const remove = byId('delete-sample');
  if (remove) {
    remove.addEventListener('click', function () {
      if (!window.confirm('Delete this sample? A dataset version made earlier can bring it back for a while.')) {
        return;
      }
      api('DELETE', base).then(function () {
        window.location.assign('/projects/' + projectId + '/data');
      }).catch(alertProblem);
    });
  }
}

forPage('data-sample', init);
