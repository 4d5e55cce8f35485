// A case data field in the template editor: key and label, type, the rules that type takes (options, min/max,
// maxLength, pattern, currency), help, who fills it, and whether the outside party sees it, it is sensitive or the
// case list may filter on it. Changing the type drops the rules the new type does not take.
import { h } from '../../dom.js';
import { bind, camelKey, checkbox, named, select, text } from './boundControls.js';

const TYPES = [['text', 'Text'], ['longText', 'Long text'], ['number', 'Number'], ['money', 'Money'], ['date', 'Date'], ['dateTime', 'Date and time'],
  ['boolean', 'Yes / no'], ['choice', 'Choice'], ['multiChoice', 'Multiple choice'], ['email', 'E-mail'], ['phone', 'Phone'], ['url', 'URL']];
const TEXTUAL = new Set(['text', 'longText', 'email', 'phone', 'url']);
const RANGED = new Set(['number', 'money', 'date', 'dateTime']);
const RULES = ['options', 'min', 'max', 'maxLength', 'pattern', 'currency'];

export const newField = () => ({ key: '', label: '', type: 'text', required: false, filledBy: 'team', visibleToExternal: false, sensitive: false, filterable: false, _auto: true });

/** The rules a field of `type` takes (what the API accepts on it). */
function rulesOf(type) {
  if (TEXTUAL.has(type)) return ['maxLength', 'pattern'];
  if (type === 'choice' || type === 'multiChoice') return ['options'];
  if (type === 'money') return ['min', 'max', 'currency'];
  return RANGED.has(type) ? ['min', 'max'] : [];
}

export function fieldFields(ctx, f, p) {
  const type = select(ctx, f, 'type', p, 'Type', TYPES, value => {
    const kept = rulesOf(value);
    for (const rule of RULES) if (!kept.includes(rule)) delete f[rule];
    if (value === 'longText') f.filterable = false;
    ctx.redraw();
  });
  const rules = rulesOf(f.type);
  const [labelWrap, keyWrap] = named(ctx, f, 'label', p, 'Label', 'Letters and digits, e.g. startDate', camelKey);
  // The stages' field lists show the new label and key once the person leaves the input.
  for (const input of [labelWrap, keyWrap].map(wrap => wrap.querySelector('input'))) input.addEventListener('change', () => ctx.fieldsChanged());
  const filledBy = select(ctx, f, 'filledBy', p, 'Filled by', [['team', 'The team'], ['external', 'The outside party'], ['both', 'Either']], () => ctx.fieldsChanged());
  return [labelWrap, keyWrap, type,
    rules.includes('options') ? bind(ctx, `${p}.options`, 'Options', h('textarea', { rows: 3, maxlength: 10000 }), () => (f.options ?? []).join('\n'),
      v => { f.options = v.split('\n').map(o => o.trim()).filter(Boolean); }, 'One per line') : null,
    rules.includes('currency') ? text(ctx, f, 'currency', p, 'Currency', { maxlength: 3, spellcheck: 'false', placeholder: 'EUR' }, 'ISO 4217 code') : null,
    rules.includes('min') ? limit(ctx, f, 'min', p, 'Minimum') : null,
    rules.includes('max') ? limit(ctx, f, 'max', p, 'Maximum') : null,
    rules.includes('maxLength') ? bind(ctx, `${p}.maxLength`, 'Max length', h('input', { type: 'number', min: 1, step: 1 }), () => f.maxLength,
      v => { f.maxLength = v === '' ? null : Number(v); }) : null,
    rules.includes('pattern') ? text(ctx, f, 'pattern', p, 'Pattern', { maxlength: 500, spellcheck: 'false' }, 'A regular expression the whole value must match') : null,
    text(ctx, f, 'help', p, 'Help', { maxlength: 1000 }, 'Shown under the input'),
    filledBy,
    checkbox(f, 'required', 'Required in every stage', false),
    checkbox(f, 'visibleToExternal', 'The outside party sees it', false),
    checkbox(f, 'sensitive', 'Sensitive (never in events)', false),
    f.type === 'longText' ? null : checkbox(f, 'filterable', 'The case list filters on it', false)];
}

/** A minimum or maximum: a number for numbers and money, a date, or a moment (ISO 8601 with an offset). */
function limit(ctx, f, prop, p, label) {
  if (f.type === 'date') return text(ctx, f, prop, p, label, { type: 'date' });
  if (f.type === 'dateTime') return text(ctx, f, prop, p, label, { spellcheck: 'false', placeholder: '2026-01-01T00:00:00Z' });
  return bind(ctx, `${p}.${prop}`, label, h('input', { type: 'number', step: 'any' }), () => f[prop], v => { f[prop] = v === '' ? null : Number(v); });
}
