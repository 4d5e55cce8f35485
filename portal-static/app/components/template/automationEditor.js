// One on-enter or on-exit automation of a stage in the template editor: what it does and what it needs for that.
import { h } from '../../dom.js';
import { bind, select, text } from './boundControls.js';
import { newTask, taskFields } from './taskEditor.js';

const AUTOMATIONS = [['createTask', 'Create a task'], ['requestDocument', 'Request a document'], ['assign', 'Assign tasks'], ['webhook', 'Call a webhook'], ['publishEvent', 'Publish an event'], ['route', 'Go to a stage when a field…']];
const OPERATORS = [['eq', 'equals'], ['ne', 'is not'], ['gt', 'is more than'], ['gte', 'is at least'], ['lt', 'is less than'], ['lte', 'is at most']];
const NUMERIC = new Set(['number', 'money']);

export function automationFields(ctx, draft, stage, a, p) {
  const type = select(ctx, a, 'type', p, 'Do', AUTOMATIONS, value => {
    for (const key of Object.keys(a)) delete a[key];
    Object.assign(a, { type: value }, value === 'createTask' ? { task: newTask() } : null,
      value === 'route' ? { when: { field: '', op: 'eq', value: null }, outcome: `goToStage:${draft.stages[0]?.key ?? ''}` } : null);
    ctx.redraw();
  });
  const documents = draft.stages.flatMap(s => s.documents ?? []).filter(d => d.key);
  switch (a.type) {
    case 'createTask': return [type, ...taskFields(ctx, a.task ??= newTask(), `${p}.task`)];
    case 'requestDocument': return [type, select(ctx, a, 'document', p, 'Document', [['', documents.length ? 'Choose…' : 'Add a required document first'], ...documents.map(d => [d.key, d.name || d.key])])];
    case 'assign': return [type, text(ctx, a, 'assignee', p, 'To role', { list: 'role-suggestions', spellcheck: 'false' }),
      select(ctx, a, 'taskKey', p, 'Which tasks', [['', 'All open tasks of the stage'], ...(stage.tasks ?? []).filter(t => t.key).map(t => [t.key, t.title || t.key])])];
    case 'webhook': return [type, text(ctx, a, 'url', p, 'URL', { type: 'url', maxlength: 2000 }), text(ctx, a, 'secret', p, 'Signing secret', { type: 'password', autocomplete: 'off' }, 'Optional, 16-200 characters')];
    case 'route': return [type, ...routeFields(ctx, draft, a, p)];
    default: return [type, text(ctx, a, 'event', p, 'Event name', { maxlength: 40, spellcheck: 'false' }, 'A key, e.g. supplier-approved')];
  }
}

/**
 * A route automation (onEnter): when a field's value meets the condition, the case goes to the chosen stage. The
 * value is sent as the field's JSON type (a number for numbers and money, true/false for yes/no, else text).
 */
function routeFields(ctx, draft, a, p) {
  const when = a.when ??= { field: '', op: 'eq', value: null };
  const fields = (draft.fields ?? []).filter(f => f.key && f.type !== 'multiChoice' && f.type !== 'longText');
  const typeOf = () => fields.find(f => f.key === when.field)?.type;
  const parse = raw => {
    if (raw === '') return null;
    if (NUMERIC.has(typeOf())) return Number(raw);
    if (typeOf() === 'boolean') return raw === 'true';
    return raw;
  };
  return [
    select(ctx, when, 'field', `${p}.when`, 'When the field', [['', fields.length ? 'Choose…' : 'Add a field first'], ...fields.map(f => [f.key, f.label || f.key])], () => { when.value = parse(String(when.value ?? '')); }),
    select(ctx, when, 'op', `${p}.when`, 'Condition', OPERATORS),
    bind(ctx, `${p}.when.value`, 'Value', h('input', { type: 'text', maxlength: 200, spellcheck: 'false' }), () => when.value, v => { when.value = parse(v); }, 'A number, a date (2026-03-31), yes/no as true/false, or text'),
    bind(ctx, `${p}.outcome`, 'Go to stage', h('select', {}, draft.stages.map((s, i) => h('option', { value: `goToStage:${s.key}`, text: s.name || `Stage ${i + 1}` }))),
      () => a.outcome, v => { a.outcome = v; })];
}
