/*
 * The server's refusals beside the fields that caused them: each errors[] entry lands in the element whose
 * data-field (or data-field-alias) is its path, or else in the nearest enclosing field; what finds no place is
 * listed in the errors box.
 */
import { clear, el, problemTitle } from '../ui.js';

/** Removes the errors shown beside the fields and empties and hides the box. */
export function clearFieldErrors(box) {
  document.querySelectorAll('[data-server-error]').forEach((node) => node.remove());
  document.querySelectorAll('.field.invalid').forEach((node) => node.classList.remove('invalid'));
  box.classList.add('hidden');
  clear(box);
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
