// The template editor: a process without code — name, description, stages (add, rename, reorder, remove).
// The API's validation errors show next to the fields they name ($.name, $.stages[1].key…).
import { h, mount, field, setFieldError } from '../dom.js';
import { api, ApiError, enc } from '../api.js';
import { can } from '../session.js';
import { navigate } from '../main.js';
import { timeEl } from '../format.js';

const slug = text => text.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').replace(/-+/g, '-').slice(0, 40);

export async function render(main, id) {
  const existing = id ? await api(`/api/templates/${enc(id)}`) : null;
  if (!can('templates')) {
    mount(main, h('section', { class: 'empty card' }, h('h1', { text: 'Templates' }), h('p', { text: 'Only admins can create or change templates.' })));
    return;
  }
  const draft = {
    name: existing?.name ?? '',
    description: existing?.description ?? '',
    // Each stage keeps what this editor does not edit yet (documents, tasks, decision, automations, SLA, advance mode).
    stages: existing?.stages.map(s => ({ ...s, keyEdited: true })) ?? [{ key: '', name: '' }],
  };

  const name = field('Name', h('input', { type: 'text', maxlength: 200, value: draft.name, required: true }), 'What the process is called, e.g. "Employee onboarding".');
  const description = field('Description', h('textarea', { rows: 2, maxlength: 2000 }), 'Optional. Shown to the team.');
  description.input.value = draft.description;
  const stagesList = h('ol', { class: 'stage-editor' });
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary', text: existing ? 'Save as new version' : 'Create template' });
  const addStage = h('button', { type: 'button', class: 'button', text: 'Add stage' });
  const stageFields = [];

  const drawStages = () => {
    stageFields.length = 0;
    mount(stagesList, draft.stages.map((stage, i) => {
      const nameF = field(`Stage ${i + 1} name`, h('input', { type: 'text', maxlength: 200, value: stage.name, required: true }));
      const keyF = field('Key', h('input', { type: 'text', maxlength: 40, value: stage.key, required: true, pattern: '[a-z0-9-]+', spellcheck: 'false' }), 'Short, unique, lowercase.');
      nameF.input.addEventListener('input', () => {
        stage.name = nameF.input.value;
        if (!stage.keyEdited) keyF.input.value = stage.key = slug(stage.name);
      });
      keyF.input.addEventListener('input', () => { stage.key = keyF.input.value; stage.keyEdited = true; });
      stageFields.push({ name: nameF, key: keyF });
      const move = (delta, label) => h('button', {
        type: 'button', class: 'button subtle icon', 'aria-label': `${label}: stage ${i + 1}`, title: label,
        disabled: (delta < 0 && i === 0) || (delta > 0 && i === draft.stages.length - 1),
        text: delta < 0 ? '↑' : '↓',
        on: { click: () => { const [moved] = draft.stages.splice(i, 1); draft.stages.splice(i + delta, 0, moved); drawStages(); stageFields[i + delta].name.input.focus(); } },
      });
      const remove = h('button', {
        type: 'button', class: 'button subtle icon', 'aria-label': `Remove stage ${i + 1}`, title: 'Remove', disabled: draft.stages.length === 1, text: '✕',
        on: { click: () => { draft.stages.splice(i, 1); drawStages(); addStage.focus(); } },
      });
      return h('li', { class: 'stage-row card' },
        h('span', { class: 'stage-number', 'aria-hidden': 'true', text: String(i + 1) }),
        h('div', { class: 'stage-fields' }, nameF.wrap, keyF.wrap),
        h('div', { class: 'stage-tools' }, move(-1, 'Move up'), move(1, 'Move down'), remove));
    }));
  };
  addStage.addEventListener('click', () => {
    draft.stages.push({ key: '', name: '' });
    drawStages();
    stageFields.at(-1).name.input.focus();
  });
  drawStages();

  const form = h('form', { class: 'editor', novalidate: true, 'aria-labelledby': 'editor-title' },
    h('section', { class: 'card' }, name.wrap, description.wrap),
    h('h2', { text: 'Stages' }),
    h('p', { class: 'hint', text: 'A case goes through these in order.' }),
    stagesList,
    h('div', { class: 'actions split' }, addStage, h('span', {}, formError, submit)));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    draft.name = name.input.value;
    draft.description = description.input.value;
    const all = [name, description, ...stageFields.flatMap(f => [f.name, f.key])];
    all.forEach(f => setFieldError(f, null));
    formError.hidden = true;
    submit.disabled = true;
    try {
      const body = {
        name: draft.name,
        description: draft.description.trim() || null,
        stages: draft.stages.map(({ keyEdited, ...stage }) => stage),
      };
      // An existing template gets its next version (If-Match: its ETag, the version it was read at), keeping its id.
      const saved = existing
        ? await api(`/api/templates/${enc(existing.id)}`, { method: 'PUT', body, headers: { 'If-Match': `"${existing.version}"` } })
        : await api('/api/templates', { method: 'POST', body });
      navigate(`/templates/${saved.id}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      placeErrors(error, { name, description, stageFields }, formError);
    } finally {
      submit.disabled = false;
    }
  });

  const header = h('div', { class: 'page-header' }, h('h1', { id: 'editor-title', text: existing ? existing.name : 'New template' }),
    existing ? h('div', { class: 'toolbar' }, h('a', { class: 'button', href: `#/?template=${enc(existing.id)}`, text: 'Open its board' })) : null);
  const info = existing
    ? h('p', { class: 'hint' }, `Version ${existing.version} · created by `, h('span', { text: existing.createdBy?.name ?? '' }), ' ', timeEl(h, existing.createdAt), '. Saving makes the next version; cases keep the version they started with. Each stage keeps its documents, tasks, decision, automations and SLA: this editor changes names, keys and order.')
    : null;
  mount(main, header, info, form);
  if (!existing) name.input.focus();
}

/** Maps "$.stages[1].key" style paths onto the fields; anything else is shown above the submit button. */
function placeErrors(error, { name, description, stageFields }, formError) {
  const rest = [];
  let first = null;
  for (const [path, messages] of Object.entries(error.errors)) {
    const text = [].concat(messages).join(' ');
    const stage = /^\$\.stages\[(\d+)\](?:\.(\w+))?$/i.exec(path);
    let target = null;
    if (/^\$\.name$/i.test(path)) target = name;
    else if (/^\$\.description$/i.test(path)) target = description;
    else if (stage && stageFields[+stage[1]]) target = stageFields[+stage[1]][stage[2]?.toLowerCase() === 'key' ? 'key' : 'name'];
    if (target) {
      setFieldError(target, text);
      first ??= target;
    } else {
      rest.push(text);
    }
  }
  const general = rest.join(' ') || (first ? '' : error.message);
  formError.textContent = general;
  formError.hidden = !general;
  first?.input.focus();
}

