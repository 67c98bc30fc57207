// Unit tests of the impulse editor's default layers that follow the features (impulse/default-layers.js): the
// server is stood in for by a function from the draft to the default settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  DefaultLayers, stableJson
} from '../../../platform-web/src/main/resources/static/js/impulse/default-layers.js';

/** The defaults a conv1d stack gets: a pooling as long as what is left of the window. */
function defaultsFor(draft) {
  if (!draft.input.frequencyHz) {
    return { featureKind: null, featureShape: null, settings: { kind: 'classification', layers: ['dense'] } };
  }
  const readings = Math.round(draft.input.windowSizeMs * draft.input.frequencyHz / 1000);
  return { featureKind: 'time-series', featureShape: [readings, 1],
    settings: { kind: 'classification', layers: ['conv1d', { pool: Math.floor(readings / 8) }] } };
}

function draftAt(frequencyHz) {
  const draft = { input: { windowSizeMs: 4000, frequencyHz }, processingBlocks: [{ id: 1 }],
    learningBlocks: [{ type: 'classification', inputs: [1], settings: null }] };
  draft.learningBlocks[0].settings = defaultsFor(draft).settings;
  return draft;
}

function layers(updated) {
  const following = new DefaultLayers({ onUpdate: (learn) => updated.push(learn) });
  following.fetch = (draft) => Promise.resolve(structuredClone(defaultsFor(draft)));
  return following;
}

/** Lets the fetches of detect() answer. */
const answered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('stableJson', () => {
  it('ignores the order of members but not of arrays', () => {
    assert.equal(stableJson({ b: 1, a: [2, { d: 3, c: null }] }), stableJson({ a: [2, { c: null, d: 3 }], b: 1 }));
    assert.notEqual(stableJson([1, 2]), stableJson([2, 1]));
    assert.equal(stableJson(undefined), 'null');
  });
});

describe('DefaultLayers', () => {
  it('gives default layers the defaults of the new features when the rate changes', async () => {
    const updated = [];
    const following = layers(updated);
    const draft = draftAt(100);
    following.detect(draft);
    await answered();

    draft.input.frequencyHz = 62.5;
    following.changed(draft);
    await following.settled();

    assert.equal(updated.length, 1);
    assert.deepEqual(draft.learningBlocks[0].settings.layers[1], { pool: 31 });
    // and they keep following
    draft.input.frequencyHz = 100;
    following.changed(draft);
    await following.settled();
    assert.deepEqual(draft.learningBlocks[0].settings.layers[1], { pool: 50 });
  });

  it('leaves layers the user edited alone', async () => {
    const updated = [];
    const following = layers(updated);
    const draft = draftAt(100);
    following.detect(draft);
    await answered();

    draft.learningBlocks[0].settings = { kind: 'classification', layers: ['dense', 'dense'] };
    draft.input.frequencyHz = 62.5;
    following.changed(draft);
    await following.settled();

    assert.equal(updated.length, 0);
    assert.deepEqual(draft.learningBlocks[0].settings.layers, ['dense', 'dense']);
  });

  it('keeps the layers while the features cannot be worked out (a field half typed)', async () => {
    const updated = [];
    const following = layers(updated);
    const draft = draftAt(100);
    following.detect(draft);
    await answered();
    const before = stableJson(draft.learningBlocks[0].settings);

    draft.input.frequencyHz = null;
    following.changed(draft);
    await following.settled();

    assert.equal(updated.length, 0);
    assert.equal(stableJson(draft.learningBlocks[0].settings), before);
  });

  it('does not follow settings of a loaded draft that are not the defaults', async () => {
    const updated = [];
    const following = layers(updated);
    const draft = draftAt(100);
    draft.learningBlocks[0].settings = { kind: 'classification', layers: ['mine'] };
    following.detect(draft);
    await answered();

    draft.input.frequencyHz = 62.5;
    following.changed(draft);
    await following.settled();

    assert.equal(updated.length, 0);
  });
});
