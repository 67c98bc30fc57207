/*
 * EdgeForge models UI: helpers shared by the training, models and model pages — DOM building, number formats,
 * multipart uploads with the CSRF token, SVG line charts and the confusion matrix. No libraries, no inline scripts.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';

  /** el('td', {className: 'x', text: 'y'}, [children]) */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null) {
        return;
      }
      if (key === 'text') {
        node.textContent = value;
      } else if (key === 'className') {
        node.className = value;
      } else if (key.indexOf('data-') === 0 || key === 'title' || key === 'href' || key === 'type' ||
          key === 'name' || key === 'value' || key === 'min' || key === 'max' || key === 'step' || key === 'for' ||
          key === 'id' || key === 'download' || key === 'colspan' || key === 'aria-label' || key === 'role') {
        node.setAttribute(key, value);
      } else {
        node[key] = value;
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function svg(tag, attributes, children) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function percent(value) {
    return value === null || value === undefined ? '\u2013' : (100 * value).toFixed(1) + ' %';
  }

  function number(value, digits) {
    return value === null || value === undefined ? '\u2013' : Number(value).toFixed(digits === undefined ? 4 : digits);
  }

  function bytes(value) {
    if (value === null || value === undefined) {
      return '\u2013';
    }
    if (value < 1024) {
      return value + ' B';
    }
    if (value < 1024 * 1024) {
      return (value / 1024).toFixed(1) + ' KiB';
    }
    return (value / 1024 / 1024).toFixed(2) + ' MiB';
  }

  function count(value) {
    return value === null || value === undefined ? '\u2013' : Number(value).toLocaleString('en-US');
  }

  function csrfHeaders() {
    var headers = { 'Accept': 'application/json' };
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return headers;
  }

  /** POSTs multipart form data; resolves with the JSON answer, rejects with the problem detail. */
  function upload(url, formData) {
    return fetch(url, { method: 'POST', headers: csrfHeaders(), body: formData, credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (ignored) { json = null; }
          if (!response.ok) {
            var problem = json || {};
            problem.status = problem.status || response.status;
            problem.detail = problem.detail || ('The server answered ' + response.status + '.');
            throw problem;
          }
          return json;
        });
      });
  }

  function problemMessage(problem) {
    var message = (problem && (problem.detail || problem.title)) || 'Something went wrong.';
    if (problem && problem.errors && problem.errors.length > 1) {
      message += ' ' + problem.errors.map(function (e) { return e.field + ': ' + e.message; }).join('; ');
    }
    return message;
  }

  /** Parses an epoch log line: "Epoch 3/30: loss 0.41, accuracy 0.87, val_loss 0.39, val_accuracy 0.90 (0.4 s)". */
  function parseEpoch(line) {
    var match = /^Epoch (\d+)\/(\d+): loss ([^,\s]+)(?:, accuracy ([^,\s]+))?, val_loss ([^,\s]+)(?:, val_accuracy ([^,\s(]+))?/
      .exec(line);
    if (!match) {
      return null;
    }
    function value(text) {
      return text === undefined ? null : parseFloat(text);
    }
    return {
      epoch: parseInt(match[1], 10), epochs: parseInt(match[2], 10), trainLoss: value(match[3]),
      trainAccuracy: value(match[4]), validationLoss: value(match[5]), validationAccuracy: value(match[6])
    };
  }

  /**
   * Draws a line chart into container (replacing what was there).
   * options: {title, series: [{name, className, points: [[x, y], ...]}], xLabel, yMin, yMax, xMax, percent}
   */
  function lineChart(container, options) {
    var width = 460;
    var height = 220;
    var pad = { left: 48, right: 12, top: 26, bottom: 34 };
    var all = [];
    options.series.forEach(function (s) { all = all.concat(s.points); });
    var xMax = Math.max(options.xMax || 1, all.reduce(function (m, p) { return Math.max(m, p[0]); }, 1));
    var ys = all.map(function (p) { return p[1]; }).filter(function (y) { return y !== null && isFinite(y); });
    var yMin = options.yMin !== undefined ? options.yMin : Math.min.apply(null, ys.concat([0]));
    var yMax = options.yMax !== undefined ? options.yMax : Math.max.apply(null, ys.concat([yMin + 1e-6]));
    if (yMax <= yMin) {
      yMax = yMin + 1;
    }
    var plotW = width - pad.left - pad.right;
    var plotH = height - pad.top - pad.bottom;
    function sx(x) { return pad.left + (xMax <= 1 ? 0 : (x - 1) / (xMax - 1)) * plotW; }
    function sy(y) { return pad.top + (1 - (y - yMin) / (yMax - yMin)) * plotH; }

    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, 'class': 'ef-chart', role: 'img',
      'aria-label': options.title });
    root.appendChild(svg('text', { x: pad.left, y: 16, 'class': 'ef-chart-title' }, [options.title]));
    for (var i = 0; i <= 4; i++) {
      var value = yMin + (yMax - yMin) * i / 4;
      var y = sy(value);
      root.appendChild(svg('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, 'class': 'ef-grid' }));
      root.appendChild(svg('text', { x: pad.left - 6, y: y + 4, 'class': 'ef-axis ef-axis-y' },
        [options.percent ? Math.round(value * 100) + '%' : value.toFixed(value >= 10 ? 0 : 2)]));
    }
    var ticks = Math.min(xMax, 6);
    for (var t = 0; t < ticks; t++) {
      var x = Math.round(1 + (xMax - 1) * (ticks <= 1 ? 0 : t / (ticks - 1)));
      root.appendChild(svg('text', { x: sx(x), y: height - pad.bottom + 16, 'class': 'ef-axis ef-axis-x' }, [String(x)]));
    }
    root.appendChild(svg('text', { x: pad.left + plotW / 2, y: height - 4, 'class': 'ef-axis ef-axis-x' },
      [options.xLabel || 'epoch']));
    var legendX = width - pad.right;
    options.series.slice().reverse().forEach(function (s) {
      var label = svg('text', { x: legendX, y: 16, 'class': 'ef-legend ' + s.className }, ['\u25A0 ' + s.name]);
      root.appendChild(label);
      legendX -= 12 + 7 * (s.name.length + 2);
    });
    options.series.forEach(function (s) {
      var points = s.points.filter(function (p) { return p[1] !== null && isFinite(p[1]); });
      if (points.length === 0) {
        return;
      }
      var path = points.map(function (p, index) {
        return (index === 0 ? 'M' : 'L') + sx(p[0]).toFixed(1) + ',' + sy(p[1]).toFixed(1);
      }).join(' ');
      root.appendChild(svg('path', { d: path, 'class': 'ef-line ' + s.className, 'data-points': points.length }));
      points.forEach(function (p) {
        root.appendChild(svg('circle', { cx: sx(p[0]).toFixed(1), cy: sy(p[1]).toFixed(1), r: 2.5,
          'class': 'ef-dot ' + s.className }, [svg('title', {}, [s.name + ' epoch ' + p[0] + ': ' + p[1]])]));
      });
    });
    clear(container).appendChild(root);
    return root;
  }

  /** Loss and accuracy charts of a training history (list of EpochMetrics). */
  function historyCharts(lossBox, accuracyBox, history, plannedEpochs) {
    function series(name, className, field) {
      return { name: name, className: className, points: history.map(function (h) { return [h.epoch, h[field]]; }) };
    }
    lineChart(lossBox, { title: 'Loss', xMax: plannedEpochs, series: [series('train', 'ef-train', 'trainLoss'),
      series('validation', 'ef-val', 'validationLoss')] });
    var hasAccuracy = history.some(function (h) { return h.trainAccuracy !== null && h.trainAccuracy !== undefined; });
    if (accuracyBox) {
      accuracyBox.classList.toggle('hidden', !hasAccuracy && history.length > 0);
      if (hasAccuracy || history.length === 0) {
        lineChart(accuracyBox, { title: 'Accuracy', xMax: plannedEpochs, yMin: 0, yMax: 1, percent: true,
          series: [series('train', 'ef-train', 'trainAccuracy'),
            series('validation', 'ef-val', 'validationAccuracy')] });
      }
    }
  }

  /**
   * A confusion matrix as a coloured table: rows actual, columns predicted (the last column counts uncertain
   * predictions); cells shaded by their share of the row, green on the diagonal, red elsewhere.
   */
  function confusionMatrix(report) {
    var names = report.classNames;
    var matrix = report.confusionMatrix;
    var hasUncertain = matrix.some(function (row) { return row[names.length] > 0; });
    var head = el('tr', {}, [el('th', { className: 'ef-corner', text: 'actual \\ predicted' })]
      .concat(names.map(function (n) { return el('th', { text: n }); }))
      .concat(hasUncertain ? [el('th', { text: 'uncertain' })] : []));
    var body = matrix.map(function (row, actual) {
      var total = row.reduce(function (a, b) { return a + b; }, 0);
      var cells = [el('th', { text: names[actual] })];
      row.forEach(function (value, predicted) {
        if (predicted === names.length && !hasUncertain) {
          return;
        }
        var share = total === 0 ? 0 : value / total;
        var cell = el('td', { text: String(value), title: (100 * share).toFixed(1) + ' % of ' + names[actual] });
        var diagonal = predicted === actual;
        cell.className = diagonal ? 'ef-cm-hit' : 'ef-cm-miss';
        var alpha = value === 0 ? 0 : 0.12 + 0.78 * share;
        cell.style.backgroundColor = diagonal ? 'rgba(23, 122, 75, ' + alpha.toFixed(3) + ')'
          : 'rgba(194, 50, 43, ' + alpha.toFixed(3) + ')';
        if (alpha > 0.55) {
          cell.classList.add('ef-cm-strong');
        }
        cells.push(cell);
      });
      return el('tr', {}, cells);
    });
    return el('table', { className: 'ef-confusion', 'data-testid': 'confusion-matrix' },
      [el('thead', {}, [head]), el('tbody', {}, body)]);
  }

  /** Per-class precision, recall and F1. */
  function perClassTable(report) {
    var rows = report.perClass.map(function (c) {
      return el('tr', {}, [el('td', { text: c.name }), el('td', { text: String(c.support) }),
        el('td', { text: percent(c.precision) }), el('td', { text: percent(c.recall) }),
        el('td', { text: number(c.f1, 3) }), el('td', { text: c.auc === null ? '\u2013' : number(c.auc, 3) })]);
    });
    return el('table', { className: 'list ef-compact' }, [
      el('thead', {}, [el('tr', {}, ['Class', 'Windows', 'Precision', 'Recall', 'F1', 'AUC'].map(function (h) {
        return el('th', { text: h });
      }))]), el('tbody', {}, rows)]);
  }

  window.EdgeForgeModels = {
    el: el, svg: svg, clear: clear, percent: percent, number: number, bytes: bytes, count: count,
    upload: upload, problemMessage: problemMessage, parseEpoch: parseEpoch, lineChart: lineChart,
    historyCharts: historyCharts, confusionMatrix: confusionMatrix, perClassTable: perClassTable
  };
})();
