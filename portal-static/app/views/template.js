// The template editor: a process without code. Per stage: name and key, how it advances, required documents, tasks,
// a decision, on-enter/on-exit automations and a time limit (SLA) with its breach action; stages are added, renamed,
// reordered and removed. The API's validation errors, keyed by JSON path ($.stages[1].tasks[0].title), show next to
// the field they name. An existing template also lists its versions and can be archived.
import { h, mount, field, setFieldError, toast } from '../dom.js';
import { api, ApiError, enc } from '../api.js';
import { listTemplates } from '../data.js';
import { can } from '../session.js';
import { navigate } from '../main.js';
import { timeEl } from '../format.js';

const MB = 1048576;
const slug = text => text.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').replace(/-+/g, '-').replace(/^[^a-z]+/, '').slice(0, 40);
const AUTOMATIONS = [['createTask', 'Create a task'], ['requestDocument', 'Request a document'], ['assign', 'Assign tasks'], ['webhook', 'Call a webhook'], ['publishEvent', 'Publish an event']];
// Optional fields sent as absent when left blank (a blank required field is sent, so the API names it).
const OPTIONAL = new Set(['description', 'assignee', 'taskKey', 'secret', 'escalateTo', 'webhookUrl', 'webhookSecret']);
const newTask = () => ({ key: '', title: '', assignee: 'owner', dueInHours: null, required: true, _auto: true });
const newStage = () => ({ key: '', name: '', advance: 'manual', documents: [], tasks: [], decision: null, onEnter: [], onExit: [], slaHours: null, onBreach: null, _auto: true });

