// A case on the board: title, owner, due badge, pending tasks — whatever the API tells about it.
import { h } from '../dom.js';
import { formatAbsolute, formatRelative, timeEl } from '../format.js';
import { formatValue } from './fieldInputs.js';

export function dueBadge(c, now = Date.now()) {
  const due = c.dueAt ?? c.currentStage?.dueAt;
  if (c.status === 'closed') return null;
  if (!due) return c.overdue ? h('span', { class: 'badge badge-danger', text: 'Overdue' }) : null;
  const overdue = new Date(due).getTime() < now;
  return h('span', { class: `badge ${overdue ? 'badge-danger' : 'badge-neutral'}`, title: formatAbsolute(due), text: overdue ? `Overdue ${formatRelative(due)}` : `Due ${formatRelative(due)}` });
}

export function statusBadge(c) {
  const [text, kind] = { open: ['Open', 'badge-info'], onHold: ['On hold', 'badge-warn'], closed: ['Closed', 'badge-neutral'] }[c.status] ?? [c.status, 'badge-neutral'];
  return h('span', { class: `badge ${kind}`, text });
}

export function ownerName(c) {
  return c.owner?.name ?? c.ownerName ?? c.participants?.find(p => p.role === 'owner')?.name ?? null;
}

/**
 * The template's card fields the case has, as "label: value" (`c.fields` on the board route's cards; a whole case
 * carries them in `data`). `fields`: the template's field definitions; `keys`: its `cardFields`.
 */
function cardFields(c, fields = [], keys = []) {
  const values = c.fields ?? c.data ?? {};
  const shown = keys.filter(key => values[key] !== undefined && values[key] !== null);
  if (!shown.length) return null;
  const byKey = new Map(fields.map(f => [f.key, f]));
  return h('dl', { class: 'card-fields' }, shown.map(key => [h('dt', { text: byKey.get(key)?.label ?? key }),
    h('dd', { dataset: { field: key }, text: formatValue(byKey.get(key), values[key]) })]));
}

/** A case on the board; `template` (its fields and cardFields) adds the card fields. */
export function caseCard(c, template) {
  const pending = c.pendingTasks ?? null;
  const since = c.enteredAt ?? c.currentStage?.enteredAt;
  return h('article', { class: 'case-card' },
    h('h3', {}, c.number ? h('span', { class: 'case-number', text: c.number }) : null, h('a', { href: `#/cases/${c.id}`, text: c.title })),
    h('p', { class: 'meta' },
      ownerName(c) ? h('span', { class: 'owner', text: ownerName(c) }) : h('span', { class: 'owner muted', text: 'No owner' }),
      c.pendingAdvance ? h('span', { class: 'badge badge-info', text: 'Moving…' }) : null,
      pending ? h('span', { class: 'badge badge-neutral', text: `${pending} task${pending === 1 ? '' : 's'} open` }) : null,
      dueBadge(c)),
    cardFields(c, template?.fields, template?.cardFields),
    since ? h('p', { class: 'meta since' }, 'In this stage since ', timeEl(h, since)) : null,
  );
}
