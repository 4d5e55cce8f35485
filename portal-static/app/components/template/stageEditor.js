// One stage in the template editor: name, key, advance mode and tools (reorder, remove), then what it asks for
// (documents, tasks, fields, a decision), its automations and its time limit.
import { h } from '../../dom.js';
import { bind, errorOnly, named, select } from './boundControls.js';
import { editableList } from './editableList.js';
import { newTask, taskFields } from './taskEditor.js';
import { decisionEditor } from './decisionEditor.js';
import { automationFields } from './automationEditor.js';
import { slaEditor } from './slaEditor.js';
import { stageFieldsEditor } from './stageFieldsEditor.js';

const MB = 1048576;

export const newStage = () => ({ key: '', name: '', advance: 'manual', documents: [], tasks: [], requiredFields: [], externalFields: [], decision: null, onEnter: [], onExit: [], slaHours: null, onBreach: null, _auto: true });

export function stageEditor(ctx, draft, stage, i) {
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
        editableList(ctx, 'Required documents', 'Document', stage, 'documents', path, () => ({ key: '', name: '', provider: 'internal', contentTypes: ['application/pdf'], maxBytes: 10 * MB, _auto: true }),
          (d, p) => [...named(ctx, d, 'name', p, 'Name'),
            select(ctx, d, 'provider', p, 'Provided by', [['internal', 'The team'], ['external', 'An outside party (portal link)']]),
            bind(ctx, `${p}.contentTypes`, 'Accepted types', h('input', { type: 'text', maxlength: 400, spellcheck: 'false' }), () => (d.contentTypes ?? []).join(', '),
              v => { d.contentTypes = v.split(/[\s,]+/).filter(Boolean); }, 'Comma-separated, e.g. application/pdf, image/png'),
            bind(ctx, `${p}.maxBytes`, 'Max size (MB)', h('input', { type: 'number', min: 0.1, max: 100, step: 'any' }), () => (d.maxBytes ? +(d.maxBytes / MB).toFixed(2) : ''),
              v => { d.maxBytes = v === '' ? null : Math.round(Number(v) * MB); })]),
        editableList(ctx, 'Tasks', 'Task', stage, 'tasks', path, newTask, (t, p) => taskFields(ctx, t, p)),
        stageFieldsEditor(ctx, draft, stage, path),
        decisionEditor(ctx, stages, stage, path),
        editableList(ctx, 'When the stage starts', 'Automation', stage, 'onEnter', path, () => ({ type: 'createTask', task: newTask() }), (a, p) => automationFields(ctx, draft, stage, a, p)),
        editableList(ctx, 'When the stage is done', 'Automation', stage, 'onExit', path, () => ({ type: 'publishEvent', event: '' }), (a, p) => automationFields(ctx, draft, stage, a, p)),
        slaEditor(ctx, stage, path))),
    h('div', { class: 'stage-tools' }, move(-1, 'Move up'), move(1, 'Move down'), remove));
}