export async function render(main, id) {
  if (!can('templates')) {
    mount(main, h('section', { class: 'empty card' }, h('h1', { text: 'Templates' }), h('p', { text: 'Only admins can create or change templates.' })));
    return;
  }
  const [existing, summaries] = id ? await Promise.all([api(`/api/templates/${enc(id)}`), listTemplates()]) : [null, []];
  const archived = summaries.find(t => t.id === id)?.status === 'archived';
  const draft = { name: '', description: '', stages: [newStage()] };
  const load = t => Object.assign(draft, structuredClone({ name: t.name, description: t.description ?? '', stages: t.stages }));
  if (existing) load(existing);

  const stagesList = h('ol', { class: 'stage-editor' });
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary', text: existing ? 'Save as new version' : 'Create template' });
  const addStage = h('button', { type: 'button', class: 'button', text: 'Add stage' });
  const fields = new Map();
  const ctx = { fields, redraw: () => draw() };

  const draw = () => {
    fields.clear();
    mount(stagesList, draft.stages.map((stage, i) => stageEditor(ctx, draft, stage, i)));
  };
  const top = h('section', { class: 'card' },
    text(ctx, draft, 'name', '$', 'Name', { required: true }, 'What the process is called, e.g. "Employee onboarding".'),
    text(ctx, draft, 'description', '$', 'Description', { maxlength: 2000 }, 'Optional. Shown to the team.'));
  const topFields = new Map(fields);
  addStage.addEventListener('click', () => {
    draft.stages.push(newStage());
    draw();
    stagesList.lastElementChild.querySelector('input')?.focus();
  });
  draw();

  const form = h('form', { class: 'editor', novalidate: true, 'aria-labelledby': 'editor-title' },
    top,
    h('h2', { text: 'Stages' }),
    h('p', { class: 'hint', text: 'A case goes through these in order. Each stage lists what it asks for; the case can leave it once its required documents are accepted, its required tasks are done and its decision is made.' }),
    stagesList,
    h('datalist', { id: 'role-suggestions' }, h('option', { value: 'owner' })),
    h('div', { class: 'actions split sticky-actions' }, addStage, h('span', { class: 'actions' }, formError, submit)));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    for (const [path, f] of [...topFields, ...fields]) mark(f, null, path);
    formError.hidden = true;
    submit.disabled = true;
    try {
      const body = JSON.parse(JSON.stringify(draft, (key, value) =>
        key.startsWith('_') || (value === '' && OPTIONAL.has(key)) ? undefined : value));
      for (const stage of body.stages) {
        if (stage.onBreach && !Object.values(stage.onBreach).some(Boolean)) stage.onBreach = null;
      }
      // An existing template gets its next version (If-Match: its ETag, the version it was read at), keeping its id.
      const saved = existing
        ? await api(`/api/templates/${enc(existing.id)}`, { method: 'PUT', body, headers: { 'If-Match': `"${existing.version}"` } })
        : await api('/api/templates', { method: 'POST', body });
      toast(`Saved as version ${saved.version}.`, 'success');
      navigate(`/templates/${saved.id}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      placeErrors(error, new Map([...topFields, ...fields]), formError);
    } finally {
      submit.disabled = false;
    }
  });

  const tools = h('div', { class: 'toolbar' });
  const header = h('div', { class: 'page-header' },
    h('div', { class: 'title-row' }, h('h1', { id: 'editor-title', text: existing ? existing.name : 'New template' }),
      archived ? h('span', { class: 'badge badge-warn', text: 'Archived' }) : null),
    tools);
  const parts = [header];
  if (existing) {
    tools.append(h('a', { class: 'button', href: `#/?template=${enc(existing.id)}`, text: 'Open its board' }));
    if (!archived) tools.append(h('button', { type: 'button', class: 'button danger', text: 'Archive', on: { click: () => confirmArchive(existing) } }));
    parts.push(h('p', { class: 'hint' }, `Version ${existing.version} · created by `, h('span', { text: existing.createdBy?.name ?? '' }), ' ', timeEl(h, existing.createdAt),
      '. Saving makes the next version; cases keep the version they started with.'));
    if (archived) parts.push(h('p', { class: 'notice', text: 'Archived: no new cases can be opened from this template. Cases already running continue on their version.' }));
  }
  parts.push(form);
  if (existing) parts.push(versionsSection(existing, version => { load(version); draw(); toast(`Version ${version.version} loaded: saving makes version ${existing.version + 1}.`); }));
  mount(main, ...parts);
  if (!existing) top.querySelector('input').focus();
}

/** One stage: name, key, advance mode and tools, then what it asks for, its automations and its time limit. */
function stageEditor(ctx, draft, stage, i) {
  const path = `$.stages[${i}]`;
  const stages = draft.stages;
  const move = (delta, label) => h('button', {
    type: 'button', class: 'button subtle icon', 'aria-label': `${label}: stage ${i + 1}`, title: label,
    disabled: (delta < 0 && i === 0) || (delta > 0 && i === stages.length - 1), text: delta < 0 ? '↑' : '↓',
    on: { click: () => { stages.splice(i + delta, 0, ...stages.splice(i, 1)); ctx.redraw(); } },
  });
  const remove = h('button', {
    type: 'button', class: 'button subtle icon', 'aria-label': `Remove stage ${i + 1}`, title: 'Remove', disabled: stages.length === 1, text: '✕',
    on: { click: () => { stages.splice(i, 1); ctx.redraw(); } },
  });
  const stageError = errorOnly(ctx, path);
  const [nameWrap, keyWrap] = named(ctx, stage, 'name', path, `Stage ${i + 1} name`, 'Short, unique, lowercase.');
  return h('li', { class: 'stage-row card' },
    h('span', { class: 'stage-number', 'aria-hidden': 'true', text: String(i + 1) }),
    h('div', { class: 'stage-body' },
      h('div', { class: 'stage-fields' }, nameWrap, keyWrap,
        select(ctx, stage, 'advance', path, 'Advance', [['manual', 'When a person advances it'], ['auto', 'By itself, once its checklist is done']])),
      stageError,
      h('div', { class: 'stage-parts' },
        list(ctx, 'Required documents', 'Document', stage, 'documents', path, () => ({ key: '', name: '', provider: 'internal', contentTypes: ['application/pdf'], maxBytes: 10 * MB, _auto: true }),
          (d, p) => [...named(ctx, d, 'name', p, 'Name'),
            select(ctx, d, 'provider', p, 'Provided by', [['internal', 'The team'], ['external', 'An outside party (portal link)']]),
            bind(ctx, `${p}.contentTypes`, 'Accepted types', h('input', { type: 'text', maxlength: 400, spellcheck: 'false' }), () => (d.contentTypes ?? []).join(', '),
              v => { d.contentTypes = v.split(/[\s,]+/).filter(Boolean); }, 'Comma-separated, e.g. application/pdf, image/png'),
            bind(ctx, `${p}.maxBytes`, 'Max size (MB)', h('input', { type: 'number', min: 0.1, max: 100, step: 'any' }), () => (d.maxBytes ? +(d.maxBytes / MB).toFixed(2) : ''),
              v => { d.maxBytes = v === '' ? null : Math.round(Number(v) * MB); })]),
        list(ctx, 'Tasks', 'Task', stage, 'tasks', path, newTask, (t, p) => taskFields(ctx, t, p)),
        decisionEditor(ctx, stages, stage, path),
        list(ctx, 'When the stage starts', 'Automation', stage, 'onEnter', path, () => ({ type: 'createTask', task: newTask() }), (a, p) => automationFields(ctx, draft, stage, a, p)),
        list(ctx, 'When the stage is done', 'Automation', stage, 'onExit', path, () => ({ type: 'publishEvent', event: '' }), (a, p) => automationFields(ctx, draft, stage, a, p)),
        slaEditor(ctx, stage, path))),
    h('div', { class: 'stage-tools' }, move(-1, 'Move up'), move(1, 'Move down'), remove));
}

function taskFields(ctx, t, p) {
  return [...named(ctx, t, 'title', p, 'Title'),
    text(ctx, t, 'assignee', p, 'Assignee role', { list: 'role-suggestions', spellcheck: 'false' }, '"owner" or a participant role'),
    number(ctx, t, 'dueInHours', p, 'Due in (hours)'),
    checkbox(t, 'required', 'Required to leave the stage')];
}

function decisionEditor(ctx, stages, stage, path) {
  const p = `${path}.decision`;
  const toggle = h('button', {
    type: 'button', class: 'button subtle', text: stage.decision ? 'Remove the decision' : 'Ask for a decision',
    on: { click: () => {
      stage.decision = stage.decision ? null : { question: '', options: [{ key: 'yes', label: 'Yes', outcome: 'next' }, { key: 'no', label: 'No', outcome: 'close:rejected' }] };
      ctx.redraw();
    } },
  });
  if (!stage.decision) return h('fieldset', { class: 'sub' }, h('legend', { text: 'Decision' }), h('p', { class: 'hint', text: 'No decision in this stage.' }), errorOnly(ctx, p), toggle);
  const d = stage.decision;
  return h('div', { class: 'sub' },
    h('fieldset', { class: 'sub-inner' }, h('legend', { text: 'Decision' }),
      text(ctx, d, 'question', p, 'Question', { maxlength: 2000 }),
      list(ctx, 'Options', 'Option', d, 'options', p, () => ({ key: '', label: '', outcome: 'next', _auto: true }), (o, op) => [
        ...named(ctx, o, 'label', op, 'Label'), ...outcomeFields(ctx, stages, o, op)])),
    toggle);
}

/** A decision option's route: the next stage, a chosen stage, or closing the case with an outcome key. */
function outcomeFields(ctx, stages, o, p) {
  const [kind, target = ''] = o.outcome.split(':');
  const set = (k, t) => { o.outcome = k === 'next' ? 'next' : `${k}:${t}`; };
  // With no second control, an error about the outcome shows under this one.
  const routes = select(ctx, { outcome: kind }, 'outcome', kind === 'next' ? p : `${p}.route`, 'Then', [['next', 'Go to the next stage'], ['goToStage', 'Go to stage…'], ['close', 'Close the case…']],
    k => { set(k, k === 'goToStage' ? stages[0].key : 'closed'); ctx.redraw(); });
  if (kind === 'goToStage') {
    return [routes, bind(ctx, `${p}.outcome`, 'Stage', h('select', {}, stages.map((s, i) => h('option', { value: s.key, text: s.name || `Stage ${i + 1}` }))),
      () => target, v => set(kind, v))];
  }
  if (kind === 'close') return [routes, bind(ctx, `${p}.outcome`, 'Outcome', h('input', { type: 'text', maxlength: 40, spellcheck: 'false' }), () => target, v => set(kind, v), 'A key, e.g. rejected')];
  return [routes];
}

function automationFields(ctx, draft, stage, a, p) {
  const type = select(ctx, a, 'type', p, 'Do', AUTOMATIONS, value => {
    for (const key of Object.keys(a)) delete a[key];
    Object.assign(a, { type: value }, value === 'createTask' ? { task: newTask() } : null);
    ctx.redraw();
  });
  const documents = draft.stages.flatMap(s => s.documents ?? []).filter(d => d.key);
  switch (a.type) {
    case 'createTask': return [type, ...taskFields(ctx, a.task ??= newTask(), `${p}.task`)];
    case 'requestDocument': return [type, select(ctx, a, 'document', p, 'Document', [['', documents.length ? 'Choose…' : 'Add a required document first'], ...documents.map(d => [d.key, d.name || d.key])])];
    case 'assign': return [type, text(ctx, a, 'assignee', p, 'To role', { list: 'role-suggestions', spellcheck: 'false' }),
      select(ctx, a, 'taskKey', p, 'Which tasks', [['', 'All open tasks of the stage'], ...(stage.tasks ?? []).filter(t => t.key).map(t => [t.key, t.title || t.key])])];
    case 'webhook': return [type, text(ctx, a, 'url', p, 'URL', { type: 'url', maxlength: 2000 }), text(ctx, a, 'secret', p, 'Signing secret', { type: 'password', autocomplete: 'off' }, 'Optional, 16-200 characters')];
    default: return [type, text(ctx, a, 'event', p, 'Event name', { maxlength: 40, spellcheck: 'false' }, 'A key, e.g. supplier-approved')];
  }
}

function slaEditor(ctx, stage, path) {
  const breach = stage.onBreach ??= {};
  return h('fieldset', { class: 'sub' }, h('legend', { text: 'Time limit' }),
    h('div', { class: 'item-fields' },
      number(ctx, stage, 'slaHours', path, 'SLA (hours)'),
      text(ctx, breach, 'escalateTo', `${path}.onBreach`, 'When breached, escalate to', { list: 'role-suggestions', placeholder: 'owner', spellcheck: 'false' }),
      text(ctx, breach, 'webhookUrl', `${path}.onBreach`, 'and call webhook', { type: 'url', maxlength: 2000 }),
      text(ctx, breach, 'webhookSecret', `${path}.onBreach`, 'Webhook secret', { type: 'password', autocomplete: 'off' })),
    errorOnly(ctx, `${path}.onBreach`));
}

/** A titled list of rows (each its own fieldset), with add and remove. */
function list(ctx, title, singular, owner, prop, path, make, row) {
  const items = owner[prop] ??= [];
  const p = `${path}.${prop}`;
  const add = h('button', { type: 'button', class: 'button subtle', text: `Add ${singular.toLowerCase()}`, 'aria-label': `Add ${singular.toLowerCase()} to ${title.toLowerCase()}`,
    on: { click: () => { items.push(make()); ctx.redraw(); } } });
  return h('fieldset', { class: 'sub' }, h('legend', { text: title }),
    items.map((item, i) => h('fieldset', { class: 'item' },
      h('legend', { class: 'item-legend', text: `${singular} ${i + 1}` }),
      h('div', { class: 'item-fields' }, row(item, `${p}[${i}]`)),
      h('button', { type: 'button', class: 'button subtle icon', text: '✕', title: 'Remove', 'aria-label': `Remove ${singular.toLowerCase()} ${i + 1}`,
        on: { click: () => { items.splice(i, 1); ctx.redraw(); } } }))),
    errorOnly(ctx, p), add);
}

/** A name field and a key field; a new item's key follows its name until the key is typed in. */
function named(ctx, obj, prop, path, label, keyHint) {
  const keyWrap = text(ctx, obj, 'key', path, 'Key', { maxlength: 40, spellcheck: 'false' }, keyHint);
  const keyInput = keyWrap.querySelector('input');
  keyInput.addEventListener('input', () => { delete obj._auto; });
  const nameWrap = text(ctx, obj, prop, path, label, { required: true });
  nameWrap.querySelector('input').addEventListener('input', event => {
    if (obj._auto) keyInput.value = obj.key = slug(event.target.value);
  });
  return [nameWrap, keyWrap];
}

/** A control bound to a value, registered under its JSON path so an API error for that path shows under it. */
function bind(ctx, path, label, control, get, set, hint) {
  const f = field(label, control, hint);
  control.value = get() ?? '';
  control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => set(control.value));
  ctx.fields.set(path.toLowerCase(), f);
  return f.wrap;
}

