/*
 * The impulse editor's form controls: labelled fields whose data-field attribute is the path the server names in
 * its errors[] (e.g. processingBlocks[0].mfe.fftLength), and inputs that report each change.
 */
import { el } from '../ui.js';

export function numberOrNull(text) {
  if (text === '' || text === null) {
    return null;
  }
  const value = Number(text);
  return isNaN(value) ? null : value;
}

/** The control builders; every input is disabled unless editable. */
export function formControls(editable) {
  /** A labelled field wrapper whose errors appear inside it. */
  function field(label, path, control, hint, unit) {
    control.id = control.id || 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
    return el('div', { className: 'field', 'data-field': path }, [
      el('label', { for: control.id, text: label }),
      unit ? el('div', { className: 'with-unit' }, [control, el('span', { className: 'unit', text: unit })]) : control,
      hint ? el('div', { className: 'hint', text: hint }) : null
    ]);
  }

  function numberInput(value, step, min, max, onChange) {
    const input = el('input', { type: 'number', step: step || 'any', min, max, disabled: !editable });
    input.value = value === null || value === undefined ? '' : value;
    input.addEventListener('input', () => onChange(numberOrNull(input.value)));
    return input;
  }

  function textInput(value, onChange) {
    const input = el('input', { type: 'text', disabled: !editable });
    input.value = value || '';
    input.addEventListener('input', () => onChange(input.value));
    return input;
  }

  /** A colour as #rrggbb, the browser's colour picker. */
  function colorInput(value, onChange) {
    const input = el('input', { type: 'color', disabled: !editable });
    input.value = value || '#ffffff';
    input.addEventListener('input', () => onChange(input.value));
    return input;
  }

  /** options: [{value, label}] */
  function select(options, value, onChange) {
    const control = el('select', { disabled: !editable }, options.map((option) => el('option', {
      value: option.value, text: option.label, selected: option.value === value })));
    control.addEventListener('change', () => onChange(control.value));
    return control;
  }

  /** attributes: more attributes of the box, e.g. {'data-axis': 'accX'} */
  function checkbox(label, checked, onChange, attributes = {}) {
    const box = el('input', { ...attributes, type: 'checkbox', disabled: !editable, checked });
    box.addEventListener('change', () => onChange(box.checked));
    return el('label', { className: 'check' }, [box, ' ' + label]);
  }

  return { field, numberInput, textInput, colorInput, select, checkbox };
}
