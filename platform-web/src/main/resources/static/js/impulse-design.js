/*
 * The impulse design page, wired from its parts: the editor (impulse/editor.js) edits the draft built from the DSP
 * block catalogue; costs (impulse/costs.js) shows each block's cost on the chosen board; versions
 * (impulse/versions.js) saves, lists and opens versions; features (impulse/features.js) runs the feature job with its
 * live log; the explorer (impulse/explorer.js) draws the feature set; the suggestion (impulse/suggestion.js) shows
 * the impulse suggested from the project's data and why, and puts it in the editor on request.
 *
 * Field paths in the server's errors[] (e.g. processingBlocks[0].mfe.fftLength) are the data-field attributes of the
 * inputs, so an error lands beside the field that caused it.
 */
import { CostEstimates } from './impulse/costs.js';
import { BlockCatalogue, ImpulseEditor } from './impulse/editor.js';
import { FeatureExplorer } from './impulse/explorer.js';
import { FeatureGeneration } from './impulse/features.js';
import { ImpulseSuggestion } from './impulse/suggestion.js';
import { ImpulseVersions } from './impulse/versions.js';
import { api, byId, forPage, problemTitle, showAlert } from './ui.js';

function list(text) {
  return (text || '').split(',').filter(Boolean);
}

function start(root, dspBlocks, latest) {
  const projectId = root.getAttribute('data-project-id');
  const editable = root.getAttribute('data-can-edit') === 'true';
  const base = '/api/v1/projects/' + projectId;
  const catalogue = new BlockCatalogue(dspBlocks, JSON.parse(root.getAttribute('data-input-defaults')),
    list(byId('learning-list').getAttribute('data-kinds')));
  const editor = new ImpulseEditor({
    catalogue,
    editable,
    axes: list(root.getAttribute('data-default-axes')),
    onChange: () => {
      versions.showState();
      costs.schedule();
    }
  });
  const costs = new CostEstimates({ base, impulse: () => editor.impulse() });
  const explorer = new FeatureExplorer({ base, projectId });
  const versions = new ImpulseVersions({ base, editable, editor, onSaved: () => {
    features.loadStatus();
    suggestion.saved();
  } });
  const features = new FeatureGeneration({ base, editable, versions, explorer });
  const suggestion = new ImpulseSuggestion({ base, versions });

  byId('save-impulse').addEventListener('click', () => versions.save());
  byId('reset-impulse').addEventListener('click', () => versions.reset());
  byId('add-block').addEventListener('click', () => editor.addBlock());
  byId('add-learning').addEventListener('click', () => editor.addLearningBlock());
  byId('cost-target').addEventListener('change', () => {
    costs.load();
    suggestion.load(null);
  });
  byId('generate-features').addEventListener('click', () => features.generate());
  byId('cancel-features').addEventListener('click', () => features.cancel());
  byId('use-suggestion').addEventListener('click', () => suggestion.use());

  versions.setLatest(latest);
  suggestion.load(latest);
  root.setAttribute('data-ready', 'true');
  versions.loadList();
  features.loadStatus();
}

forPage('impulse', (root) => {
  const base = '/api/v1/projects/' + root.getAttribute('data-project-id');
  Promise.all([api('GET', '/api/v1/dsp-blocks'), api('GET', base + '/impulse')])
    .then(([dspBlocks, latest]) => start(root, dspBlocks, latest))
    .catch((problem) => showAlert('error', problemTitle(problem)));
});
