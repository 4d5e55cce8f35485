// The template's public intake form (/intake.html#address, issue 18): whether it takes submissions (unticking "Open"
// closes it as soon as the version is saved: the admin's switch), its address, which fields the outside party fills
// on it, and optionally the only e-mail domains it takes. A template without a form sends none until one is opened.
import { h, mount } from '../../dom.js';
import { bind, checkbox, errorOnly, text } from './boundControls.js';
import { keyChoices } from './stageFieldsEditor.js';

export const newIntake = () => ({ enabled: false, slug: '', fields: [], allowedEmailDomains: [] });

export function intakeEditor(ctx, draft) {
  const intake = draft.intake;
  const fieldsBox = h('div');
  const drawFields = () => {
    const fields = (draft.fields ?? []).filter(f => f.key && (f.filledBy === 'external' || f.filledBy === 'both'));
    mount(fieldsBox, fields.length
      ? keyChoices(ctx, intake, 'fields', '$.intake', 'Asked on the form', fields)
      : [h('p', { class: 'hint', text: 'Fields filled by the outside party (or both) can be asked on the form.' }), errorOnly(ctx, '$.intake.fields')]);
  };
  ctx.choiceLists.push(drawFields);
  drawFields();
  const domains = bind(ctx, '$.intake.allowedEmailDomains', 'Only e-mail addresses of these domains (optional)',
    h('input', { type: 'text', maxlength: 400, spellcheck: 'false', placeholder: 'example.com, example.org' }),
    () => intake.allowedEmailDomains.join(', '),
    v => { intake.allowedEmailDomains = v.split(',').map(d => d.trim()).filter(Boolean); });
  return h('fieldset', { class: 'sub' }, h('legend', { text: 'Public intake form' }),
    h('p', { class: 'hint', text: 'Optional. Anyone with the form’s address can open a case of this process and follow it through their own link.' }),
    checkbox(intake, 'enabled', 'Open: the form takes submissions', false),
    text(ctx, intake, 'slug', '$.intake', 'Address (/intake.html#…)', { maxlength: 40, spellcheck: 'false', placeholder: 'apply' }),
    fieldsBox, domains);
}
