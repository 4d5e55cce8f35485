// The template API's validation errors, keyed by JSON path, shown under the editor control (or group) they name.
import { setFieldError } from '../../dom.js';

/** Shows `message` under a control or a group's error line, or clears it. */
export function markError(f, message) {
  if (f.input) setFieldError(f, message);
  else {
    f.error.textContent = message ?? '';
    f.error.hidden = !message;
  }
}

/** Each error goes under the field its path names, or the closest group ($.stages[0].documents[1].contentTypes[2] → …contentTypes). */
export function placeErrors(error, fields, formError) {
  const rest = [];
  let first = null;
  for (const [path, messages] of Object.entries(error.errors)) {
    const message = [].concat(messages).join(' ');
    let p = path.toLowerCase();
    let f = fields.get(p);
    while (!f && /[.[]/.test(p.slice(2))) f = fields.get(p = p.replace(/(\.\w+|\[\d+\])$/, ''));
    if (!f) {
      rest.push(message);
      continue;
    }
    markError(f, [f.error.textContent, message].filter(Boolean).join(' '));
    first ??= f;
  }
  const general = rest.join(' ') || (first ? 'Some fields need attention: see the messages below them.' : error.message);
  formError.textContent = general;
  formError.hidden = !general;
  if (first?.input) first.input.focus();
  else first?.error.scrollIntoView({ block: 'center' });
}
