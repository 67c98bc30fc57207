/*
 * The impulse editor: the impulse as JSON in memory (the draft), and the forms of its input block, DSP blocks and
 * learning blocks, built from the DSP block catalogue. Every edit changes the draft and calls onChange.
 */
import { api, byId, clear, el } from '../ui.js';
import { DefaultLayers } from './default-layers.js';
import { clearFieldErrors, showFieldErrors, showFieldWarnings } from './field-errors.js';
import { formControls } from './form.js';

const INPUT_TYPES = [
  { value: 'time-series', label: 'Time series (sensors)' },
  { value: 'audio', label: 'Audio' },
  { value: 'image', label: 'Images' }
];
const RESIZE_MODES = [
  { value: 'squash', label: 'Squash' },
  { value: 'fit-shortest', label: 'Fit shortest axis (crop)' },
  { value: 'fit-longest', label: 'Fit longest axis (letterbox)' }
];
const COLOR_DEPTHS = [{ value: 'rgb', label: 'RGB' }, { value: 'grayscale', label: 'Grayscale' }];
const PREFERRED_BLOCKS = { 'time-series': 'spectral-analysis', audio: 'mfe', image: 'image' };

/** What the server offers: the DSP blocks (GET /api/v1/dsp-blocks), the input defaults, the learning kinds. */
export class BlockCatalogue {
  constructor(descriptors, inputDefaults, learningKinds) {
    this.descriptors = new Map(descriptors.map((d) => [d.type, d]));
    this.order = descriptors.map((d) => d.type);
    this.inputDefaults = inputDefaults;
    this.learningKinds = learningKinds;
    Object.freeze(this);
  }

  get(type) {
    return this.descriptors.get(type);
  }

  defaultInput(type) {
    return structuredClone(this.inputDefaults[type]);
  }

  /** The block types that read this input type, and the type a block has already. */
  choices(inputType, current) {
    return this.order.filter((t) => this.get(t).inputs.includes(inputType) || t === current)
      .map((t) => ({ value: t, label: this.get(t).title }));
  }

  preferred(inputType) {
    const preferred = PREFERRED_BLOCKS[inputType];
    if (this.get(preferred)) {
      return preferred;
    }
    return this.order.find((type) => this.get(type).inputs.includes(inputType));
  }

  defaultParams(type) {
    const params = { type };
    this.get(type).parameters.forEach((p) => {
      params[p.name] = structuredClone(p.defaultValue);
    });
    return params;
  }

  isDefaultName(name) {
    return this.order.some((type) => this.get(type).title === name);
  }
}

export class ImpulseEditor {
  /**
   * catalogue: a BlockCatalogue; editable: whether the inputs are enabled; axes: the axes known before any
   * sample is read; onChange(): called after every edit and every render.
   */
  constructor({ catalogue, editable, axes, onChange }) {
    this.catalogue = catalogue;
    this.editable = editable;
    this.controls = formControls(editable);
    this.knownAxes = axes.slice();
    this.onChange = onChange;
    this.draft = null;
    // the text of each learning block's settings as typed, which may not be valid JSON yet
    this.settingsText = new Map();
    // each learning block's settings text area, so new default layers can be shown without a re-render
    this.settingsAreas = new WeakMap();
    this.defaultLayers = new DefaultLayers({ onUpdate: (learn) => this.defaultsFollowed(learn) });
    this.errorBox = byId('impulse-errors');
    this.warningBox = byId('impulse-warnings');
  }

  /** Edits a copy of this impulse. */
  load(impulse) {
    this.draft = structuredClone(impulse);
    this.draft.processingBlocks = this.draft.processingBlocks || [];
    this.draft.learningBlocks = this.draft.learningBlocks || [];
    this.settingsText.clear();
    this.defaultLayers.reset();
    this.draft.processingBlocks.forEach((block) => this.rememberAxes(block.axes));
    this.render();
    this.defaultLayers.detect(this.draft);
  }

  /** Resolves when the default layers that follow the features are up to date (before a save). */
  settled() {
    return this.defaultLayers.settled();
  }

  defaultsFollowed(learn) {
    const area = this.settingsAreas.get(learn);
    if (area) {
      area.value = JSON.stringify(learn.settings, null, 2);
    }
    this.settingsText.delete(learn);
    this.onChange();
  }

  /** The draft as JSON, to compare with a saved version. */
  snapshot() {
    return JSON.stringify(this.draft);
  }

  /** A copy of the draft, to send. */
  impulse() {
    return structuredClone(this.draft);
  }

  /** Whether a learning block's settings, as typed, are not valid JSON. */
  hasInvalidSettings() {
    return Array.from(this.settingsText.values()).some((text) => {
      try {
        JSON.parse(text || 'null');
        return false;
      } catch {
        return true;
      }
    });
  }

