// The case list's filters on a template's filterable fields, as the API reads them (field.{key}[.{op}]): a choice or
// yes/no is one select (equal), a number, amount, date or moment a from–to range (gte and lte), any other type a text
// box (equal). multiChoice fields cannot be filtered on, so they get no control.
import { h, field } from '../dom.js';

export const FIELD_PREFIX = 'field.';

const RANGE_INPUT = { number: 'number', money: 'number', date: 'date', dateTime: 'datetime-local' };

/** The controls for `template`'s filterable fields, filled from the address's `params`. */
export function fieldFilterControls(template, params) {
  const option = (value, text, current) => h('option', { value, text, selected: value === (current ?? '') });
  const controls = [];
  for (const f of template?.fields ?? []) {
    if (!f.filterable || f.type === 'multiChoice') continue;
    const name = `${FIELD_PREFIX}${f.key}`;
    const label = f.type === 'money' && f.currency ? `${f.label} (${f.currency})` : f.label;
    if (f.type === 'choice' || f.type === 'boolean') {
      const values = f.type === 'choice' ? f.options.map(o => [o, o]) : [['true', 'Yes'], ['false', 'No']];
      controls.push(field(label, h('select', { name, 'data-field': f.key }, option('', 'Any', params.get(name)),
        values.map(([value, text]) => option(value, text, params.get(name))))).wrap);
    } else if (RANGE_INPUT[f.type]) {
      const bound = (op, text) => field(`${label} ${text}`, h('input', {
        type: RANGE_INPUT[f.type], name: `${name}.${op}`, 'data-field': f.key, 'data-type': f.type,
        step: f.type === 'date' || f.type === 'dateTime' ? null : 'any', value: fromQuery(f.type, params.get(`${name}.${op}`)),
      })).wrap;
      controls.push(bound('gte', 'from'), bound('lte', 'to'));
    } else {
      controls.push(field(label, h('input', { type: 'search', name, 'data-field': f.key, maxlength: 200, value: params.get(name) ?? '' })).wrap);
    }
  }
  return controls;
}

/** A control's value as the query carries it: a local moment becomes an RFC 3339 UTC one. */
export function toQuery(input, value) {
  return input?.dataset?.type === 'dateTime' ? new Date(value).toISOString() : value;
}

// The query's UTC moment shown in the person's local time, as a datetime-local input takes it.
function fromQuery(type, value) {
  if (!value || type !== 'dateTime') return value ?? '';
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return '';
  return new Date(moment.getTime() - moment.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}
