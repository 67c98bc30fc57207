/*
 * What each DSP block of the draft costs on the chosen board: RAM, flash and time per window, from
 * POST .../impulse/costs with the draft, asked again (debounced) after every edit.
 */
import { api, byId, clear, DASH, el, problemTitle } from '../ui.js';

function kilobytes(bytes) {
  if (bytes === null || bytes === undefined) {
    return DASH;
  }
  if (bytes < 1024) {
    return bytes + ' B';
  }
  return (bytes / 1024).toFixed(bytes < 10240 ? 2 : 1) + ' kB';
}

function millis(ms) {
  if (ms === null || ms === undefined) {
    return DASH;
  }
  return ms < 0.1 ? ms.toFixed(3) + ' ms' : ms < 10 ? ms.toFixed(2) + ' ms' : ms.toFixed(1) + ' ms';
}

function showBlockCost(cost) {
  const slot = document.querySelector('[data-cost-for="' + cost.blockId + '"]');
  if (!slot) {
    return;
  }
  clear(slot);
  if (cost.errors && cost.errors.length) {
    slot.className = 'block-cost invalid';
    slot.textContent = 'No estimate: ' + cost.errors.map((e) => e.message).join('; ');
    return;
  }
  slot.className = 'block-cost';
  slot.append(
    el('span', { className: 'cost-item', 'data-cost': 'ram', text: 'RAM ' + kilobytes(cost.ramBytes) }),
    el('span', { className: 'cost-item', 'data-cost': 'rom', text: 'flash ' + kilobytes(cost.romBytes) }),
    el('span', { className: 'cost-item', 'data-cost': 'time', text: millis(cost.msPerWindow) + ' per window' }),
    el('span', { className: 'cost-item', text: cost.featureShape.join(' × ') + ' features' }));
}

/*
 * The whole device: raw window, DSP buffers, the network's int8 activations and the runtime against the board's RAM,
 * and what is known of flash before training; the reasons it cannot fit, if any (issue #20).
 */
function deviceLine(report) {
  const device = report.device;
  if (!device) {
    return [];
  }
  const fit = el('div', { className: device.fits ? 'device-fit' : 'device-fit invalid', 'data-cost': 'device' });
  fit.append(el('span', { text: (device.fits ? 'Fits the board: ' : 'Does not fit the board: ')
    + 'RAM ' + kilobytes(device.ramBytes) + ' of ' + kilobytes(device.ramAvailableBytes)
    + ' (raw window ' + kilobytes(report.windowBytes) + ', DSP ' + kilobytes(device.dspRamBytes)
    + ', network activations ' + kilobytes(device.networkArenaBytes) + ' int8, runtime '
    + kilobytes(device.runtimeRamBytes) + ') · flash at least ' + kilobytes(device.flashBytes) + ' of '
    + kilobytes(device.flashAvailableBytes) }));
  (report.errors || []).forEach((error) => fit.append(el('div', { className: 'error', text: error.message })));
  return [fit];
}

function showTotals(report) {
  clear(byId('cost-totals')).append(
    el('span', { text: 'DSP on ' + report.targetName + ' (' + Math.round(report.clockHz / 1e6) + ' MHz): ' }),
    el('strong', { text: millis(report.totalMsPerWindow) + ' per window' }),
    el('span', { 'data-cost': 'total-ram', text: ' · RAM ' + kilobytes(report.totalRamBytes) + ' (raw window '
      + kilobytes(report.windowBytes) + ')' + ' · flash ' + kilobytes(report.totalRomBytes) + ' · '
      + report.featureCount + ' features' }),
    ...deviceLine(report));
}

export class CostEstimates {
  /** base: the project's API path; impulse(): the draft to estimate. */
  constructor({ base, impulse }) {
    this.base = base;
    this.impulse = impulse;
    this.timer = null;
    // only the answer to the latest request is shown
    this.request = 0;
  }

  /** Asks for the costs a moment after the last edit. */
  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), 300);
  }

  load() {
    const request = ++this.request;
    const target = byId('cost-target').value;
    api('POST', this.base + '/impulse/costs?target=' + encodeURIComponent(target), this.impulse()).then((report) => {
      if (request !== this.request) {
        return;
      }
      report.blocks.forEach(showBlockCost);
      showTotals(report);
    }).catch((problem) => {
      if (request === this.request) {
        byId('cost-totals').textContent = 'No estimate: ' + problemTitle(problem);
      }
    });
  }
}