  changed() {
    if (this.draft) {
      this.defaultLayers.changed(this.draft);
    }
    this.onChange();
  }

  render() {
    this.clearErrors();
    this.renderInput();
    this.renderBlocks();
    this.renderLearning();
    this.changed();
  }

  showErrors(problem) {
    showFieldErrors(this.errorBox, problem);
  }

  /** warnings: the warnings[] of a save, each {field, message}. */
  showWarnings(warnings) {
    showFieldWarnings(this.warningBox, warnings);
  }

  clearErrors() {
    clearFieldErrors(this.errorBox, this.warningBox);
  }

  rememberAxes(axes) {
    (axes || []).forEach((axis) => {
      if (axis && !this.knownAxes.includes(axis)) {
        this.knownAxes.push(axis);
      }
    });
  }

  /* ---------- input block ---------- */

  renderInput() {
    const { field, numberInput, select, checkbox, colorInput } = this.controls;
    const holder = clear(byId('input-form'));
    const input = this.draft.input || this.catalogue.defaultInput('time-series');
    this.draft.input = input;
    const set = (name) => (value) => {
      input[name] = value;
      this.changed();
    };
    holder.appendChild(field('Type', 'input.type', select(INPUT_TYPES, input.type,
      (type) => this.changeInputType(type))));
    if (input.type === 'image') {
      holder.appendChild(field('Width', 'input.width', numberInput(input.width, 1, 1, 2048, set('width')), null,
        'px'));
      holder.appendChild(field('Height', 'input.height', numberInput(input.height, 1, 1, 2048, set('height')), null,
        'px'));
      holder.appendChild(field('Resize mode', 'input.resizeMode', select(RESIZE_MODES, input.resizeMode,
        set('resizeMode'))));
      holder.appendChild(field('Colour depth', 'input.colorDepth', select(COLOR_DEPTHS, input.colorDepth,
        set('colorDepth'))));
      holder.appendChild(field('Background', 'input.background', colorInput(input.background || '#ffffff',
        set('background')), 'Transparent pixels of uploaded photos are flattened onto this colour when features'
        + ' are made. Cameras on devices have no transparency.'));
      return;
    }
    holder.appendChild(field('Window size', 'input.windowSizeMs', numberInput(input.windowSizeMs, 1, 1, null,
      set('windowSizeMs')), 'Length of one window.', 'ms'));
    holder.appendChild(field('Window increase', 'input.windowStrideMs', numberInput(input.windowStrideMs, 1, 1,
      null, set('windowStrideMs')), 'Time between window starts.', 'ms'));
    holder.appendChild(field('Frequency', 'input.frequencyHz', numberInput(input.frequencyHz, 'any', 0, null,
      set('frequencyHz')), 'Samples at another rate are resampled.', 'Hz'));
    holder.appendChild(field('Zero-pad data', 'input.zeroPad', el('div', {}, [
      checkbox('Pad samples shorter than a window', input.zeroPad, set('zeroPad'))])));
  }

  changeInputType(type) {
    this.draft.input = this.catalogue.defaultInput(type);
    (this.draft.processingBlocks || []).forEach((block) => {
      const descriptor = this.catalogue.get(block.params && block.params.type);
      if (!descriptor || !descriptor.inputs.includes(type)) {
        this.setBlockType(block, this.catalogue.preferred(type));
      }
    });
    this.render();
  }

  /* ---------- processing blocks ---------- */

  setBlockType(block, type) {
    const descriptor = this.catalogue.get(type);
    block.params = this.catalogue.defaultParams(type);
    if (descriptor.axes === 'none') {
      block.axes = [];
    } else if (descriptor.axes === 'one') {
      block.axes = (block.axes && block.axes.length ? block.axes : this.knownAxes).slice(0, 1);
    } else if (!block.axes || !block.axes.length) {
      block.axes = this.knownAxes.slice();
    }
    if (!block.name || this.catalogue.isDefaultName(block.name)) {
      block.name = descriptor.title;
    }
  }

  renderBlocks() {
    const list = clear(byId('block-list'));
    const blocks = this.draft.processingBlocks || [];
    this.draft.processingBlocks = blocks;
    if (!blocks.length) {
      list.appendChild(el('p', { className: 'empty',
        text: 'No processing block: add one to turn windows into features.' }));
    }
    blocks.forEach((block, index) => list.appendChild(this.renderBlock(block, index)));
  }

