// A titled list of rows in the template editor (each its own fieldset), with add and remove.
import { h } from '../../dom.js';
import { errorOnly } from './boundControls.js';

/** `owner[prop]` is the array; `make()` a new item; `row(item, path)` its controls. */
export function editableList(ctx, title, singular, owner, prop, path, make, row) {
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
