// The timeline, newest first: an icon per kind of entry, who, when (relative and absolute) and in which stage.
import { h, mount } from '../dom.js';
import { timeEl, humanize, formatAbsolute } from '../format.js';
import { formatValue } from './fieldInputs.js';

const ICONS = [
  [/Created$/, '+', 'create'],
  [/StageEntered/, '→', 'enter'],
  [/StageExited/, '✓', 'exit'],
  [/Closed$/, '■', 'close'],
  [/Reopened$/, '↺', 'enter'],
  [/Moved$/, '⇄', 'enter'],
  [/OnHold$/, '‖', 'warn'],
  [/Resumed$/, '▶', 'enter'],
  [/Document/, '▤', 'doc'],
  [/DueSoon$/, '◷', 'warn'],
  [/Task/, '☑', 'task'],
  [/Decision/, '⚖', 'decision'],
  [/Comment/, '✎', 'comment'],
  [/Message/, '✉', 'comment'],
  [/PortalLink/, '↗', 'link'],
  [/Sla|Overdue|Breach/, '⚠', 'warn'],
  [/Participant|Owner/, '☺', 'person'],
];

/** The icon for an entry type (decorative: the text next to it says what happened). */
export function timelineIcon(type) {
  const found = ICONS.find(([pattern]) => pattern.test(type)) ?? [null, '•', 'other'];
  return h('span', { class: `tl-icon tl-${found[2]}`, 'aria-hidden': 'true', text: found[1] });
}

/** A FieldsChanged entry as one line per field: "Department: HR → IT" (values as JSON in the entry). */
function fieldChanges(entry, fields) {
  const parse = text => { try { return JSON.parse(text); } catch { return text; } };
  return h('ul', { class: 'tl-changes' }, String(entry.data.fields ?? '').split(',').filter(Boolean).map(key => {
    const f = fields.get(key);
    return h('li', { dataset: { field: key } }, h('span', { class: 'tl-field', text: f?.label ?? humanize(key) }), ': ',
      h('span', { class: 'tl-old', text: formatValue(f, parse(entry.data[`old.${key}`])) }), ' → ',
      h('span', { class: 'tl-new', text: formatValue(f, parse(entry.data[`new.${key}`])) }));
  }));
}

/** The entry's payload as "key: value" lines (text only). */
function details(entry, names) {
  if (entry.type === 'FieldsChanged' && entry.data) return fieldChanges(entry, names.fields);
  const data = Object.entries(entry.data ?? {}).filter(([key]) => !/hash|id$/i.test(key));
  if (!data.length) return null;
  return h('dl', { class: 'tl-data' }, data.flatMap(([key, value]) => [h('dt', { text: humanize(key) }),
    h('dd', { text: /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-][\d:]+)$/.test(value) ? formatAbsolute(value) : value })]));
}

/** `names`: the case's template, as `stages` (key → name) and `fields` (key → field definition). */
export function timelineItem(entry, names) {
  return h('li', { class: 'tl-item', dataset: { seq: entry.seq, type: entry.type } },
    timelineIcon(entry.type),
    h('div', { class: 'tl-body' },
      h('p', { class: 'tl-title' }, h('strong', { text: humanize(entry.type) }), ' · ', h('span', { class: 'tl-actor', text: entry.actor?.name ?? 'Someone' })),
      h('p', { class: 'tl-meta' }, timeEl(h, entry.at), ' · ', h('span', { text: names.stages.get(entry.stage) ?? entry.stage }), ` · #${entry.seq}`),
      details(entry, names)));
}

/** Renders `entries` (oldest first, as the API gives them) newest first, `shown` at a time. */
export function renderTimeline(list, entries, names, shown, onMore) {
  const newestFirst = [...entries].reverse();
  mount(list, newestFirst.slice(0, shown).map(e => timelineItem(e, names)));
  return newestFirst.length > shown
    ? h('button', { type: 'button', class: 'button', text: `Show older (${newestFirst.length - shown})`, on: { click: onMore } })
    : null;
}
