// Case data fields as form controls and as text: the right input per field type (the team's data form on the case
// page and the outside party's questions on the external page), the JSON value a control holds, and a value in words.
import { h, field } from '../dom.js';
import { formatAbsolute } from '../format.js';

const TEXT_INPUTS = { email: 'email', phone: 'tel', url: 'url' };

/** A datetime-local control's value (local time, to the minute) for an ISO moment. */
const localMoment = iso => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};

/** The control for field definition `f`, showing `current` (its value in the case's data, if any). */
export function inputFor(f, current) {
  const shown = current ?? '';
  switch (f.type) {
    case 'longText': return h('textarea', { rows: 4, maxlength: f.maxLength ?? null, text: String(shown) });
    case 'number':
    case 'money': return h('input', { type: 'number', step: 'any', inputmode: 'decimal', min: f.min ?? null, max: f.max ?? null, value: String(shown) });
    case 'date': return h('input', { type: 'date', min: f.min ?? null, max: f.max ?? null, value: String(shown) });
    case 'dateTime': return h('input', { type: 'datetime-local', value: shown ? localMoment(shown) : '' });
    case 'boolean': return h('select', {}, h('option', { value: '', text: '—' }), h('option', { value: 'true', text: 'Yes', selected: shown === true }), h('option', { value: 'false', text: 'No', selected: shown === false }));
    case 'choice': return h('select', {}, h('option', { value: '', text: '—' }), (f.options ?? []).map(o => h('option', { value: o, text: o, selected: o === shown })));
    case 'multiChoice': return h('select', { multiple: true }, (f.options ?? []).map(o => h('option', { value: o, text: o, selected: Array.isArray(shown) && shown.includes(o) })));
    default: return h('input', { type: TEXT_INPUTS[f.type] ?? 'text', maxlength: f.maxLength ?? null, value: String(shown) });
  }
}

/** A labelled control for `f` (dom.field): "(required)" and the currency in the label, the field's help as hint. */
export function fieldControl(f, current, required = f.required) {
  const label = `${f.label}${f.type === 'money' && f.currency ? ` (${f.currency})` : ''}${required ? ' (required)' : ''}`;
  return field(label, inputFor(f, current), f.help);
}

/** The JSON value of a control; undefined when left empty. */
export function valueOf(f, input) {
  if (f.type === 'multiChoice') {
    const chosen = [...input.selectedOptions].map(o => o.value);
    return chosen.length ? chosen : undefined;
  }
  const raw = input.value.trim();
  if (!raw) return undefined;
  switch (f.type) {
    case 'number':
    case 'money': return Number(raw);
    case 'boolean': return raw === 'true';
    case 'dateTime': return new Date(raw).toISOString();
    default: return raw;
  }
}

/** Whether two values of `f` are the same (a moment written two ways, an option list in another order). */
export function sameValue(f, a, b) {
  if (a == null || b == null) return a == null && b == null;
  if (f.type === 'dateTime') return new Date(a).getTime() === new Date(b).getTime();
  if (f.type === 'multiChoice') return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
  return a === b;
}

/** A value in words: "Yes", "HR, IT", a moment in the reader's time zone, "12.50 EUR"; "—" for none. */
export function formatValue(f, value) {
  if (value == null || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  switch (f?.type) {
    case 'boolean': return value ? 'Yes' : 'No';
    case 'dateTime': return formatAbsolute(value);
    case 'money': return f.currency ? `${value} ${f.currency}` : String(value);
    default: return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : String(value);
  }
}
