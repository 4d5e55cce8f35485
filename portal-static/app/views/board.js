// The board: one column per stage of the chosen template, a card per open case. Admins get the board route (every
// case); members and viewers see the same columns built from the case list, which holds only the cases they take part in.
import { h, mount, uid } from '../dom.js';
import { api, enc } from '../api.js';
import { listTemplates, getTemplate, listAllCases } from '../data.js';
import { caseCard } from '../components/caseCard.js';
import { openCreateCase } from '../components/createCase.js';
import { can } from '../session.js';
import { navigate, queryParams } from '../router.js';

const PER_STAGE = 50;

export async function render(main) {
  const templates = await listTemplates();
  const asked = queryParams().get('template') ?? localStorage.getItem('casefy.boardTemplate');
  const chosenId = asked ?? templates[0]?.id;
  let template = chosenId ? await getTemplate(chosenId).catch(() => null) : null;
  if (!template && templates[0] && templates[0].id !== chosenId) template = await getTemplate(templates[0].id);
  if (template && !templates.some(t => t.id === template.id)) templates.unshift({ id: template.id, name: template.name, status: 'active' });

  const header = h('div', { class: 'page-header' }, h('h1', { text: 'Board' }));
  const tools = h('div', { class: 'toolbar' });
  header.append(tools);
  if (templates.length) {
    const selectId = uid();
    const select = h('select', { id: selectId, on: { change: e => { localStorage.setItem('casefy.boardTemplate', e.target.value); navigate(`/?template=${e.target.value}`); } } },
      templates.map(t => h('option', { value: t.id, selected: t.id === template.id, text: t.status === 'archived' ? `${t.name} (archived)` : t.name })));
    tools.append(h('label', { for: selectId, class: 'inline-label', text: 'Process' }), select);
  }
  // The template read has no status: the list says whether it is archived (no new cases then).
  const archived = templates.find(t => t.id === template?.id)?.status === 'archived';
  if (can('templates') && template) {
    tools.append(h('a', { class: 'button', href: `#/templates/${enc(template.id)}/metrics`, text: 'Metrics' }),
      h('a', { class: 'button', href: `#/templates/${enc(template.id)}`, text: 'Edit process' }));
  }
  if (can('work') && template && !archived) {
    tools.append(h('button', { type: 'button', class: 'button primary', text: 'New case', on: { click: () => openCreateCase(templates, template?.id) } }));
  }
  mount(main, header);
  if (archived) main.append(h('p', { class: 'notice', text: 'Archived: no new cases can be opened from this process. Cases already running continue.' }));

  if (!template) {
    main.append(h('section', { class: 'empty card' },
      h('h2', { text: 'No processes yet' }),
      can('templates')
        ? h('p', {}, 'Start by ', h('a', { href: '#/templates/new', text: 'creating a template' }), ': the stages a case goes through.')
        : h('p', { text: 'An admin needs to create a template before cases can be opened.' })));
    return;
  }

  const board = can('templates') ? await api(`/api/templates/${enc(template.id)}/board?casesPerStage=${PER_STAGE}`) : await boardOfMyCases(template);
  const columns = board.stages.map((column, index) => {
    const headingId = uid('col');
    const more = column.count - column.cases.length;
    return h('section', { class: 'column', 'aria-labelledby': headingId },
      h('h2', { id: headingId, class: 'column-title' }, h('span', { class: 'stage-number', text: String(index + 1) }), column.name,
        h('span', { class: 'count', 'aria-label': `${column.count} open cases`, text: String(column.count) })),
      column.cases.length ? h('ul', { class: 'cards' }, column.cases.map(c => h('li', {}, caseCard(c, template)))) : h('p', { class: 'column-empty', text: 'No cases here' }),
      more > 0 ? h('a', { class: 'column-more', href: `#/cases?templateId=${enc(template.id)}&stage=${enc(column.key)}&status=open`, text: `${more} more…` }) : null);
  });
  main.append(
    h('p', { class: 'hint' }, `${board.name} · version ${board.templateVersion} · ${board.openCases} open case${board.openCases === 1 ? '' : 's'}${can('templates') ? '' : ' you take part in'} · `,
      h('a', { href: `#/cases?templateId=${enc(template.id)}`, text: 'all cases as a list' })),
    h('div', { class: 'board' }, columns));
}

/** The board's shape from the open cases the caller takes part in (the board route is for admins only). */
async function boardOfMyCases(template) {
  const cases = await listAllCases({ templateId: template.id, status: 'open' });
  return {
    name: template.name,
    templateVersion: template.version,
    openCases: cases.length,
    stages: template.stages.map(stage => {
      const here = cases.filter(c => c.currentStage?.key === stage.key);
      return { key: stage.key, name: stage.name, count: here.length, cases: here.slice(0, PER_STAGE) };
    }),
  };
}