  renderBlock(block, index) {
    const { field, textInput, select } = this.controls;
    const at = 'processingBlocks[' + index + ']';
    const type = block.params && block.params.type;
    const descriptor = this.catalogue.get(type);
    const remove = el('button', { type: 'button', className: 'btn btn-danger btn-small', text: 'Remove',
      disabled: !this.editable, 'data-remove-block': index });
    remove.addEventListener('click', () => {
      this.draft.processingBlocks.splice(index, 1);
      this.render();
    });
    const card = el('div', { className: 'dsp-block', 'data-field': at, 'data-block-index': index }, [
      el('div', { className: 'dsp-block-head' }, [
        field('Name', at + '.name', textInput(block.name, (v) => {
          block.name = v;
          this.changed();
        })),
        field('Block', at + '.params', select(this.catalogue.choices(this.draft.input.type, type), type, (t) => {
          this.setBlockType(block, t);
          this.render();
        })),
        el('div', { className: 'dsp-block-actions' }, [el('span', { className: 'badge', text: 'id ' + block.id }),
          remove])
      ])
    ]);
    if (!descriptor) {
      card.appendChild(el('p', { className: 'error', text: 'Unknown block type ' + type }));
      return card;
    }
    card.appendChild(el('p', { className: 'muted small', text: descriptor.description }));
    card.appendChild(this.renderAxes(block, at, descriptor));
    card.appendChild(el('div', { className: 'param-grid' }, descriptor.parameters.map((p) =>
      this.renderParameter(block, at + '.' + type + '.' + p.name, p))));
    card.appendChild(el('div', { className: 'block-cost', 'data-cost-for': block.id, text: 'Estimating…' }));
    return card;
  }

  renderAxes(block, at, descriptor) {
    if (descriptor.axes === 'none') {
      return el('div', { className: 'field', 'data-field': at + '.axes' }, [
        el('label', { text: 'Axes' }),
        el('div', { className: 'muted small', text: 'The colour planes of the image input.' })]);
    }
    const boxes = el('div', { className: 'checks' });
    this.rememberAxes(block.axes);
    this.knownAxes.forEach((axis) => {
      boxes.appendChild(this.controls.checkbox(axis, block.axes.includes(axis), (on) => {
        if (descriptor.axes === 'one') {
          block.axes = on ? [axis] : [];
          this.render();
          return;
        }
        block.axes = this.knownAxes.filter((a) => (a === axis ? on : block.axes.includes(a)));
        this.changed();
      }, { 'data-axis': axis }));
    });
    if (this.editable) {
      const extra = el('input', { type: 'text', className: 'axis-input', placeholder: 'other axis',
        'aria-label': 'Add an axis' });
      const add = el('button', { type: 'button', className: 'btn btn-ghost btn-small', text: 'Add axis' });
      add.addEventListener('click', () => {
        const name = extra.value.trim();
        if (name) {
          this.rememberAxes([name]);
          if (descriptor.axes === 'one') {
            block.axes = [name];
          } else if (!block.axes.includes(name)) {
            block.axes.push(name);
          }
          this.render();
        }
      });
      boxes.appendChild(el('span', { className: 'axis-add' }, [extra, add]));
    }
    const hint = descriptor.axes === 'one' ? 'This block reads exactly one axis.' : 'The axes this block reads.';
    return el('div', { className: 'field', 'data-field': at + '.axes',
      'data-field-alias': at + '.' + block.params.type + '.axes' }, [
      el('label', { text: 'Axes' }), boxes, el('div', { className: 'hint', text: hint })]);
  }

  renderParameter(block, path, p) {
    const { field, numberInput, select, checkbox } = this.controls;
    const params = block.params;
    const value = params[p.name];
    const set = (v) => {
      params[p.name] = v;
      this.changed();
    };
    let control;
    if (p.kind === 'boolean') {
      return field('', path, el('div', {}, [checkbox(p.label, value, set)]), p.help);
    }
    if (p.kind === 'choice') {
      control = select(p.options.map((o) => ({ value: o, label: o })), value, set);
    } else if (p.kind === 'choices') {
      control = el('div', { className: 'checks' }, p.options.map((option) =>
        checkbox(option, (value || []).includes(option), (on) => {
          const current = params[p.name] || [];
          set(p.options.filter((o) => (o === option ? on : current.includes(o))));
        })));
    } else if (p.kind === 'power-of-two') {
      const options = [];
      for (let n = p.min; n <= p.max; n *= 2) {
        options.push({ value: String(n), label: String(n) });
      }
      control = select(options, String(value), (v) => set(Number(v)));
    } else {
      control = numberInput(value, p.kind === 'integer' ? 1 : (p.step || 'any'),
        p.min !== null && !p.minExclusive ? p.min : null, p.max !== null && !p.maxExclusive ? p.max : null, set);
    }
    return field(p.label, path, control, p.help, p.unit);
  }

