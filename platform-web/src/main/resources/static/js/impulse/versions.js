/*
 * The impulse's versions: which one the editor shows and whether the draft differs from it, saving (PUT .../impulse,
 * refused fields shown beside their inputs: 400 for the impulse's own rules, 422 where it does not fit the project's
 * data; the save's warnings beside theirs), the list of versions and opening an older one.
 */
import { api, byId, clear, DASH, el, formatDate, problemTitle, showAlert } from '../ui.js';

export class ImpulseVersions {
  /** editor: the ImpulseEditor; onSaved(): called after a save. */
  constructor({ base, editable, editor, onSaved }) {
    this.base = base;
    this.editable = editable;
    this.editor = editor;
    this.onSaved = onSaved;
    this.latest = 0;
    this.opened = null;
    this.savedText = null;
  }

  /** Edits the latest version: view is the answer of GET .../impulse or of a save. */
  setLatest(view) {
    this.latest = view.version;
    this.opened = null;
    this.editor.load(view.impulse);
    this.savedText = view.saved ? this.editor.snapshot() : null;
    byId('impulse-version').textContent = view.saved ? 'Version ' + view.version
      : (view.suggested ? 'Suggested, not saved yet' : 'Not saved yet');
    this.editor.changed();
  }

  isDirty() {
    return this.editor.snapshot() !== this.savedText;
  }

  /** The note beside the version and the reset button, after every edit. */
  showState() {
    const dirty = this.isDirty();
    const note = byId('impulse-version-note');
    if (this.opened !== null && this.opened !== this.latest) {
      note.textContent = 'opened from version ' + this.opened + (dirty ? ', changed' : '');
    } else {
      note.textContent = dirty ? 'unsaved changes' : '';
    }
    byId('reset-impulse').disabled = !dirty;
  }

  /** Back to the saved impulse. */
  reset() {
    if (this.savedText) {
      this.opened = null;
      this.editor.load(JSON.parse(this.savedText));
    } else {
      api('GET', this.base + '/impulse').then((view) => this.setLatest(view));
    }
  }

  save() {
    if (this.editor.hasInvalidSettings()) {
      this.editor.showErrors({
        detail: 'A learning block\u2019s settings are not valid JSON; fix them before saving.'
      });
      return;
    }
    const button = byId('save-impulse');
    button.disabled = true;
    // default layers that follow a just changed window are fetched before the draft is sent
    this.editor.settled().then(() => {
      const body = this.editor.impulse();
      body.version = this.latest;
      return api('PUT', this.base + '/impulse', body);
    }).then((saved) => {
      this.setLatest({ version: saved.version, saved: true, impulse: saved.impulse });
      this.editor.showWarnings(saved.warnings);
      showAlert('success', saved.changed ? 'Saved as version ' + saved.version + '.'
        : 'Nothing changed: the impulse is still version ' + saved.version + '.');
      this.loadList();
      this.onSaved();
    }).catch((problem) => {
      this.editor.showErrors(problem);
    }).then(() => {
      button.disabled = !this.editable;
    });
  }

  loadList() {
    api('GET', this.base + '/impulse/versions').then((versions) => {
      const body = clear(byId('version-rows'));
      if (!versions.length) {
        body.appendChild(el('tr', {}, [el('td', { colspan: '5', className: 'empty', text: 'No version saved yet.' })]));
        return;
      }
      versions.forEach((v) => body.appendChild(this.versionRow(v)));
    }).catch((problem) => showAlert('error', problemTitle(problem)));
  }

  versionRow(v) {
    const open = el('button', { type: 'button', className: 'btn btn-ghost btn-small', text: 'Open' });
    open.addEventListener('click', () => this.open(v.version));
    return el('tr', { 'data-version': v.version }, [
      el('td', {}, [el('strong', { text: 'v' + v.version }), v.version === this.latest
        ? el('span', { className: 'badge latest', text: 'latest' }) : null]),
      el('td', { text: formatDate(v.createdAt) }),
      el('td', { text: v.createdByName || DASH }),
      el('td', { className: 'small', text: v.summary }),
      el('td', { className: 'actions' }, [open])
    ]);
  }

  /** Edits an older version; saving it makes a new version. */
  open(version) {
    api('GET', this.base + '/impulse/versions/' + version).then((view) => {
      this.opened = view.version;
      this.editor.load(view.impulse);
      this.editor.changed();
      window.scrollTo({ top: 0, behavior: 'smooth' });
    }).catch((problem) => showAlert('error', problemTitle(problem)));
  }
}
