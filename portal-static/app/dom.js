// Building DOM without HTML strings: every piece of text from the API goes in as a text node, never as markup.

/**
 * Creates an element. `attrs`: `class`, `text`, `on` ({event: handler}), boolean `hidden`/`disabled`/`required`…,
 * `dataset` ({key: value}), and any other attribute (set with setAttribute). Children: nodes, strings
 * (text nodes), arrays, null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = String(value);
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'value' && 'value' in el) el.value = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces the content of `parent` with `children`. */
export function mount(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/**
 * mount() for a redraw while someone may be at work in `parent` (a poll's): a new control named like an old one (`name`,
 * and a radio's value) takes over what was typed or chosen in it, and the focus stays where it was. `keep` false: the
 * redraw shows something new (another stage), so nothing carries over.
 */
export function remount(parent, keep, ...children) {
  const key = el => `${el.name}/${el.type === 'radio' ? el.value : ''}`;
  const kept = new Map(keep ? [...parent.querySelectorAll('[name]')].map(el => [key(el), el]) : []);
  const focused = parent.contains(document.activeElement) ? document.activeElement : null;
  const { selectionStart: start, selectionEnd: end } = focused ?? {};
  mount(parent, ...children);
  let focus = focused?.isConnected ? focused : null;
  for (const el of parent.querySelectorAll('[name]')) {
    const old = kept.get(key(el));
    if (!old || old === el) continue;
    if (el.type === 'radio') el.checked = old.checked;
    else if (el.type === 'file') el.files = old.files;
    else el.value = old.value;
    if (old === focused) focus = el;
  }
  focus?.focus({ preventScroll: true });
  if (typeof start === 'number') focus?.setSelectionRange(start, end);
  return parent;
}

let idSeq = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix = 'f') => `${prefix}-${++idSeq}`;

/** A labelled form field; `input` is the control element. Errors show in the returned `error` element. */
export function field(label, input, hint) {
  input.id ||= uid();
  const error = h('p', { class: 'field-error', id: `${input.id}-error`, hidden: true });
  const hintEl = hint ? h('p', { class: 'hint', id: `${input.id}-hint`, text: hint }) : null;
  input.setAttribute('aria-describedby', [hintEl?.id, error.id].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'field' }, h('label', { for: input.id, text: label }), input, hintEl, error);
  return { wrap, input, error };
}

/** Shows `message` under a field (or clears it) and marks the control invalid for assistive tech. */
export function setFieldError(f, message) {
  f.error.textContent = message ?? '';
  f.error.hidden = !message;
  if (message) f.input.setAttribute('aria-invalid', 'true');
  else f.input.removeAttribute('aria-invalid');
}

/** A polite status message for screen readers and sighted users alike. */
export function toast(message, kind = 'info') {
  const region = document.getElementById('toast');
  if (!region) return;
  const item = h('div', { class: `toast toast-${kind}`, text: message });
  region.append(item);
  setTimeout(() => item.remove(), 5000);
}
