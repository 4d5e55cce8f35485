// The template editor: a process without code. Its name, case number prefix, reminder lead times and data fields; per stage: name and
// key, how it advances, required documents, tasks, the fields it needs and asks of the outside party, a decision,
// on-enter/on-exit automations and a time limit (SLA) with its breach action; stages are added, renamed, reordered
// and removed. The API's validation errors, keyed by JSON path ($.stages[1].tasks[0].title), show next to the field
// they name. An existing template also lists its versions and can be archived. The parts are in components/template/.
import { h, mount, toast } from '../dom.js';
import { api, ApiError, enc } from '../api.js';
import { listTemplates } from '../data.js';
import { can } from '../session.js';
import { navigate } from '../router.js';
import { timeEl } from '../format.js';
import { number, text } from '../components/template/boundControls.js';
import { editableList } from '../components/template/editableList.js';
import { fieldFields, newField } from '../components/template/fieldEditor.js';
import { cardFieldsEditor } from '../components/template/stageFieldsEditor.js';
import { intakeEditor, newIntake } from '../components/template/intakeEditor.js';
import { markError, placeErrors } from '../components/template/pathErrors.js';
import { newStage, stageEditor } from '../components/template/stageEditor.js';
import { versionsSection } from '../components/template/templateVersions.js';
import { confirmArchive } from '../components/template/archiveTemplate.js';

// Optional values sent as absent when left blank (a blank required one is sent, so the API names it); a field's
// rules also when empty (null), as the API may answer them.
const OPTIONAL = new Set(['description', 'prefix', 'assignee', 'taskKey', 'secret', 'escalateTo', 'webhookUrl', 'webhookSecret', 'help', 'pattern', 'currency']);
const RULES = new Set(['options', 'min', 'max', 'maxLength', 'pattern', 'currency', 'help']);

export async function render(main, id) {
  if (!can('templates')) {
    mount(main, h('section', { class: 'empty card' }, h('h1', { text: 'Templates' }), h('p', { text: 'Only admins can create or change templates.' })));
    return;
  }
  const [existing, summaries] = id ? await Promise.all([api(`/api/templates/${enc(id)}`), listTemplates()]) : [null, []];
  const archived = summaries.find(t => t.id === id)?.status === 'archived';
  const draft = { name: '', description: '', prefix: '', reminders: {}, intake: newIntake(), fields: [], cardFields: [], stages: [newStage()] };
  const load = t => {
    Object.assign(draft, structuredClone({ name: t.name, description: t.description ?? '', prefix: t.prefix ?? '', fields: t.fields ?? [], cardFields: t.cardFields ?? [], stages: t.stages }));
    // The same object, which the reminder controls are bound to.
    Object.assign(draft.reminders, { taskLeadHours: t.reminders?.taskLeadHours ?? null, slaLeadHours: t.reminders?.slaLeadHours ?? null });
    Object.assign(draft.intake, newIntake(), structuredClone(t.intake ?? {}));
  };
  if (existing) load(existing);

  const stagesList = h('ol', { class: 'stage-editor' });
  const fieldsBox = h('div');
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary', text: existing ? 'Save as new version' : 'Create template' });
  const addStage = h('button', { type: 'button', class: 'button', text: 'Add stage' });
  const fields = new Map();
  const ctx = { fields, choiceLists: [], redraw: () => draw(), fieldsChanged: () => { for (const redraw of ctx.choiceLists) redraw(); } };

  function remindersEditor() {
    return h('fieldset', { class: 'sub' }, h('legend', { text: 'Reminders' }),
      h('p', { class: 'hint', text: 'Optional. The assignee is reminded of a task, and the owner of a stage’s SLA, this many hours before it is due.' }),
      h('div', { class: 'item-fields' },
        number(ctx, draft.reminders, 'taskLeadHours', '$.reminders', 'Remind of tasks (hours before due)'),
        number(ctx, draft.reminders, 'slaLeadHours', '$.reminders', 'Remind of the SLA (hours before)')));
  }

  const draw = () => {
    fields.clear();
    ctx.choiceLists.splice(0, Infinity, ...topChoiceLists);
    for (const [path, f] of topFields) fields.set(path, f);
    mount(fieldsBox, editableList(ctx, 'Fields', 'Field', draft, 'fields', '$', newField, (f, p) => fieldFields(ctx, f, p)), cardFieldsEditor(ctx, draft));
    mount(stagesList, draft.stages.map((stage, i) => stageEditor(ctx, draft, stage, i)));
  };
  const top = h('section', { class: 'card' },
    text(ctx, draft, 'name', '$', 'Name', { required: true }, 'What the process is called, e.g. "Employee onboarding".'),
    text(ctx, draft, 'description', '$', 'Description', { maxlength: 2000 }, 'Optional. Shown to the team.'),
    text(ctx, draft, 'prefix', '$', 'Case number prefix', { maxlength: 6, spellcheck: 'false', autocomplete: 'off', placeholder: 'ONB' }, 'Optional, 2-6 capital letters: cases are numbered ONB-0001, ONB-0002…'),
    remindersEditor(),
    intakeEditor(ctx, draft));
  const topFields = new Map(fields);
  const topChoiceLists = [...ctx.choiceLists];
  addStage.addEventListener('click', () => {
    draft.stages.push(newStage());
    draw();
    stagesList.lastElementChild.querySelector('input')?.focus();
  });
  draw();

  const form = h('form', { class: 'editor', novalidate: true, 'aria-labelledby': 'editor-title' },
    top,
    h('h2', { text: 'Fields' }),
    h('p', { class: 'hint', text: 'The data a case of this process holds: filled by the team on the case page, or by the outside party through a portal link.' }),
    fieldsBox,
    h('h2', { text: 'Stages' }),
    h('p', { class: 'hint', text: 'A case goes through these in order. Each stage lists what it asks for; the case can leave it once its required documents are accepted, its required tasks are done and its decision is made.' }),
    stagesList,
    h('datalist', { id: 'role-suggestions' }, h('option', { value: 'owner' })),
    h('div', { class: 'actions split sticky-actions' }, addStage, h('span', { class: 'actions' }, formError, submit)));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    for (const f of fields.values()) markError(f, null);
    formError.hidden = true;
    submit.disabled = true;
    try {
      const body = JSON.parse(JSON.stringify(draft, (key, value) =>
        key.startsWith('_') || (value === '' && OPTIONAL.has(key)) || (value === null && RULES.has(key))
          || (key === 'cardFields' && !value.length) ? undefined : value));
      if (body.reminders?.taskLeadHours == null && body.reminders?.slaLeadHours == null) delete body.reminders;
      // A form never opened is not sent; one that exists is, closed or open.
      if (!body.intake.enabled && !existing?.intake) delete body.intake;
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
      placeErrors(error, fields, formError);
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