function text(ctx, obj, prop, path, label, attrs = {}, hint) {
  return bind(ctx, `${path}.${prop}`, label, h('input', { type: 'text', maxlength: 200, ...attrs }), () => obj[prop], v => { obj[prop] = v; }, hint);
}

function number(ctx, obj, prop, path, label) {
  return bind(ctx, `${path}.${prop}`, label, h('input', { type: 'number', min: 0, step: 'any' }), () => obj[prop], v => { obj[prop] = v === '' ? null : Number(v); });
}

function select(ctx, obj, prop, path, label, options, onChange) {
  const control = h('select', {}, options.map(([value, text]) => h('option', { value, text })));
  return bind(ctx, `${path}.${prop}`, label, control, () => obj[prop], v => { obj[prop] = v; onChange?.(v); });
}

function checkbox(obj, prop, label) {
  const input = h('input', { type: 'checkbox', checked: obj[prop] !== false, on: { change: e => { obj[prop] = e.target.checked; } } });
  return h('label', { class: 'radio' }, input, label);
}

/** An error line for a path that names a list or a group rather than one control. */
function errorOnly(ctx, path) {
  const error = h('p', { class: 'field-error', hidden: true });
  ctx.fields.set(path.toLowerCase(), { error });
  return error;
}

function mark(f, message) {
  if (f.input) setFieldError(f, message);
  else {
    f.error.textContent = message ?? '';
    f.error.hidden = !message;
  }
}

