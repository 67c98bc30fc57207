/*
 * Default layers that follow the features. A learning block whose settings are the server's default layers for the
 * draft's features (POST /api/v1/learning-blocks/defaults) gets the new defaults when the window, the rate or the
 * processing blocks change the features' shape: the default 1-D convolution stack ends in a pooling sized to the
 * window, so a suggested impulse whose rate the user lowers would otherwise be refused for a layer they never wrote.
 * Settings the user edited are theirs and are left alone.
 */
import { api } from '../ui.js';

/** Waits this long after the last edit before asking for new defaults, so typing a number asks once. */
const DELAY_MS = 300;

/** JSON with the members of every object in name order, so equal settings compare equal whatever the order. */
export function stableJson(value) {
  if (Array.isArray(value)) {
    return '[' + value.map(stableJson).join(',') + ']';
  }
  if (value !== null && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((key) => JSON.stringify(key) + ':' + stableJson(value[key]))
      .join(',') + '}';
  }
  return JSON.stringify(value === undefined ? null : value);
}

/** What the features depend on: everything but the learning blocks. */
function featuresKey(draft) {
  return stableJson({ input: draft.input, processingBlocks: draft.processingBlocks });
}

export class DefaultLayers {
  /** onUpdate(learn): a following block's settings were replaced by the defaults for the new features. */
  constructor({ onUpdate }) {
    this.onUpdate = onUpdate;
    this.reset();
  }

  /** Forgets every block (a new draft was loaded). */
  reset() {
    clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.draft = null;
    this.key = null;
    this.followed = new WeakMap();
  }

  /** The server's default settings for this block of the draft: {featureKind, featureShape, settings}. */
  fetch(draft, learn) {
    const inputs = (learn.inputs || []).map((id) => 'inputs=' + id).join('&');
    return api('POST', '/api/v1/learning-blocks/defaults?kind=' + encodeURIComponent(learn.type)
      + (inputs ? '&' + inputs : ''), draft);
  }

  /** The block's settings are the defaults from now on (until edited). */
  record(learn) {
    this.followed.set(learn, stableJson(learn.settings));
  }

  follows(learn) {
    return this.followed.get(learn) === stableJson(learn.settings);
  }

  /** Finds which blocks of a just loaded draft hold the defaults for its features. */
  detect(draft) {
    this.draft = draft;
    this.key = featuresKey(draft);
    (draft.learningBlocks || []).forEach((learn) => {
      const before = stableJson(learn.settings);
      this.fetch(draft, learn).then((defaults) => {
        if (defaults.featureKind !== null && stableJson(defaults.settings) === before
          && stableJson(learn.settings) === before) {
          this.record(learn);
        }
      }).catch(() => {
        // a draft the server cannot read yet: nothing follows
      });
    });
  }

  /** After every edit: when the features may have changed, following blocks get new defaults shortly. */
  changed(draft) {
    const key = featuresKey(draft);
    if (draft !== this.draft || key === this.key) {
      return;
    }
    this.key = key;
    if (!(draft.learningBlocks || []).some((learn) => this.follows(learn))) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), DELAY_MS);
  }

  refresh() {
    this.timer = null;
    const draft = this.draft;
    const followers = (draft.learningBlocks || []).filter((learn) => this.follows(learn));
    this.pending = Promise.all(followers.map((learn) => {
      const before = stableJson(learn.settings);
      return this.fetch(draft, learn).then((defaults) => {
        // features the server cannot work out yet (a field half typed) keep the layers; so do edited settings
        if (defaults.featureKind !== null && stableJson(learn.settings) === before && draft === this.draft) {
          learn.settings = defaults.settings;
          this.record(learn);
          this.onUpdate(learn);
        }
      }).catch(() => {
        // the save shows what is wrong with the draft
      });
    })).then(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Resolves when no new defaults are on their way (asking at once for a pending change), e.g. before a save. */
  settled() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      return this.refresh();
    }
    return this.pending || Promise.resolve();
  }
}
