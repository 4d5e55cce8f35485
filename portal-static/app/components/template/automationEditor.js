// One on-enter or on-exit automation of a stage in the template editor: what it does and what it needs for that.
import { select, text } from './boundControls.js';
import { newTask, taskFields } from './taskEditor.js';

const AUTOMATIONS = [['createTask', 'Create a task'], ['requestDocument', 'Request a document'], ['assign', 'Assign tasks'], ['webhook', 'Call a webhook'], ['publishEvent', 'Publish an event']];

export function automationFields(ctx, draft, stage, a, p) {
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
