/*
 * The server's refusals beside the fields that caused them: each errors[] entry lands in the element whose
 * data-field (or data-field-alias) is its path, or else in the nearest enclosing field; what finds no place is
 * listed in the errors box.
 */
import { clear, el, problemTitle } from '../ui.js';

/** Removes the errors and warnings shown beside the fields and empties and hides the boxes. */
export function clearFieldErrors(box, warningBox) {
  document.querySelectorAll('[data-server-error], [data-server-warning]').forEach((node) => node.remove());
  document.querySelectorAll('.field.invalid').forEach((node) => node.classList.remove('invalid'));
  [box, warningBox].filter(Boolean).forEach((holder) => {
    holder.classList.add('hidden');
    clear(holder);
  });
}

/**
 * Shows the warnings of a save (warnings[] of PUT .../impulse): each beside its field, and all of them listed in the
 * box, since a warning is about the saved impulse as a whole.
 */
export function showFieldWarnings(box, warnings) {
  document.querySelectorAll('[data-server-warning]').forEach((node) => node.remove());
  clear(box);
  if (!warnings || !warnings.length) {
    box.classList.add('hidden');
    return;
  }
  warnings.forEach((warning) => {
    const target = fieldFor(warning.field);
    if (target && target.classList.contains('field')) {
      target.appendChild(el('div', { className: 'warning', 'data-server-warning': '', text: warning.message }));
    }
  });
  box.appendChild(el('strong', { text: 'Saved, but look at this before generating features:' }));
  box.appendChild(el('ul', {}, warnings.map((w) => el('li', { text: w.field + ': ' + w.message }))));
  box.classList.remove('hidden');
}

/** The element showing errors of this path: itself, an alias, or the nearest enclosing field. */
function fieldFor(path) {
  let candidate = path;
  while (candidate) {
    const found = document.querySelector('[data-field="' + candidate + '"]')
      || document.querySelector('[data-field-alias="' + candidate + '"]');
    if (found) {
      return found;
    }
    const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
    candidate = cut > 0 ? candidate.slice(0, cut) : '';
  }
  return null;
}

/** Shows a problem: its sentence in the box, each field error beside its field. */
export function showFieldErrors(box, problem) {
  clearFieldErrors(box);
  box.appendChild(el('strong', { text: problemTitle(problem) }));
  const unplaced = [];
  (problem.errors || []).forEach((error) => {
    const target = fieldFor(error.field);
    if (!target) {
      unplaced.push(error);
      return;
    }
    target.classList.add('invalid');
    const exact = target.getAttribute('data-field') === error.field
      || target.getAttribute('data-field-alias') === error.field;
    const message = el('div', { className: 'error', 'data-server-error': '',
      text: exact ? error.message : error.field + ': ' + error.message });
    if (target.classList.contains('field')) {
      target.appendChild(message);
    } else {
      target.insertBefore(message, target.children[1] || null);
    }
  });
  if (unplaced.length) {
    box.appendChild(el('ul', {}, unplaced.map((e) => el('li', { text: e.field + ': ' + e.message }))));
  }
  box.classList.remove('hidden');
}
