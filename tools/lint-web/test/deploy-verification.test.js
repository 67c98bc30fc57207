// The Deployment page's live verification line (deploy-page.js): the deploy job's log lines it reads, and its text.
import assert from 'node:assert/strict';
import { it } from 'node:test';

globalThis.document = { querySelector: () => null, getElementById: () => null, addEventListener: () => {} };
const { verificationProgress, verificationText } =
  await import('../../../platform-web/src/main/resources/static/js/deploy-page.js');
delete globalThis.document;

it('follows the windows verified so far, the stored sample, then the end', () => {
  let progress = {};
  assert.equal(verificationProgress('Building with edgeforge-firmware 3', progress), null);
  progress = verificationProgress('Verified 100 of 768 windows', progress);
  assert.equal(verificationText(progress), 'Verified on the device so far: 100 of 768 windows');
  progress = verificationProgress('Verified 200 of 768 windows', progress);
  progress = verificationProgress(
    'Stored the sample\'s verification (200 of 768 windows, verified); verifying the rest', progress);
  assert.equal(verificationText(progress),
    'Verified on the device so far: 200 of 768 windows · first sample (200 windows): verified, verifying the rest');
  progress = verificationProgress('Verified 768 of 768 windows', progress);
  assert.equal(verificationText(progress),
    'Verified on the device: 768 of 768 windows · first sample (200 windows): verified');
});

it('reads only the exact lines', () => {
  assert.equal(verificationProgress('Verified 1 of 2 windows, or so', {}), null);
  assert.equal(verificationProgress('VERIFIED: all 24 outputs equal the reference bit for bit', {}), null);
});
