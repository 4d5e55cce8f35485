// All cases as a list, newest first, with the API's filters (template, stage, status, owner, overdue, text, and the
// chosen template's filterable fields) and "load more" paging. The filters live in the address (#/cases?templateId=…&q=…), so a filtered list can be shared.
import { h, mount, field } from '../dom.js';
import { api, enc } from '../api.js';
import { listTemplates, getTemplate } from '../data.js';
import { timeEl } from '../format.js';
import { dueBadge, ownerName, statusBadge } from '../components/caseCard.js';
import { openCreateCase } from '../components/createCase.js';
import { FIELD_PREFIX, fieldFilterControls, toQuery } from '../components/fieldFilters.js';
import { can } from '../session.js';
import { navigate, queryParams } from '../router.js';

const FILTERS = ['templateId', 'stage', 'status', 'owner', 'overdue', 'q'];

export async function render(main) {
  const params = queryParams();
  const templates = await listTemplates();
  const names = new Map(templates.map(t => [t.id, t.name]));
  const chosen = params.get('templateId') ? await getTemplate(params.get('templateId')).catch(() => null) : null;

  const header = h('div', { class: 'page-header' }, h('h1', { text: 'Cases' }));
  if (can('work') && templates.length) {
    header.append(h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'button primary', text: 'New case', on: { click: () => openCreateCase(templates, chosen?.id) } })));
  }

  const option = (value, text, current) => h('option', { value, text, selected: value === (current ?? '') });
  const template = field('Process', h('select', { name: 'templateId' }, option('', 'All processes', params.get('templateId')),
    templates.map(t => option(t.id, t.name, params.get('templateId')))));
  const stage = field('Stage', h('select', { name: 'stage', disabled: !chosen }, option('', chosen ? 'All stages' : 'Choose a process first', params.get('stage')),
    (chosen?.stages ?? []).map(s => option(s.key, s.name, params.get('stage')))));
  const status = field('Status', h('select', { name: 'status' }, option('', 'Any', params.get('status')), option('open', 'Open', params.get('status')), option('onHold', 'On hold', params.get('status')), option('closed', 'Closed', params.get('status'))));
  const q = field('Title contains', h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', maxlength: 200 }));
  const mine = h('input', { type: 'checkbox', name: 'owner', value: 'me', id: 'filter-mine', checked: params.get('owner') === 'me' });
  const overdue = h('input', { type: 'checkbox', name: 'overdue', value: 'true', id: 'filter-overdue', checked: params.get('overdue') === 'true' });
  const byField = fieldFilterControls(chosen, params);
  const filters = h('form', { class: 'filters card', role: 'search', 'aria-label': 'Filter cases' },
    template.wrap, stage.wrap, status.wrap, q.wrap, byField,
    h('div', { class: 'checks' },
      h('div', { class: 'radio' }, mine, h('label', { for: mine.id, text: 'Owned by me' })),
      h('div', { class: 'radio' }, overdue, h('label', { for: overdue.id, text: 'Overdue only' }))),
    h('div', { class: 'actions' }, h('a', { href: '#/cases', class: 'button subtle', text: 'Clear' }), h('button', { type: 'submit', class: 'button', text: 'Apply' })));
  filters.addEventListener('submit', event => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(filters)) if (value) query.set(key, toQuery(filters.elements.namedItem(key), String(value).trim()));
    // Stages and fields belong to the process chosen when the page was drawn: another process drops them.
    if (query.get('templateId') !== (chosen?.id ?? null)) {
      query.delete('stage');
      for (const key of [...query.keys()]) if (key.startsWith(FIELD_PREFIX)) query.delete(key);
    }
    navigate(`/cases${query.size ? `?${query}` : ''}`);
  });
  template.input.addEventListener('change', () => filters.requestSubmit());

  const body = h('tbody');
  const table = h('table', { class: 'table' },
    h('caption', { class: 'visually-hidden', text: 'Cases, newest first' }),
    h('thead', {}, h('tr', {}, ['Title', 'Process', 'Stage', 'Status', 'Owner', 'Updated'].map(t => h('th', { scope: 'col', text: t })))),
    body);
  const more = h('button', { type: 'button', class: 'button', text: 'Load more', hidden: true });
  const status2 = h('p', { class: 'hint', 'aria-live': 'polite' });
  mount(main, header, filters, h('div', { class: 'card table-wrap' }, table), status2, more);

  let token = null;
  let count = 0;
  const load = async () => {
    more.disabled = true;
    const query = new URLSearchParams({ pageSize: '25' });
    for (const key of FILTERS) if (params.get(key)) query.set(key, params.get(key));
    for (const [key, value] of params) if (key.startsWith(FIELD_PREFIX) && value) query.set(key, value);
    if (token) query.set('continuationToken', token);
    let page;
    try {
      page = await api(`/api/cases?${query}`);
    } catch (error) {
      status2.textContent = error.message;
      return;
    }
    for (const c of page.items) {
      body.append(h('tr', {},
        h('td', {}, c.number ? h('span', { class: 'case-number', text: c.number }) : null, h('a', { href: `#/cases/${enc(c.id)}`, text: c.title })),
        h('td', { text: names.get(c.templateId) ?? '—' }),
        h('td', { text: c.currentStage.name }),
        h('td', {}, statusBadge(c), ' ', dueBadge(c)),
        h('td', { text: ownerName(c) ?? '—' }),
        h('td', {}, timeEl(h, c.updatedAt))));
    }
    count += page.items.length;
    token = page.continuationToken;
    more.hidden = !token;
    more.disabled = false;
    status2.textContent = count ? `${count} case${count === 1 ? '' : 's'} shown${token ? '' : ' (all)'}` : 'No cases match.';
  };
  more.addEventListener('click', load);
  await load();
}
