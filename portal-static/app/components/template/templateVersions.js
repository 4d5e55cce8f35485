// A template's versions, newest first; an older one can be loaded into the editor and saved as the next version.
import { h, mount } from '../../dom.js';
import { api, enc } from '../../api.js';
import { timeEl } from '../../format.js';

export function versionsSection(template, onLoad) {
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
