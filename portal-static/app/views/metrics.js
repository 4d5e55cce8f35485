// A template's metrics (admins): open and closed cases, SLA breaches, time per stage and cases closed per day, drawn
// with plain elements (bars are sized through the CSSOM, which the strict CSP allows; no chart library).
import { h, mount, uid } from '../dom.js';
import { api, enc } from '../api.js';
import { listTemplates } from '../data.js';
import { navigate } from '../router.js';

export async function render(main, templateId) {
  const [templates, metrics] = await Promise.all([listTemplates(), api(`/api/templates/${enc(templateId)}/metrics`)]);
  const name = templates.find(t => t.id === templateId)?.name ?? 'Process';
  const selectId = uid();
  const select = h('select', { id: selectId, on: { change: e => navigate(`/templates/${e.target.value}/metrics`) } },
    templates.map(t => h('option', { value: t.id, selected: t.id === templateId, text: t.name })));
  mount(main,
    h('div', { class: 'page-header' }, h('h1', { text: `Metrics: ${name}` }),
      h('div', { class: 'toolbar' }, h('label', { for: selectId, class: 'inline-label', text: 'Process' }), select,
        h('a', { class: 'button', href: `#/?template=${enc(templateId)}`, text: 'Board' }))),
    h('ul', { class: 'metric-totals' },
      total('Open cases', metrics.openCases), total('Closed cases', metrics.closedCases), total('SLA breaches', metrics.slaBreaches)),
    stageSection(metrics.stages),
    throughputSection(metrics.throughput),
    h('p', { class: 'hint', text: 'Time in stage counts ended visits (an exit, a move or a close) without time on hold; totals follow the cases within seconds.' }));
}

const total = (label, value) => h('li', { class: 'card metric-total' }, h('span', { class: 'metric-value', text: String(value) }), h('span', { text: label }));

function stageSection(stages) {
  const longest = Math.max(0, ...stages.map(s => s.averageSeconds ?? 0));
  const headingId = uid('h');
  return h('section', { class: 'card', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: 'Average time per stage' }),
    h('table', { class: 'metric-table' },
      h('thead', {}, h('tr', {}, ['Stage', 'Average', '', 'Visits', 'Longest', 'On hold', 'Moved away', 'Closed early', 'In stage now'].map(t => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, stages.map(s => h('tr', {},
        h('th', { scope: 'row', text: s.name }),
        h('td', { text: s.averageSeconds == null ? '—' : duration(s.averageSeconds) }),
        h('td', { class: 'bar-cell' }, bar(longest ? (s.averageSeconds ?? 0) / longest : 0, 'width')),
        h('td', { text: String(s.visits) }),
        h('td', { text: s.maxSeconds == null ? '—' : duration(s.maxSeconds) }),
        h('td', { text: duration(s.heldSeconds) }),
        h('td', { text: String(s.endedByMove) }),
        h('td', { text: String(s.endedByEarlyClose) }),
        h('td', { text: String(s.inStageNow) }))))));
}

function throughputSection(days) {
  const most = Math.max(0, ...days.map(d => d.count));
  const headingId = uid('h');
  return h('section', { class: 'card', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: `Cases closed per day (last ${days.length} days)` }),
    h('ol', { class: 'day-bars' }, days.map(d =>
      h('li', { title: `${d.date}: ${d.count}`, 'aria-label': `${d.date}: ${d.count} closed` }, bar(most ? d.count / most : 0, 'height')))),
    h('p', { class: 'hint', text: `${days[0]?.date ?? ''} to ${days.at(-1)?.date ?? ''} (UTC) · ${days.reduce((sum, d) => sum + d.count, 0)} closed` }));
}

/** A bar filling `share` (0–1) of its box along `dimension`. */
function bar(share, dimension) {
  const el = h('span', { class: `bar bar-${dimension}`, 'aria-hidden': 'true' });
  el.style[dimension] = `${Math.round(share * 100)}%`;
  return el;
}

function duration(seconds) {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}
