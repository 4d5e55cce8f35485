// The timeline, newest first: an icon per kind of entry, who, when (relative and absolute) and in which stage.
import { h, mount } from '../dom.js';
import { timeEl, humanize, formatAbsolute } from '../format.js';

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
  [/Task/, '☑', 'task'],
  [/Decision/, '⚖', 'decision'],
  [/Comment/, '✎', 'comment'],
  [/PortalLink/, '↗', 'link'],
  [/Sla|Overdue|Breach/, '⚠', 'warn'],
  [/Participant|Owner/, '☺', 'person'],
];

/** The icon for an entry type (decorative: the text next to it says what happened). */
export function timelineIcon(type) {
  const found = ICONS.find(([pattern]) => pattern.test(type)) ?? [null, '•', 'other'];
  return h('span', { class: `tl-icon tl-${found[2]}`, 'aria-hidden': 'true', text: found[1] });
}

/** The entry's payload as "key: value" lines (text only). */
function details(entry) {
  const data = Object.entries(entry.data ?? {}).filter(([key]) => !/hash|id$/i.test(key));
  if (!data.length) return null;
  return h('dl', { class: 'tl-data' }, data.flatMap(([key, value]) => [h('dt', { text: humanize(key) }),
    h('dd', { text: /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-][\d:]+)$/.test(value) ? formatAbsolute(value) : value })]));
}

export function timelineItem(entry, stageNames) {
  return h('li', { class: 'tl-item', dataset: { seq: entry.seq, type: entry.type } },
    timelineIcon(entry.type),
    h('div', { class: 'tl-body' },
      h('p', { class: 'tl-title' }, h('strong', { text: humanize(entry.type) }), ' · ', h('span', { class: 'tl-actor', text: entry.actor?.name ?? 'Someone' })),
      h('p', { class: 'tl-meta' }, timeEl(h, entry.at), ' · ', h('span', { text: stageNames.get(entry.stage) ?? entry.stage }), ` · #${entry.seq}`),
      details(entry)));
}

/** Renders `entries` (oldest first, as the API gives them) newest first, `shown` at a time. */
export function renderTimeline(list, entries, stageNames, shown, onMore) {
  const newestFirst = [...entries].reverse();
  mount(list, newestFirst.slice(0, shown).map(e => timelineItem(e, stageNames)));
  return newestFirst.length > shown
    ? h('button', { type: 'button', class: 'button', text: `Show older (${newestFirst.length - shown})`, on: { click: onMore } })
    : null;
}