  addBlock() {
    const blocks = this.draft.processingBlocks;
    const id = blocks.reduce((max, b) => Math.max(max, b.id || 0), 0) + 1;
    const block = { id, name: '', axes: [], params: null };
    this.setBlockType(block, this.catalogue.preferred(this.draft.input.type));
    blocks.push(block);
    (this.draft.learningBlocks || []).forEach((learn) => {
      if (learn.inputs && learn.inputs.length) {
        learn.inputs.push(id);
      }
    });
    this.render();
  }

  /* ---------- learning blocks ---------- */

  renderLearning() {
    const list = clear(byId('learning-list'));
    this.draft.learningBlocks = this.draft.learningBlocks || [];
    if (!this.draft.learningBlocks.length) {
      list.appendChild(el('p', { className: 'empty', text: 'No learning block.' }));
    }
    this.draft.learningBlocks.forEach((learn, index) => list.appendChild(this.renderLearningBlock(learn, index)));
  }

  renderLearningBlock(learn, index) {
    const { field, textInput, select, checkbox } = this.controls;
    const at = 'learningBlocks[' + index + ']';
    const remove = el('button', { type: 'button', className: 'btn btn-danger btn-small', text: 'Remove',
      disabled: !this.editable });
    remove.addEventListener('click', () => {
      this.draft.learningBlocks.splice(index, 1);
      this.settingsText.delete(learn);
      this.render();
    });
    const blockIds = () => this.draft.processingBlocks.map((b) => b.id);
    const inputs = el('div', { className: 'checks' }, (this.draft.processingBlocks || []).map((block) => {
      const reads = !learn.inputs || !learn.inputs.length || learn.inputs.includes(block.id);
      return checkbox(block.name || ('block ' + block.id), reads, (on) => {
        const current = !learn.inputs || !learn.inputs.length ? blockIds() : learn.inputs;
        learn.inputs = blockIds().filter((id) => (id === block.id ? on : current.includes(id)));
        this.changed();
      });
    }));
    const area = el('textarea', { className: 'settings-json', rows: '8', spellcheck: 'false',
      disabled: !this.editable });
    area.value = this.settingsText.has(learn) ? this.settingsText.get(learn)
      : (learn.settings === null || learn.settings === undefined ? '' : JSON.stringify(learn.settings, null, 2));
    this.settingsAreas.set(learn, area);
    const localError = el('div', { className: 'error local-error' });
    area.addEventListener('input', () => {
      this.settingsText.set(learn, area.value);
      try {
        learn.settings = area.value.trim() ? JSON.parse(area.value) : null;
        localError.textContent = '';
      } catch (e) {
        localError.textContent = 'Not valid JSON: ' + e.message;
      }
      this.changed();
    });
    const defaults = el('button', { type: 'button', className: 'btn btn-ghost btn-small',
      text: 'Use default layers', disabled: !this.editable });
    defaults.addEventListener('click', () => this.loadLearningDefaults(learn));
    const settingsField = field('Layers and settings (JSON)', at + '.settings', area,
      'The network\u2019s hidden layers; the output layer is added for the number of classes. Default layers'
      + ' follow the window and the processing blocks until you edit them.');
    settingsField.append(localError, defaults);
    return el('div', { className: 'learning-block', 'data-field': at }, [
      field('Name', at + '.name', textInput(learn.name, (v) => {
        learn.name = v;
        this.changed();
      })),
      field('Kind', at + '.type', select(this.catalogue.learningKinds.map((k) => ({ value: k,
        label: k.replace('_', ' ') })), learn.type, (kind) => {
        learn.type = kind;
        this.loadLearningDefaults(learn);
      })),
      field('Reads features of', at + '.inputs', inputs),
      settingsField,
      el('div', { className: 'row-end' }, [remove])
    ]);
  }

  /** Replaces a learning block's settings with the server's default layers for its kind and inputs. */
  loadLearningDefaults(learn) {
    const inputs = (learn.inputs || []).map((id) => 'inputs=' + id).join('&');
    api('POST', '/api/v1/learning-blocks/defaults?kind=' + encodeURIComponent(learn.type)
      + (inputs ? '&' + inputs : ''), this.draft).then((defaults) => {
      learn.settings = defaults.settings;
      this.defaultLayers.record(learn);
      this.settingsText.delete(learn);
      this.render();
    }).catch((problem) => this.showErrors(problem));
  }

  addLearningBlock() {
    const learn = { type: this.catalogue.learningKinds[0], name: 'Classifier', inputs: [], settings: null };
    this.draft.learningBlocks.push(learn);
    this.loadLearningDefaults(learn);
  }
}
