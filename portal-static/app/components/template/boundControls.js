// Editor controls bound to a value of the template draft. Each registers under its JSON path ($.stages[1].name) in
// `ctx.fields`, so an API error for that path shows under it (pathErrors.js).
import { h, field } from '../../dom.js';

const slug = text => text.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').replace(/-+/g, '-').replace(/^[^a-z]+/, '').slice(0, 40);

/** A control bound to a value through `get`/`set`. */
export function bind(ctx, path, label, control, get, set, hint) {
  const f = field(label, control, hint);
  control.value = get() ?? '';
  control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => set(control.value));
  ctx.fields.set(path.toLowerCase(), f);
  return f.wrap;
}

export function text(ctx, obj, prop, path, label, attrs = {}, hint) {
  return bind(ctx, `${path}.${prop}`, label, h('input', { type: 'text', maxlength: 200, ...attrs }), () => obj[prop], v => { obj[prop] = v; }, hint);
}

export function number(ctx, obj, prop, path, label, attrs = {}) {
  return bind(ctx, `${path}.${prop}`, label, h('input', { type: 'number', min: 0, step: 'any', ...attrs }), () => obj[prop], v => { obj[prop] = v === '' ? null : Number(v); });
}

export function select(ctx, obj, prop, path, label, options, onChange) {
  const control = h('select', {}, options.map(([value, text]) => h('option', { value, text })));
  return bind(ctx, `${path}.${prop}`, label, control, () => obj[prop], v => { obj[prop] = v; onChange?.(v); });
}

/** A checkbox; `fallback` is its state while the value is absent. */
export function checkbox(obj, prop, label, fallback = true) {
  const input = h('input', { type: 'checkbox', checked: obj[prop] ?? fallback, on: { change: e => { obj[prop] = e.target.checked; } } });
  return h('label', { class: 'radio' }, input, label);
}

/** An error line for a path that names a list or a group rather than one control. */
export function errorOnly(ctx, path) {
  const error = h('p', { class: 'field-error', hidden: true });
  ctx.fields.set(path.toLowerCase(), { error });
  return error;
}

/** "Start date" → "startDate": a field key (letters and digits, starting with a lowercase letter). */
export const camelKey = text => text.normalize('NFKD').replace(/[^A-Za-z0-9\s]/g, ' ').trim().split(/\s+/).filter(Boolean)
  .map((word, i) => (i ? word[0].toUpperCase() + word.slice(1).toLowerCase() : word.toLowerCase())).join('').replace(/^[^a-z]+/, '').slice(0, 40);

/** A name field and a key field; a new item's key follows its name (through `makeKey`) until the key is typed in. */
export function named(ctx, obj, prop, path, label, keyHint, makeKey = slug) {
  const keyWrap = text(ctx, obj, 'key', path, 'Key', { maxlength: 40, spellcheck: 'false' }, keyHint);
  const keyInput = keyWrap.querySelector('input');
  keyInput.addEventListener('input', () => { delete obj._auto; });
  const nameWrap = text(ctx, obj, prop, path, label, { required: true });
  nameWrap.querySelector('input').addEventListener('input', event => {
    if (obj._auto) keyInput.value = obj.key = makeKey(event.target.value);
  });
  return [nameWrap, keyWrap];
}
