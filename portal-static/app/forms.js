// Showing the API's validation errors next to the fields they name.
import { setFieldError } from './dom.js';

/**
 * `fields` maps a JSON path (`$.title`) to a field from dom.field(). Errors for paths with no field, and any
 * non-validation error, go to `formError`. Focuses the first field in error.
 */
export function showErrors(error, fields, formError) {
  const unplaced = [];
  let first = null;
  const byPath = new Map(Object.entries(fields).map(([path, f]) => [path.toLowerCase(), f]));
  for (const [path, messages] of Object.entries(error.errors ?? {})) {
    const f = byPath.get(path.toLowerCase());
    const text = [].concat(messages).join(' ');
    if (f) {
      setFieldError(f, text);
      first ??= f;
    } else {
      unplaced.push(text);
    }
  }
  const general = unplaced.length ? unplaced.join(' ') : first ? '' : error.message;
  if (formError) {
    formError.textContent = general;
    formError.hidden = !general;
  }
  first?.input.focus();
}

export function clearErrors(fields, formError) {
  for (const f of Object.values(fields)) setFieldError(f, null);
  if (formError) formError.hidden = true;
}
