/*
 * The feature explorer: the windows of a feature set as points on its first two principal components
 * (GET .../features/explorer), coloured by label, with a legend that highlights one label; a click on a point opens
 * its sample at that window.
 */
import { api, byId, clear, el, problemTitle, svg } from '../ui.js';

const PALETTE = ['#2454d6', '#f08a24', '#177a4b', '#c2322b', '#7b4fc9', '#8c6d1f', '#d6459b', '#5d6b82',
  '#17a2b8', '#9bbf2a'];
const WIDTH = 760;
const HEIGHT = 440;
const MARGIN = 36;

/** Dims every other label; clicking the highlighted one again shows all. */
function highlight(chart, legend, label) {
  const active = legend.getAttribute('data-active') === label ? null : label;
  legend.setAttribute('data-active', active || '');
  legend.querySelectorAll('li').forEach((li) => {
    li.classList.toggle('dimmed', active !== null && li.getAttribute('data-label') !== active);
  });
  chart.querySelectorAll('circle.point').forEach((dot) => {
    dot.classList.toggle('dimmed', active !== null && dot.getAttribute('data-label') !== active);
  });
}

function caption(view, ratio) {
  return view.shownWindows + (view.sampled ? ' of ' + view.totalWindows : '')
    + ' windows of impulse version ' + view.impulseVersion + ': the first two principal components of the '
    + 'standardised features (' + Math.round(ratio[0] * 100) + '% and ' + Math.round(ratio[1] * 100)
    + '% of the variance). Click a point to open its sample.';
}

export class FeatureExplorer {
  constructor({ base, projectId }) {
    this.base = base;
    this.projectId = projectId;
  }

  clear(text) {
    clear(byId('explorer-plot'));
    clear(byId('explorer-legend'));
    byId('explorer-caption').textContent = text;
  }

  load(version) {
    byId('explorer-caption').textContent = 'Projecting the features…';
    api('GET', this.base + '/features/explorer?impulseVersion=' + version)
      .then((view) => this.draw(view))
      .catch((problem) => this.clear(problemTitle(problem)));
  }

  draw(view) {
    const plot = clear(byId('explorer-plot'));
    const legend = clear(byId('explorer-legend'));
    const ratio = view.explainedVarianceRatio || [0, 0];
    byId('explorer-caption').textContent = caption(view, ratio);
    if (!view.points.length) {
      return;
    }
    const chart = this.scatter(view, ratio);
    plot.appendChild(chart);
    const counts = {};
    view.points.forEach((p) => {
      counts[p.label] = (counts[p.label] || 0) + 1;
    });
    view.labels.forEach((label, i) => {
      const swatch = el('span', { className: 'swatch' });
      swatch.style.background = PALETTE[i % PALETTE.length];
      const item = el('li', { 'data-label': label, tabindex: '0' }, [swatch, ' ' + (label || '(no label)'),
        el('span', { className: 'muted', text: ' ' + (counts[label] || 0) })]);
      item.addEventListener('click', () => highlight(chart, legend, label));
      legend.appendChild(item);
    });
  }

  scatter(view, ratio) {
    const xs = view.points.map((p) => p.x);
    const ys = view.points.map((p) => p.y);
    const minX = Math.min(...xs);
    const minY = Math.min(...ys);
    const spanX = Math.max(...xs) - minX || 1;
    const spanY = Math.max(...ys) - minY || 1;
    const sx = (x) => MARGIN + (x - minX) / spanX * (WIDTH - 2 * MARGIN);
    const sy = (y) => HEIGHT - MARGIN - (y - minY) / spanY * (HEIGHT - 2 * MARGIN);
    const colours = {};
    view.labels.forEach((label, i) => {
      colours[label] = PALETTE[i % PALETTE.length];
    });
    const chart = svg('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, 'class': 'scatter', role: 'img',
      'aria-label': 'Feature explorer' }, [
      svg('rect', { x: MARGIN, y: MARGIN / 2, width: WIDTH - 2 * MARGIN, height: HEIGHT - 1.5 * MARGIN,
        'class': 'plot-area' }),
      svg('text', { x: WIDTH / 2, y: HEIGHT - 8, 'class': 'axis-label', 'text-anchor': 'middle' },
        ['PC 1 (' + Math.round(ratio[0] * 100) + '%)']),
      svg('text', { x: 12, y: HEIGHT / 2, 'class': 'axis-label', 'text-anchor': 'middle',
        transform: 'rotate(-90 12 ' + HEIGHT / 2 + ')' }, ['PC 2 (' + Math.round(ratio[1] * 100) + '%)']),
      svg('g', { 'class': 'points' }, view.points.map((p) => svg('circle', { cx: sx(p.x).toFixed(1),
        cy: sy(p.y).toFixed(1), r: 3.2, fill: colours[p.label] || '#999', 'data-label': p.label,
        'data-sample-id': p.sampleId, 'data-window': p.windowIndex, 'class': 'point' }, [
        svg('title', {}, [(p.label || '(no label)') + ' · sample ' + p.sampleId + ' · window ' + p.windowIndex
          + ' (' + (p.windowStartMs / 1000).toFixed(2) + ' s)'])])))
    ]);
    chart.addEventListener('click', (event) => {
      const dot = event.target.closest('circle.point');
      if (dot) {
        window.location.href = '/projects/' + this.projectId + '/data/samples/'
          + encodeURIComponent(dot.getAttribute('data-sample-id')) + '?window=' + dot.getAttribute('data-window');
      }
    });
    return chart;
  }
}