/** Each error goes under the field its path names, or the closest group ($.stages[0].documents[1].contentTypes[2] → …contentTypes). */
function placeErrors(error, fields, formError) {
  const rest = [];
  let first = null;
  for (const [path, messages] of Object.entries(error.errors)) {
    const message = [].concat(messages).join(' ');
    let p = path.toLowerCase();
    let f = fields.get(p);
    while (!f && /[.[]/.test(p.slice(2))) f = fields.get(p = p.replace(/(\.\w+|\[\d+\])$/, ''));
    if (!f) {
      rest.push(message);
      continue;
    }
    mark(f, [f.error.textContent, message].filter(Boolean).join(' '));
    first ??= f;
  }
  const general = rest.join(' ') || (first ? 'Some fields need attention: see the messages below them.' : error.message);
  formError.textContent = general;
  formError.hidden = !general;
  if (first?.input) first.input.focus();
  else first?.error.scrollIntoView({ block: 'center' });
}

/** The template's versions, newest first; an older one can be loaded into the editor and saved as the next version. */
function versionsSection(template, onLoad) {
  const body = h('ol', { class: 'checklist' }, h('li', { class: 'hint', text: 'Loading…' }));
  api(`/api/templates/${enc(template.id)}/versions`).then(versions => {
    mount(body, [...versions].sort((a, b) => b.version - a.version).map(v => h('li', { class: 'check' },
      h('div', {}, h('strong', { text: `Version ${v.version}` }), v.version === template.version ? [' ', h('span', { class: 'badge badge-info', text: 'Newest' })] : null,
        h('p', { class: 'hint' }, 'By ', h('span', { text: v.createdBy?.name ?? '' }), ' ', timeEl(h, v.createdAt), ` · ${v.stages.length} stage${v.stages.length === 1 ? '' : 's'}: `,
          h('span', { text: v.stages.map(s => s.name).join(' → ') }))),
      v.version === template.version ? null : h('button', { type: 'button', class: 'button subtle', text: 'Edit from this version', 'aria-label': `Edit from this version: version ${v.version}`, on: { click: () => onLoad(v) } }))));
  }, error => mount(body, h('li', { class: 'hint', text: error.message })));
  return h('section', { class: 'card', 'aria-labelledby': 'versions-title' }, h('h2', { id: 'versions-title', text: 'Versions' }), body);
}

/** Archiving asks first: a template takes no new cases once archived. */
function confirmArchive(template) {
  const yes = h('button', { type: 'button', class: 'button danger', text: 'Archive template' });
  const no = h('button', { type: 'button', class: 'button', text: 'Cancel' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'archive-title' },
    h('h2', { id: 'archive-title', text: `Archive “${template.name}”?` }),
    h('p', { text: 'No new cases can be opened from it. Cases already running continue on their version.' }),
    h('div', { class: 'actions' }, no, yes));
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  no.addEventListener('click', () => dialog.close());
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api(`/api/templates/${enc(template.id)}/archive`, { method: 'POST' });
      dialog.close();
      toast('Template archived.', 'success');
      navigate(`/templates/${template.id}`);
    } catch (error) {
      toast(error.message, 'error');
      yes.disabled = false;
    }
  });
  dialog.showModal();
  no.focus();
}
