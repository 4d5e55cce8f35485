// A stage's time limit (SLA) in the template editor and what happens when it is breached.
import { h } from '../../dom.js';
import { errorOnly, number, text } from './boundControls.js';

export function slaEditor(ctx, stage, path) {
  const breach = stage.onBreach ??= {};
  return h('fieldset', { class: 'sub' }, h('legend', { text: 'Time limit' }),
    h('div', { class: 'item-fields' },
      number(ctx, stage, 'slaHours', path, 'SLA (hours)'),
      text(ctx, breach, 'escalateTo', `${path}.onBreach`, 'When breached, escalate to', { list: 'role-suggestions', placeholder: 'owner', spellcheck: 'false' }),
      text(ctx, breach, 'webhookUrl', `${path}.onBreach`, 'and call webhook', { type: 'url', maxlength: 2000 }),
      text(ctx, breach, 'webhookSecret', `${path}.onBreach`, 'Webhook secret', { type: 'password', autocomplete: 'off' })),
    errorOnly(ctx, `${path}.onBreach`));
}
