// Which of the template's fields a stage needs before it is left (requiredFields) and asks of the outside party
// (externalFields): a checkbox per field, the outside party's list offering only fields they may fill. The lists
// follow the template's fields as they are typed (ctx.fieldsChanged), without redrawing the rest of the editor.
import { h, mount } from '../../dom.js';
import { errorOnly } from './boundControls.js';

export function stageFieldsEditor(ctx, draft, stage, path) {
  const box = h('fieldset', { class: 'sub' });
  const draw = () => mount(box, h('legend', { text: 'Fields' }), choices(ctx, draft, stage, path));
  ctx.choiceLists.push(draw);
  draw();
  return box;
}

/** The fields board cards show (the template's `cardFields`: up to 6, not long text), following the fields as named. */
export function cardFieldsEditor(ctx, draft) {
  const box = h('div');
  const draw = () => {
    const fields = (draft.fields ?? []).filter(f => f.key && f.type !== 'longText');
    mount(box, fields.length ? keyChoices(ctx, draft, 'cardFields', '$', 'Shown on board cards (up to 6)', fields) : errorOnly(ctx, '$.cardFields'));
  };
  ctx.choiceLists.push(draw);
  draw();
  return box;
}

function choices(ctx, draft, stage, path) {
  const fields = (draft.fields ?? []).filter(f => f.key);
  return fields.length
    ? [keyChoices(ctx, stage, 'requiredFields', path, 'Needed to leave this stage', fields),
      keyChoices(ctx, stage, 'externalFields', path, 'Asked of the outside party (portal link)', fields.filter(f => f.filledBy === 'external' || f.filledBy === 'both'))]
    : [h('p', { class: 'hint', text: 'The template has no fields yet: add them under "Fields" above.' }), errorOnly(ctx, `${path}.requiredFields`), errorOnly(ctx, `${path}.externalFields`)];
}

/** A checkbox per field: which of `fields` the list `owner[prop]` holds (errors under `${path}.${prop}`). */
export function keyChoices(ctx, owner, prop, path, title, fields) {
  const chosen = owner[prop] ??= [];
  const toggle = (key, on) => {
    const at = chosen.indexOf(key);
    if (on && at < 0) chosen.push(key);
    if (!on && at >= 0) chosen.splice(at, 1);
  };
  return h('div', { class: 'key-choices', role: 'group', 'aria-label': title },
    h('p', { class: 'hint', text: title }),
    fields.length
      ? fields.map(f => h('label', { class: 'radio' },
        h('input', { type: 'checkbox', value: f.key, checked: chosen.includes(f.key), on: { change: e => toggle(f.key, e.target.checked) } }), f.label || f.key))
      : h('p', { class: 'hint', text: 'No field is filled by the outside party.' }),
    errorOnly(ctx, `${path}.${prop}`));
}
