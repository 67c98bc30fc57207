// The Tuner page's table sort (tuner-page.js): every column, both directions, ties by candidate id.
import assert from 'node:assert/strict';
import { it } from 'node:test';

globalThis.document = { querySelector: () => null, getElementById: () => null, addEventListener: () => {} };
const { sortCandidates } = await import('../../../platform-web/src/main/resources/static/js/tuner-page.js');
delete globalThis.document;

const candidates = [
  { id: 'c02', validationAccuracy: 0.9, latencyMs: 4, ramBytes: 9000, fitsBudget: true },
  { id: 'c01', validationAccuracy: 0.7, latencyMs: 2, ramBytes: 9000, fitsBudget: false },
  { id: 'c03', validationAccuracy: 0.9, latencyMs: 1, ramBytes: 5000, fitsBudget: true }
];

it('sorts numbers both ways, ties by id', () => {
  assert.deepEqual(sortCandidates(candidates, 'validationAccuracy', false).map((c) => c.id), ['c02', 'c03', 'c01']);
  assert.deepEqual(sortCandidates(candidates, 'latencyMs', true).map((c) => c.id), ['c03', 'c01', 'c02']);
  assert.deepEqual(sortCandidates(candidates, 'ramBytes', true).map((c) => c.id), ['c03', 'c01', 'c02']);
});

it('sorts ids and the fit column', () => {
  assert.deepEqual(sortCandidates(candidates, 'id', true).map((c) => c.id), ['c01', 'c02', 'c03']);
  assert.deepEqual(sortCandidates(candidates, 'fitsBudget', false).map((c) => c.id), ['c02', 'c03', 'c01']);
});

it('leaves the input alone', () => {
  sortCandidates(candidates, 'id', true);
  assert.equal(candidates[0].id, 'c02');
});
