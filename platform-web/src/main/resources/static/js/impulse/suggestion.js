/*
 * The impulse suggested from the project's data (GET .../impulse/suggestion): what it is made from and why each part
 * was chosen, in the server's plain sentences, and "Use the suggested impulse", which puts it in the editor as an
 * unsaved draft. A project without samples has no suggestion: the card stays hidden.
 */
import { api, byId, clear, el, showAlert } from '../ui.js';

export class ImpulseSuggestion {
  /** versions: the ImpulseVersions, which shows whether the editor holds the suggestion. */
  constructor({ base, versions }) {
    this.base = base;
    this.versions = versions;
    this.suggestion = null;
  }

  /** Fetches the suggestion and shows it; latest: the answer of GET .../impulse. */
  load(latest) {
    // made for the board the costs are estimated on: an image impulse is sized to fit it (issue #20)
    const target = byId('cost-target').value;
    const query = target ? '?target=' + encodeURIComponent(target) : '';
    api('GET', this.base + '/impulse/suggestion' + query).then((suggestion) => {
      this.suggestion = suggestion;
      this.show(latest);
    }).catch(() => {
      // 409: no sample to suggest from yet
      this.suggestion = null;
      byId('suggestion-card').classList.add('hidden');
    });
  }

  show(latest) {
    const card = byId('suggestion-card');
    const samples = this.suggestion.samples + (this.suggestion.samples === 1 ? ' sample' : ' samples');
    byId('suggestion-intro').textContent = latest && latest.suggested
      ? 'No impulse is saved yet, so the editor below holds this suggestion, made from your ' + samples
        + '. Save it to use it, or change what you like first.'
      : 'Made from your ' + samples + '. Using it replaces the editor\u2019s draft; nothing is saved until you'
        + ' save the impulse.';
    const list = clear(byId('suggestion-reasons'));
    this.suggestion.reasons.forEach((reason) => list.appendChild(el('li', { text: reason })));
    card.classList.remove('hidden');
  }

  /** After a save the editor holds a saved version: the card only offers the suggestion. */
  saved() {
    if (this.suggestion) {
      this.show({ suggested: false });
    }
  }

  /** Puts the suggestion in the editor (not saved). */
  use() {
    if (!this.suggestion) {
      return;
    }
    this.versions.editor.load(this.suggestion.impulse);
    this.versions.editor.changed();
    showAlert('info', 'The suggested impulse is in the editor: save it to make it a version.');
  }
}
