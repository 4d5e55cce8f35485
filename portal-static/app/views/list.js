// All cases as a list, newest first, with the filters the API offers and "load more" paging.
import { h, mount } from '../dom.js';
import { api } from '../api.js';
import { listTemplates } from '../data.js';
import { timeEl } from '../format.js';
import { dueBadge, ownerName } from '../components/caseCard.js';
import { openCreateCase } from '../components/createCase.js';
import { can } from '../session.js';

export async function render(main) {
  const templates = await listTemplates();
  const names = new Map(templates.map(t => [t.id, t.name]));
  const header = h('div', { class: 'page-header' }, h('h1', { text: 'Cases' }));
  if (can('work') && templates.length) {
    header.append(h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'button primary', text: 'New case', on: { click: () => openCreateCase(templates) } })));
  }
  const body = h('tbody');
  const table = h('table', { class: 'table' },
    h('caption', { class: 'visually-hidden', text: 'Cases, newest first' }),
    h('thead', {}, h('tr', {}, ['Title', 'Process', 'Stage', 'Status', 'Owner', 'Updated'].map(t => h('th', { scope: 'col', text: t })))),
    body);
  const more = h('button', { type: 'button', class: 'button', text: 'Load more', hidden: true });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  mount(main, header, h('div', { class: 'card table-wrap' }, table), status, more);

  let token = null;
  let count = 0;
  const load = async () => {
    more.disabled = true;
    const query = new URLSearchParams({ pageSize: '25' });
    if (token) query.set('continuationToken', token);
    const page = await api(`/api/cases?${query}`);
    for (const c of page.items) {
      body.append(h('tr', {},
        h('td', {}, h('a', { href: `#/cases/${c.id}`, text: c.title })),
        h('td', { text: names.get(c.templateId) ?? '—' }),
        h('td', { text: c.currentStage.name }),
        h('td', {}, h('span', { class: `badge ${c.status === 'open' ? 'badge-info' : 'badge-neutral'}`, text: c.status === 'open' ? 'Open' : 'Closed' }), ' ', dueBadge(c)),
        h('td', { text: ownerName(c) ?? '—' }),
        h('td', {}, timeEl(h, c.updatedAt))));
    }
    count += page.items.length;
    token = page.continuationToken;
    more.hidden = !token;
    more.disabled = false;
    status.textContent = count ? `${count} case${count === 1 ? '' : 's'} shown${token ? '' : ' (all)'}` : 'No cases yet.';
  };
  more.addEventListener('click', load);
  await load();
}
