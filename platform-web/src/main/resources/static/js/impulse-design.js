/*
 * The impulse design page: edits the impulse as JSON in memory (the draft), builds the forms from the DSP block
 * catalogue (GET /api/v1/dsp-blocks), shows each block's cost on the chosen board (POST .../impulse/costs with the
 * draft), saves with PUT .../impulse and shows refused fields beside their inputs, lists the versions, runs the
 * feature generation job with its live log (SSE) and draws the feature explorer (SVG).
 *
 * Field paths in the server's errors[] (e.g. processingBlocks[0].mfe.fftLength) are the data-field attributes of the
 * inputs, so an error lands beside the field that caused it.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var PALETTE = ['#2454d6', '#f08a24', '#177a4b', '#c2322b', '#7b4fc9', '#8c6d1f', '#d6459b', '#5d6b82',
    '#17a2b8', '#9bbf2a'];
  var INPUT_TYPES = [
    { value: 'time-series', label: 'Time series (sensors)' },
    { value: 'audio', label: 'Audio' },
    { value: 'image', label: 'Images' }
  ];
  var RESIZE_MODES = [
    { value: 'squash', label: 'Squash' },
    { value: 'fit-shortest', label: 'Fit shortest axis (crop)' },
    { value: 'fit-longest', label: 'Fit longest axis (letterbox)' }
  ];
  var COLOR_DEPTHS = [{ value: 'rgb', label: 'RGB' }, { value: 'grayscale', label: 'Grayscale' }];

  var page, projectId, canEdit, base, api;
  var catalogue = {};
  var blockOrder = [];
  var inputDefaults = {};
  var learningKinds = [];
  var knownAxes = [];
  var draft = null;
  var savedText = null;
  var latestVersion = 0;
  var openedVersion = null;
  var costTimer = null;
  var costRequest = 0;
  var settingsText = {};
  var following = null;

  /* ---------- small DOM helpers ---------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'text') {
        node.textContent = value;
      } else if (name === 'className') {
        node.className = value;
      } else if (value === true) {
        node.setAttribute(name, '');
      } else {
        node.setAttribute(name, value);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function problemText(problem) {
    var text = problem.detail || problem.title || 'Something went wrong.';
    return text;
  }

  function formatBytes(bytes) {
    if (bytes === null || bytes === undefined) {
      return '–';
    }
    if (bytes < 1024) {
      return bytes + ' B';
    }
    return (bytes / 1024).toFixed(bytes < 10240 ? 2 : 1) + ' kB';
  }

  function formatMs(ms) {
    if (ms === null || ms === undefined) {
      return '–';
    }
    return ms < 0.1 ? ms.toFixed(3) + ' ms' : ms < 10 ? ms.toFixed(2) + ' ms' : ms.toFixed(1) + ' ms';
  }

  function formatDate(iso) {
    return iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '';
  }

  function numberOrNull(text) {
    if (text === '' || text === null) {
      return null;
    }
    var value = Number(text);
    return isNaN(value) ? null : value;
  }

  /* ---------- form fields ---------- */

  /** A labelled field wrapper whose errors appear inside it. */
  function field(label, path, control, hint, unit) {
    var wrapper = el('div', { className: 'field', 'data-field': path });
    var id = 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
    control.id = control.id || id;
    wrapper.appendChild(el('label', { 'for': control.id, text: label }));
    if (unit) {
      wrapper.appendChild(el('div', { className: 'with-unit' }, [control, el('span', { className: 'unit', text: unit })]));
    } else {
      wrapper.appendChild(control);
    }
    if (hint) {
      wrapper.appendChild(el('div', { className: 'hint', text: hint }));
    }
    return wrapper;
  }

  function numberInput(value, step, min, max, onChange) {
    var input = el('input', { type: 'number', step: step || 'any', min: min, max: max, disabled: !canEdit });
    input.value = value === null || value === undefined ? '' : value;
    input.addEventListener('input', function () {
      onChange(numberOrNull(input.value));
    });
    return input;
  }

  function textInput(value, onChange) {
    var input = el('input', { type: 'text', disabled: !canEdit });
    input.value = value || '';
    input.addEventListener('input', function () {
      onChange(input.value);
    });
    return input;
  }

  function select(options, value, onChange) {
    var control = el('select', { disabled: !canEdit });
    options.forEach(function (option) {
      var item = el('option', { value: option.value, text: option.label });
      if (option.value === value) {
        item.selected = true;
      }
      control.appendChild(item);
    });
    control.addEventListener('change', function () {
      onChange(control.value);
    });
    return control;
  }

  function checkbox(label, checked, onChange, extra) {
    var box = el('input', { type: 'checkbox', disabled: !canEdit });
    box.checked = !!checked;
    box.addEventListener('change', function () {
      onChange(box.checked);
    });
    var wrapper = el('label', { className: 'check' }, [box, ' ' + label]);
    if (extra) {
      Object.keys(extra).forEach(function (name) { box.setAttribute(name, extra[name]); });
    }
    return wrapper;
  }

  /* ---------- input block ---------- */

  function renderInput() {
    var holder = byId('input-form');
    clear(holder);
    var input = draft.input || copy(inputDefaults['time-series']);
    draft.input = input;
    holder.appendChild(field('Type', 'input.type', select(INPUT_TYPES, input.type, changeInputType)));
    if (input.type === 'image') {
      holder.appendChild(field('Width', 'input.width', numberInput(input.width, 1, 1, 2048, function (v) {
        input.width = v; changed();
      }), null, 'px'));
      holder.appendChild(field('Height', 'input.height', numberInput(input.height, 1, 1, 2048, function (v) {
        input.height = v; changed();
      }), null, 'px'));
      holder.appendChild(field('Resize mode', 'input.resizeMode', select(RESIZE_MODES, input.resizeMode,
        function (v) { input.resizeMode = v; changed(); })));
      holder.appendChild(field('Colour depth', 'input.colorDepth', select(COLOR_DEPTHS, input.colorDepth,
        function (v) { input.colorDepth = v; changed(); })));
      return;
    }
    holder.appendChild(field('Window size', 'input.windowSizeMs', numberInput(input.windowSizeMs, 1, 1, null,
      function (v) { input.windowSizeMs = v; changed(); }), 'Length of one window.', 'ms'));
    holder.appendChild(field('Window increase', 'input.windowStrideMs', numberInput(input.windowStrideMs, 1, 1, null,
      function (v) { input.windowStrideMs = v; changed(); }), 'Time between window starts.', 'ms'));
    holder.appendChild(field('Frequency', 'input.frequencyHz', numberInput(input.frequencyHz, 'any', 0, null,
      function (v) { input.frequencyHz = v; changed(); }), 'Samples at another rate are resampled.', 'Hz'));
    var pad = field('Zero-pad data', 'input.zeroPad', el('div', {}, [checkbox('Pad samples shorter than a window',
      input.zeroPad, function (v) { input.zeroPad = v; changed(); })]));
    holder.appendChild(pad);
  }

  function changeInputType(type) {
    draft.input = copy(inputDefaults[type]);
    (draft.processingBlocks || []).forEach(function (block) {
      var descriptor = catalogue[block.params && block.params.type];
      if (!descriptor || descriptor.inputs.indexOf(type) < 0) {
        setBlockType(block, preferredBlock(type));
      }
    });
    renderAll();
  }

  function preferredBlock(inputType) {
    var preferred = { 'time-series': 'spectral-analysis', 'audio': 'mfe', 'image': 'image' }[inputType];
    if (catalogue[preferred]) {
      return preferred;
    }
    return blockOrder.filter(function (type) { return catalogue[type].inputs.indexOf(inputType) >= 0; })[0];
  }

  /* ---------- processing blocks ---------- */

  function defaultParams(type) {
    var params = { type: type };
    catalogue[type].parameters.forEach(function (p) {
      params[p.name] = copy(p.defaultValue);
    });
    return params;
  }

  function setBlockType(block, type) {
    var descriptor = catalogue[type];
    block.params = defaultParams(type);
    if (descriptor.axes === 'none') {
      block.axes = [];
    } else if (descriptor.axes === 'one') {
      block.axes = (block.axes && block.axes.length ? block.axes : knownAxes).slice(0, 1);
    } else if (!block.axes || !block.axes.length) {
      block.axes = knownAxes.slice();
    }
    if (!block.name || isDefaultName(block.name)) {
      block.name = descriptor.title;
    }
  }

  function isDefaultName(name) {
    return blockOrder.some(function (type) { return catalogue[type].title === name; });
  }

  function rememberAxes(axes) {
    (axes || []).forEach(function (axis) {
      if (axis && knownAxes.indexOf(axis) < 0) {
        knownAxes.push(axis);
      }
    });
  }

  function renderBlocks() {
    var list = byId('block-list');
    clear(list);
    var blocks = draft.processingBlocks || [];
    draft.processingBlocks = blocks;
    if (!blocks.length) {
      list.appendChild(el('p', { className: 'empty', text: 'No processing block: add one to turn windows into features.' }));
    }
    blocks.forEach(function (block, index) {
      list.appendChild(renderBlock(block, index));
    });
  }

  function renderBlock(block, index) {
    var at = 'processingBlocks[' + index + ']';
    var type = block.params && block.params.type;
    var descriptor = catalogue[type];
    var card = el('div', { className: 'dsp-block', 'data-field': at, 'data-block-index': index });
    var typeOptions = blockOrder.filter(function (t) {
      return catalogue[t].inputs.indexOf(draft.input.type) >= 0 || t === type;
    }).map(function (t) { return { value: t, label: catalogue[t].title }; });
    var remove = el('button', { type: 'button', className: 'btn btn-danger btn-small', text: 'Remove',
      disabled: !canEdit, 'data-remove-block': index });
    remove.addEventListener('click', function () {
      draft.processingBlocks.splice(index, 1);
      renderAll();
    });
    var head = el('div', { className: 'dsp-block-head' }, [
      field('Name', at + '.name', textInput(block.name, function (v) { block.name = v; changed(); })),
      field('Block', at + '.params', select(typeOptions, type, function (t) {
        setBlockType(block, t);
        renderAll();
      })),
      el('div', { className: 'dsp-block-actions' }, [el('span', { className: 'badge', text: 'id ' + block.id }), remove])
    ]);
    card.appendChild(head);
    if (!descriptor) {
      card.appendChild(el('p', { className: 'error', text: 'Unknown block type ' + type }));
      return card;
    }
    card.appendChild(el('p', { className: 'muted small', text: descriptor.description }));
    card.appendChild(renderAxes(block, at, descriptor));
    var grid = el('div', { className: 'param-grid' });
    descriptor.parameters.forEach(function (p) {
      grid.appendChild(renderParameter(block, at + '.' + type + '.' + p.name, p));
    });
    card.appendChild(grid);
    card.appendChild(el('div', { className: 'block-cost', 'data-cost-for': block.id, text: 'Estimating…' }));
    return card;
  }

  function renderAxes(block, at, descriptor) {
    if (descriptor.axes === 'none') {
      return el('div', { className: 'field', 'data-field': at + '.axes' }, [
        el('label', { text: 'Axes' }), el('div', { className: 'muted small', text: 'The colour planes of the image input.' })]);
    }
    var boxes = el('div', { className: 'checks' });
    rememberAxes(block.axes);
    knownAxes.forEach(function (axis) {
      boxes.appendChild(checkbox(axis, block.axes.indexOf(axis) >= 0, function (on) {
        if (descriptor.axes === 'one') {
          block.axes = on ? [axis] : [];
          renderAll();
          return;
        }
        block.axes = knownAxes.filter(function (a) {
          return a === axis ? on : block.axes.indexOf(a) >= 0;
        });
        changed();
      }, { 'data-axis': axis }));
    });
    if (canEdit) {
      var extra = el('input', { type: 'text', className: 'axis-input', placeholder: 'other axis', 'aria-label': 'Add an axis' });
      var add = el('button', { type: 'button', className: 'btn btn-ghost btn-small', text: 'Add axis' });
      add.addEventListener('click', function () {
        var name = extra.value.trim();
        if (name) {
          rememberAxes([name]);
          if (descriptor.axes === 'one') {
            block.axes = [name];
          } else if (block.axes.indexOf(name) < 0) {
            block.axes.push(name);
          }
          renderAll();
        }
      });
      boxes.appendChild(el('span', { className: 'axis-add' }, [extra, add]));
    }
    var hint = descriptor.axes === 'one' ? 'This block reads exactly one axis.' : 'The axes this block reads.';
    var wrapper = el('div', { className: 'field', 'data-field': at + '.axes' }, [el('label', { text: 'Axes' }), boxes,
      el('div', { className: 'hint', text: hint })]);
    wrapper.setAttribute('data-field-alias', at + '.' + (block.params.type) + '.axes');
    return wrapper;
  }

  function renderParameter(block, path, p) {
    var params = block.params;
    var value = params[p.name];
    var control;
    if (p.kind === 'boolean') {
      control = el('div', {}, [checkbox(p.label, value, function (v) { params[p.name] = v; changed(); })]);
      return field('', path, control, p.help);
    }
    if (p.kind === 'choice') {
      control = select(p.options.map(function (o) { return { value: o, label: o }; }), value, function (v) {
        params[p.name] = v; changed();
      });
    } else if (p.kind === 'choices') {
      control = el('div', { className: 'checks' });
      p.options.forEach(function (option) {
        control.appendChild(checkbox(option, (value || []).indexOf(option) >= 0, function (on) {
          var current = params[p.name] || [];
          params[p.name] = p.options.filter(function (o) {
            return o === option ? on : current.indexOf(o) >= 0;
          });
          changed();
        }));
      });
    } else if (p.kind === 'power-of-two') {
      var options = [];
      for (var n = p.min; n <= p.max; n *= 2) {
        options.push({ value: String(n), label: String(n) });
      }
      control = select(options, String(value), function (v) { params[p.name] = Number(v); changed(); });
    } else {
      control = numberInput(value, p.kind === 'integer' ? 1 : (p.step || 'any'),
        p.min !== null && !p.minExclusive ? p.min : null, p.max !== null && !p.maxExclusive ? p.max : null,
        function (v) { params[p.name] = v; changed(); });
    }
    return field(p.label, path, control, p.help, p.unit);
  }

  function addBlock() {
    var blocks = draft.processingBlocks;
    var id = blocks.reduce(function (max, b) { return Math.max(max, b.id || 0); }, 0) + 1;
    var block = { id: id, name: '', axes: [], params: null };
    setBlockType(block, preferredBlock(draft.input.type));
    blocks.push(block);
    (draft.learningBlocks || []).forEach(function (learn) {
      if (learn.inputs && learn.inputs.length) {
        learn.inputs.push(id);
      }
    });
    renderAll();
  }

  /* ---------- learning blocks ---------- */

  function renderLearning() {
    var list = byId('learning-list');
    clear(list);
    draft.learningBlocks = draft.learningBlocks || [];
    if (!draft.learningBlocks.length) {
      list.appendChild(el('p', { className: 'empty', text: 'No learning block.' }));
    }
    draft.learningBlocks.forEach(function (learn, index) {
      list.appendChild(renderLearningBlock(learn, index));
    });
  }

  function renderLearningBlock(learn, index) {
    var at = 'learningBlocks[' + index + ']';
    var card = el('div', { className: 'learning-block', 'data-field': at });
    var remove = el('button', { type: 'button', className: 'btn btn-danger btn-small', text: 'Remove', disabled: !canEdit });
    remove.addEventListener('click', function () {
      draft.learningBlocks.splice(index, 1);
      delete settingsText[index];
      renderAll();
    });
    card.appendChild(field('Name', at + '.name', textInput(learn.name, function (v) { learn.name = v; changed(); })));
    card.appendChild(field('Kind', at + '.type', select(learningKinds.map(function (k) {
      return { value: k, label: k.replace('_', ' ') };
    }), learn.type, function (kind) {
      learn.type = kind;
      loadLearningDefaults(learn, index);
    })));
    var inputs = el('div', { className: 'checks' });
    (draft.processingBlocks || []).forEach(function (block) {
      var reads = !learn.inputs || !learn.inputs.length || learn.inputs.indexOf(block.id) >= 0;
      inputs.appendChild(checkbox(block.name || ('block ' + block.id), reads, function (on) {
        var current = !learn.inputs || !learn.inputs.length
          ? draft.processingBlocks.map(function (b) { return b.id; }) : learn.inputs;
        learn.inputs = draft.processingBlocks.map(function (b) { return b.id; }).filter(function (id) {
          return id === block.id ? on : current.indexOf(id) >= 0;
        });
        changed();
      }));
    });
    card.appendChild(field('Reads features of', at + '.inputs', inputs));
    var area = el('textarea', { className: 'settings-json', rows: '8', spellcheck: 'false', disabled: !canEdit });
    area.value = settingsText[index] !== undefined ? settingsText[index]
      : (learn.settings === null || learn.settings === undefined ? '' : JSON.stringify(learn.settings, null, 2));
    area.addEventListener('input', function () {
      settingsText[index] = area.value;
      var slot = area.parentNode.querySelector('.local-error');
      try {
        learn.settings = area.value.trim() ? JSON.parse(area.value) : null;
        slot.textContent = '';
      } catch (e) {
        slot.textContent = 'Not valid JSON: ' + e.message;
      }
      changed();
    });
    var defaults = el('button', { type: 'button', className: 'btn btn-ghost btn-small', text: 'Use default layers',
      disabled: !canEdit });
    defaults.addEventListener('click', function () { loadLearningDefaults(learn, index); });
    var settingsField = field('Layers and settings (JSON)', at + '.settings', area,
      'The network\u2019s hidden layers; the output layer is added for the number of classes.');
    settingsField.appendChild(el('div', { className: 'error local-error' }));
    settingsField.appendChild(defaults);
    card.appendChild(settingsField);
    card.appendChild(el('div', { className: 'row-end' }, [remove]));
    return card;
  }

  function loadLearningDefaults(learn, index) {
    var inputs = (learn.inputs || []).map(function (id) { return 'inputs=' + id; }).join('&');
    api('POST', '/api/v1/learning-blocks/defaults?kind=' + encodeURIComponent(learn.type) + (inputs ? '&' + inputs : ''),
      draft).then(function (defaults) {
      learn.settings = defaults.settings;
      delete settingsText[index];
      renderAll();
    }).catch(function (problem) {
      showErrors(problem);
    });
  }

  function addLearningBlock() {
    var learn = { type: learningKinds[0], name: 'Classifier', inputs: [], settings: null };
    draft.learningBlocks.push(learn);
    loadLearningDefaults(learn, draft.learningBlocks.length - 1);
  }

  /* ---------- state ---------- */

  function renderAll() {
    clearErrors();
    renderInput();
    renderBlocks();
    renderLearning();
    changed();
  }

  function changed() {
    var dirty = JSON.stringify(draft) !== savedText;
    var note = byId('impulse-version-note');
    if (openedVersion !== null && openedVersion !== latestVersion) {
      note.textContent = 'opened from version ' + openedVersion + (dirty ? ', changed' : '');
    } else {
      note.textContent = dirty ? 'unsaved changes' : '';
    }
    byId('reset-impulse').disabled = !dirty;
    scheduleCosts();
  }

  function setLatest(view) {
    latestVersion = view.version;
    openedVersion = null;
    load(view.impulse);
    savedText = view.saved ? JSON.stringify(draft) : null;
    byId('impulse-version').textContent = view.saved ? 'Version ' + view.version : 'Not saved yet';
    changed();
  }

  function load(impulse) {
    draft = copy(impulse);
    draft.processingBlocks = draft.processingBlocks || [];
    draft.learningBlocks = draft.learningBlocks || [];
    settingsText = {};
    draft.processingBlocks.forEach(function (block) { rememberAxes(block.axes); });
    renderAll();
  }

  /* ---------- errors ---------- */

  function clearErrors() {
    document.querySelectorAll('[data-server-error]').forEach(function (node) { node.remove(); });
    document.querySelectorAll('.field.invalid').forEach(function (node) { node.classList.remove('invalid'); });
    var box = byId('impulse-errors');
    box.classList.add('hidden');
    clear(box);
  }

  /** The element showing errors of this path: itself, an alias, or the nearest enclosing field. */
  function fieldFor(path) {
    var candidate = path;
    while (candidate) {
      var found = document.querySelector('[data-field="' + candidate + '"]')
        || document.querySelector('[data-field-alias="' + candidate + '"]');
      if (found) {
        return found;
      }
      var cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
      candidate = cut > 0 ? candidate.slice(0, cut) : '';
    }
    return null;
  }

  function showErrors(problem) {
    clearErrors();
    var box = byId('impulse-errors');
    box.appendChild(el('strong', { text: problemText(problem) }));
    var unplaced = [];
    (problem.errors || []).forEach(function (error) {
      var target = fieldFor(error.field);
      if (!target) {
        unplaced.push(error);
        return;
      }
      target.classList.add('invalid');
      var message = el('div', { className: 'error', 'data-server-error': '', text: target.getAttribute('data-field') === error.field
        || target.getAttribute('data-field-alias') === error.field ? error.message : error.field + ': ' + error.message });
      if (target.classList.contains('field')) {
        target.appendChild(message);
      } else {
        target.insertBefore(message, target.children[1] || null);
      }
    });
    if (unplaced.length) {
      var list = el('ul', {});
      unplaced.forEach(function (e) { list.appendChild(el('li', { text: e.field + ': ' + e.message })); });
      box.appendChild(list);
    }
    box.classList.remove('hidden');
  }

  /* ---------- save, versions ---------- */

  function save() {
    var invalidJson = Object.keys(settingsText).some(function (index) {
      try { JSON.parse(settingsText[index] || 'null'); return false; } catch (e) { return true; }
    });
    if (invalidJson) {
      showErrors({ detail: 'A learning block\u2019s settings are not valid JSON; fix them before saving.' });
      return;
    }
    var button = byId('save-impulse');
    button.disabled = true;
    var body = copy(draft);
    body.version = latestVersion;
    api('PUT', base + '/impulse', body).then(function (saved) {
      setLatest({ version: saved.version, saved: true, impulse: saved.impulse });
      EdgeForge.showAlert('success', saved.changed ? 'Saved as version ' + saved.version + '.'
        : 'Nothing changed: the impulse is still version ' + saved.version + '.');
      loadVersions();
      loadFeatureStatus();
    }).catch(function (problem) {
      showErrors(problem);
    }).then(function () {
      button.disabled = !canEdit;
    });
  }

  function loadVersions() {
    api('GET', base + '/impulse/versions').then(function (versions) {
      var body = byId('version-rows');
      clear(body);
      if (!versions.length) {
        body.appendChild(el('tr', {}, [el('td', { colspan: '5', className: 'empty', text: 'No version saved yet.' })]));
        return;
      }
      versions.forEach(function (v) {
        var open = el('button', { type: 'button', className: 'btn btn-ghost btn-small', text: 'Open' });
        open.addEventListener('click', function () { openVersion(v.version); });
        body.appendChild(el('tr', { 'data-version': v.version }, [
          el('td', {}, [el('strong', { text: 'v' + v.version }), v.version === latestVersion
            ? el('span', { className: 'badge latest', text: 'latest' }) : null]),
          el('td', { text: formatDate(v.createdAt) }),
          el('td', { text: v.createdByName || '–' }),
          el('td', { className: 'small', text: v.summary }),
          el('td', { className: 'actions' }, [open])
        ]));
      });
    }).catch(function (problem) { EdgeForge.showAlert('error', problemText(problem)); });
  }

  function openVersion(version) {
    api('GET', base + '/impulse/versions/' + version).then(function (view) {
      openedVersion = view.version;
      load(view.impulse);
      changed();
      window.scrollTo({ top: 0, behavior: 'smooth' });
    }).catch(function (problem) { EdgeForge.showAlert('error', problemText(problem)); });
  }

  /* ---------- costs ---------- */

  function scheduleCosts() {
    if (costTimer) {
      clearTimeout(costTimer);
    }
    costTimer = setTimeout(loadCosts, 300);
  }

  function loadCosts() {
    var request = ++costRequest;
    var target = byId('cost-target').value;
    api('POST', base + '/impulse/costs?target=' + encodeURIComponent(target), draft).then(function (report) {
      if (request !== costRequest) {
        return;
      }
      report.blocks.forEach(function (cost) {
        var slot = document.querySelector('[data-cost-for="' + cost.blockId + '"]');
        if (!slot) {
          return;
        }
        clear(slot);
        if (cost.errors && cost.errors.length) {
          slot.className = 'block-cost invalid';
          slot.textContent = 'No estimate: ' + cost.errors.map(function (e) { return e.message; }).join('; ');
          return;
        }
        slot.className = 'block-cost';
        slot.appendChild(el('span', { className: 'cost-item', 'data-cost': 'ram', text: 'RAM ' + formatBytes(cost.ramBytes) }));
        slot.appendChild(el('span', { className: 'cost-item', 'data-cost': 'rom', text: 'flash ' + formatBytes(cost.romBytes) }));
        slot.appendChild(el('span', { className: 'cost-item', 'data-cost': 'time', text: formatMs(cost.msPerWindow) + ' per window' }));
        slot.appendChild(el('span', { className: 'cost-item', text: cost.featureShape.join(' × ') + ' features' }));
      });
      var totals = byId('cost-totals');
      clear(totals);
      totals.appendChild(el('span', { text: 'DSP on ' + report.targetName + ' (' + Math.round(report.clockHz / 1e6) + ' MHz): ' }));
      totals.appendChild(el('strong', { text: formatMs(report.totalMsPerWindow) + ' per window' }));
      totals.appendChild(el('span', { text: ' · RAM ' + formatBytes(report.totalRamBytes) + ' · flash '
        + formatBytes(report.totalRomBytes) + ' · ' + report.featureCount + ' features' }));
    }).catch(function (problem) {
      if (request === costRequest) {
        byId('cost-totals').textContent = 'No estimate: ' + problemText(problem);
      }
    });
  }

  /* ---------- features ---------- */

  function setStatus(text) {
    byId('feature-status').textContent = text;
  }

  function loadFeatureStatus() {
    if (latestVersion === 0) {
      setStatus('Save the impulse to generate its features.');
      byId('generate-features').disabled = true;
      return;
    }
    byId('generate-features').disabled = !canEdit;
    api('GET', base + '/features?impulseVersion=' + latestVersion).then(function (status) {
      var set = status.featureSet;
      var text = set ? 'Version ' + status.impulseVersion + ': ' + set.windows + ' windows of ' + set.featureLength
        + ' features from ' + set.samples + ' samples (' + set.computed + ' computed, ' + set.reused
        + ' reused), generated ' + formatDate(set.generatedAt) + '.'
        : 'No features for version ' + status.impulseVersion + ' yet.';
      if (status.job && status.job.state === 'failed') {
        text += ' The last run failed: ' + (status.job.error || 'unknown error');
      } else if (status.job && status.job.state === 'cancelled') {
        text += ' The last run was cancelled.';
      }
      setStatus(text);
      if (status.job && (status.job.state === 'queued' || status.job.state === 'running')) {
        follow(status.job.id);
      }
      if (set) {
        loadExplorer(status.impulseVersion);
      } else {
        clearExplorer('Generate features to see them here.');
      }
    }).catch(function (problem) { setStatus(problemText(problem)); });
  }

  function generate() {
    if (JSON.stringify(draft) !== savedText) {
      EdgeForge.showAlert('warning', 'Features are generated for the saved impulse: save your changes first.');
      return;
    }
    byId('generate-features').disabled = true;
    api('POST', base + '/jobs/features?impulseVersion=' + latestVersion).then(function (started) {
      clear(byId('feature-log'));
      follow(started.jobId);
    }).catch(function (problem) {
      byId('generate-features').disabled = !canEdit;
      if (problem.jobId) {
        follow(problem.jobId);
      }
      EdgeForge.showAlert('error', problemText(problem));
    });
  }

  function follow(jobId) {
    if (following && following.id === jobId) {
      return;
    }
    if (following) {
      following.source.close();
    }
    var log = byId('feature-log');
    var bar = byId('feature-progress-bar');
    var progress = byId('feature-progress');
    log.classList.remove('hidden');
    progress.classList.remove('hidden');
    byId('cancel-features').classList.toggle('hidden', !canEdit);
    byId('generate-features').disabled = true;
    setStatus('Generating features (job ' + jobId + ')…');
    var source = new EventSource('/api/v1/jobs/' + jobId + '/logs');
    following = { id: jobId, source: source };
    source.addEventListener('log', function (event) {
      log.appendChild(document.createTextNode(event.data + '\n'));
      log.scrollTop = log.scrollHeight;
    });
    source.addEventListener('progress', function (event) {
      var job = JSON.parse(event.data);
      var percent = Math.round(job.progress * 100);
      bar.style.width = percent + '%';
      progress.setAttribute('aria-valuenow', String(percent));
    });
    source.addEventListener('end', function (event) {
      var job = JSON.parse(event.data);
      source.close();
      following = null;
      bar.style.width = (job.state === 'succeeded' ? 100 : Math.round(job.progress * 100)) + '%';
      progress.setAttribute('data-state', job.state);
      byId('cancel-features').classList.add('hidden');
      byId('generate-features').disabled = !canEdit;
      if (job.state !== 'succeeded') {
        EdgeForge.showAlert(job.state === 'cancelled' ? 'warning' : 'error', 'Feature generation '
          + job.state + (job.error ? ': ' + job.error : '.'));
      }
      loadFeatureStatus();
    });
  }

  function cancel() {
    if (!following) {
      return;
    }
    api('POST', '/api/v1/jobs/' + following.id + '/cancel').catch(function (problem) {
      EdgeForge.showAlert('error', problemText(problem));
    });
  }

  /* ---------- explorer ---------- */

  function clearExplorer(caption) {
    clear(byId('explorer-plot'));
    clear(byId('explorer-legend'));
    byId('explorer-caption').textContent = caption;
  }

  function loadExplorer(version) {
    byId('explorer-caption').textContent = 'Projecting the features…';
    api('GET', base + '/features/explorer?impulseVersion=' + version).then(function (view) {
      drawExplorer(view);
    }).catch(function (problem) { clearExplorer(problemText(problem)); });
  }

  function drawExplorer(view) {
    var plot = byId('explorer-plot');
    clear(plot);
    var legend = byId('explorer-legend');
    clear(legend);
    var ratio = view.explainedVarianceRatio || [0, 0];
    byId('explorer-caption').textContent = view.shownWindows + (view.sampled ? ' of ' + view.totalWindows : '')
      + ' windows of impulse version ' + view.impulseVersion + ': the first two principal components of the '
      + 'standardised features (' + Math.round(ratio[0] * 100) + '% and ' + Math.round(ratio[1] * 100)
      + '% of the variance). Click a point to open its sample.';
    if (!view.points.length) {
      return;
    }
    var width = 760;
    var height = 440;
    var margin = 36;
    var xs = view.points.map(function (p) { return p.x; });
    var ys = view.points.map(function (p) { return p.y; });
    var minX = Math.min.apply(null, xs);
    var maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys);
    var maxY = Math.max.apply(null, ys);
    var spanX = maxX - minX || 1;
    var spanY = maxY - minY || 1;
    function sx(x) { return margin + (x - minX) / spanX * (width - 2 * margin); }
    function sy(y) { return height - margin - (y - minY) / spanY * (height - 2 * margin); }
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, 'class': 'scatter', role: 'img',
      'aria-label': 'Feature explorer' });
    chart.appendChild(svg('rect', { x: margin, y: margin / 2, width: width - 2 * margin, height: height - 1.5 * margin,
      'class': 'plot-area' }));
    var xLabel = svg('text', { x: width / 2, y: height - 8, 'class': 'axis-label', 'text-anchor': 'middle' });
    xLabel.textContent = 'PC 1 (' + Math.round(ratio[0] * 100) + '%)';
    var yLabel = svg('text', { x: 12, y: height / 2, 'class': 'axis-label', 'text-anchor': 'middle',
      transform: 'rotate(-90 12 ' + height / 2 + ')' });
    yLabel.textContent = 'PC 2 (' + Math.round(ratio[1] * 100) + '%)';
    chart.appendChild(xLabel);
    chart.appendChild(yLabel);
    var colours = {};
    view.labels.forEach(function (label, i) { colours[label] = PALETTE[i % PALETTE.length]; });
    var counts = {};
    var group = svg('g', { 'class': 'points' });
    view.points.forEach(function (p) {
      counts[p.label] = (counts[p.label] || 0) + 1;
      var dot = svg('circle', { cx: sx(p.x).toFixed(1), cy: sy(p.y).toFixed(1), r: 3.2,
        fill: colours[p.label] || '#999', 'data-label': p.label, 'data-sample-id': p.sampleId,
        'data-window': p.windowIndex, 'class': 'point' });
      var title = svg('title', {});
      title.textContent = (p.label || '(no label)') + ' · sample ' + p.sampleId + ' · window ' + p.windowIndex
        + ' (' + (p.windowStartMs / 1000).toFixed(2) + ' s)';
      dot.appendChild(title);
      group.appendChild(dot);
    });
    chart.appendChild(group);
    chart.addEventListener('click', function (event) {
      var dot = event.target.closest('circle.point');
      if (dot) {
        window.location.href = '/projects/' + projectId + '/data/samples/'
          + encodeURIComponent(dot.getAttribute('data-sample-id')) + '?window=' + dot.getAttribute('data-window');
      }
    });
    plot.appendChild(chart);
    view.labels.forEach(function (label) {
      var swatch = el('span', { className: 'swatch' });
      swatch.style.background = colours[label];
      var item = el('li', { 'data-label': label, tabindex: '0' }, [swatch, ' ' + (label || '(no label)'),
        el('span', { className: 'muted', text: ' ' + (counts[label] || 0) })]);
      item.addEventListener('click', function () { highlight(chart, legend, label); });
      legend.appendChild(item);
    });
  }

  /** Dims every other label; clicking the highlighted one again shows all. */
  function highlight(chart, legend, label) {
    var active = legend.getAttribute('data-active') === label ? null : label;
    legend.setAttribute('data-active', active || '');
    legend.querySelectorAll('li').forEach(function (li) {
      li.classList.toggle('dimmed', active !== null && li.getAttribute('data-label') !== active);
    });
    chart.querySelectorAll('circle.point').forEach(function (dot) {
      dot.classList.toggle('dimmed', active !== null && dot.getAttribute('data-label') !== active);
    });
  }

  /* ---------- start ---------- */

  function init() {
    page = document.querySelector('[data-page=impulse]');
    if (!page || !window.EdgeForge) {
      return;
    }
    api = window.EdgeForge.api;
    projectId = page.getAttribute('data-project-id');
    canEdit = page.getAttribute('data-can-edit') === 'true';
    base = '/api/v1/projects/' + projectId;
    inputDefaults = JSON.parse(page.getAttribute('data-input-defaults'));
    knownAxes = (page.getAttribute('data-default-axes') || '').split(',').filter(Boolean);
    learningKinds = (byId('learning-list').getAttribute('data-kinds') || '').split(',').filter(Boolean);
    byId('save-impulse').addEventListener('click', save);
    byId('reset-impulse').addEventListener('click', function () {
      if (savedText) {
        openedVersion = null;
        load(JSON.parse(savedText));
      } else {
        api('GET', base + '/impulse').then(setLatest);
      }
    });
    byId('add-block').addEventListener('click', addBlock);
    byId('add-learning').addEventListener('click', addLearningBlock);
    byId('cost-target').addEventListener('change', loadCosts);
    byId('generate-features').addEventListener('click', generate);
    byId('cancel-features').addEventListener('click', cancel);
    Promise.all([api('GET', '/api/v1/dsp-blocks'), api('GET', base + '/impulse')]).then(function (answers) {
      answers[0].forEach(function (block) {
        catalogue[block.type] = block;
        blockOrder.push(block.type);
      });
      setLatest(answers[1]);
      page.setAttribute('data-ready', 'true');
      loadVersions();
      loadFeatureStatus();
    }).catch(function (problem) {
      EdgeForge.showAlert('error', problemText(problem));
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
