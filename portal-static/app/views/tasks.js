// "My tasks": the open tasks assigned to the signed-in person across cases (GET /api/tasks?assignee=me&status=open),
// soonest due first within each page, with "load more". The API's task index follows each case change within moments.
import { h, mount } from '../dom.js';
import { api, enc } from '../api.js';
import { formatAbsolute, formatRelative } from '../format.js';

export async function render(main) {
  const body = h('tbody');
  const table = h('table', { class: 'table' },
    h('caption', { class: 'visually-hidden', text: 'Open tasks assigned to you' }),
    h('thead', {}, h('tr', {}, ['Task', 'Case', 'Due'].map(t => h('th', { scope: 'col', text: t })))),
    body);
  const more = h('button', { type: 'button', class: 'button', text: 'Load more', hidden: true });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const wrap = h('div', { class: 'card table-wrap' }, table);
  mount(main, h('div', { class: 'page-header' }, h('h1', { text: 'My tasks' })), wrap, status, more);

  let token = null;
  let count = 0;
  const load = async () => {
    more.disabled = true;
    const query = new URLSearchParams({ assignee: 'me', status: 'open', pageSize: '50' });
    if (token) query.set('continuationToken', token);
    let page;
    try {
      page = await api(`/api/tasks?${query}`);
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    const byDue = [...page.items].sort((a, b) => (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity));
    body.append(...byDue.map(t => h('tr', {},
      h('td', { text: t.title }),
      h('td', {}, h('a', { href: `#/cases/${enc(t.caseId)}`, text: t.caseTitle })),
      h('td', {}, due(t)))));
    count += page.items.length;
    token = page.continuationToken;
    more.hidden = !token;
    more.disabled = false;
    wrap.hidden = count === 0;
    status.textContent = count ? `${count} open task${count === 1 ? '' : 's'}${token ? '' : ' (all)'}` : 'Nothing is assigned to you right now.';
  };
  more.addEventListener('click', load);
  await load();
}

function due(t) {
  if (!t.dueAt) return h('span', { class: 'hint', text: 'No due date' });
  const late = t.overdue || Date.parse(t.dueAt) < Date.now();
  return h('span', { class: `badge ${late ? 'badge-danger' : 'badge-neutral'}`, title: formatAbsolute(t.dueAt), text: `${late ? 'Overdue' : 'Due'} ${formatRelative(t.dueAt)}` });
}
