// The case's flexibility actions in its header, each shown only to whom the API allows it: hold and resume (anyone who
// works the case), move to another stage, close early and reopen (its owner and admins). Each asks in a dialog.
import { h, field, toast } from '../dom.js';
import { api, enc } from '../api.js';
import { formDialog } from './formDialog.js';

const reasonField = (label, required) => field(label, h('textarea', { rows: 3, maxlength: 2000, required }), required ? null : 'Optional. Shown on the timeline.');

/** `access`: 'manage', 'work', 'read' or 'none' (see session.caseAccess); `done()` refreshes the page. */
export function caseActions(c, template, access, done) {
  if (access !== 'manage' && access !== 'work') return null;
  const path = `/api/cases/${enc(c.id)}`;
  const ask = (text, options) => h('button', { type: 'button', class: `button ${options.danger ? 'danger' : ''}`, text, on: { click: () => formDialog({
    ...options,
    submit: async () => {
      await options.run();
      toast(options.toast, 'success');
      await done();
    },
  }) } });
  const buttons = [];
  if (c.status === 'open') {
    const reason = reasonField('Reason', false);
    buttons.push(ask('Put on hold', { title: 'Put the case on hold', intro: 'Work can still be recorded, but the case does not move on until it is resumed.', label: 'Put on hold', fields: { '$.reason': reason },
      toast: 'The case is on hold.', run: () => api(`${path}/hold`, { method: 'POST', body: { reason: reason.input.value.trim() || null } }) }));
  }
  if (c.status === 'onHold') {
    const reason = reasonField('Reason', false);
    buttons.push(ask('Resume', { title: 'Resume the case', label: 'Resume', fields: { '$.reason': reason },
      toast: 'The case is resumed.', run: () => api(`${path}/resume`, { method: 'POST', body: { reason: reason.input.value.trim() || null } }) }));
  }
  if (access === 'manage' && c.status !== 'closed') {
    const stage = field('Move to', h('select', {}, template.stages.filter((_, i) => i !== c.currentStage.index).map(s => h('option', { value: s.key, text: s.name }))));
    const reason = reasonField('Reason (required)', true);
    buttons.push(ask('Move to stage…', { title: 'Move the case to another stage', intro: 'The stage is entered afresh: new tasks and a new decision. The current stage’s on-exit automations do not run.',
      label: 'Move', fields: { '$.stage': stage, '$.reason': reason }, toast: 'The case is moving.',
      run: () => api(`${path}/move`, { method: 'POST', body: { stage: stage.input.value, reason: reason.input.value } }) }));
    const outcome = field('Outcome', h('input', { type: 'text', maxlength: 40, placeholder: 'closed-early', spellcheck: 'false' }), 'Optional. A key, e.g. withdrawn.');
    const why = reasonField('Reason (required)', true);
    buttons.push(ask('Close early…', { title: 'Close the case early', danger: true, label: 'Close the case', fields: { '$.reason': why, '$.outcome': outcome },
      toast: 'The case is closed.', run: () => api(`${path}/close`, { method: 'POST', body: { reason: why.input.value, outcome: outcome.input.value.trim() || null } }) }));
  }
  if (access === 'manage' && c.status === 'closed') {
    const reason = reasonField('Reason', false);
    buttons.push(ask('Reopen…', { title: 'Reopen the case', intro: `It reopens in the stage it closed in (${c.currentStage.name}).`, label: 'Reopen', fields: { '$.reason': reason },
      toast: 'The case is reopened.', run: () => api(`${path}/reopen`, { method: 'POST', body: { reason: reason.input.value.trim() || null } }) }));
  }
  return buttons.length ? h('div', { class: 'toolbar case-actions', role: 'group', 'aria-label': 'Case actions' }, buttons) : null;
}
