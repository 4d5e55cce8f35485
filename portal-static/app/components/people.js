// Who takes part in the case: everyone who may read it sees the list; its owner and admins add people (by name and
// Entra object id) as members or viewers, change their role, remove them and hand over ownership. Outside people
// take part through portal links instead.
import { h, mount, field, toast } from '../dom.js';
import { api, enc } from '../api.js';
import { formDialog } from './formDialog.js';

const ROLES = { owner: ['Owner', 'badge-info'], member: ['Member', 'badge-neutral'], viewer: ['Viewer', 'badge-neutral'] };

/** The section (created once) and `update(c, canManage)` to redraw it from the case; `done()` refreshes the page. */
export function peopleSection(caseId, done) {
  const path = `/api/cases/${enc(caseId)}`;
  const list = h('ul', { class: 'people' });
  const tools = h('div', { class: 'actions' });
  const section = h('section', { class: 'card', 'aria-labelledby': 'people-title' }, h('h2', { id: 'people-title', text: 'People' }), list, tools);
  const run = async (control, call, message) => {
    control.disabled = true;
    try {
      await call();
      toast(message, 'success');
    } catch (error) {
      toast(error.message, 'error');
    } finally {
      control.disabled = false;
      await done();
    }
  };
  const update = (c, canManage) => {
    mount(list, c.participants.map(p => {
      const [label, badge] = ROLES[p.role] ?? [p.role, 'badge-neutral'];
      const owner = p.role === 'owner';
      const row = [h('span', { class: 'person-name', text: p.name })];
      if (!canManage || owner) row.push(h('span', { class: `badge ${badge}`, text: label }));
      else {
        const role = h('select', { 'aria-label': `Role of ${p.name}` }, ['member', 'viewer'].map(r => h('option', { value: r, selected: r === p.role, text: ROLES[r][0] })));
        role.addEventListener('change', () => run(role, () => api(`${path}/participants`, { method: 'POST', body: { id: p.id, name: p.name, role: role.value } }), `${p.name} is now a ${role.value}.`));
        const owns = h('button', { type: 'button', class: 'button subtle', text: 'Make owner', 'aria-label': `Make owner: ${p.name}` });
        owns.addEventListener('click', () => run(owns, () => api(`${path}/owner`, { method: 'PUT', body: { id: p.id, name: p.name } }), `${p.name} owns the case now.`));
        const remove = h('button', { type: 'button', class: 'button subtle', text: 'Remove', 'aria-label': `Remove ${p.name}` });
        remove.addEventListener('click', () => run(remove, () => api(`${path}/participants/${enc(p.id)}`, { method: 'DELETE' }), `${p.name} removed.`));
        row.push(role, owns, remove);
      }
      return h('li', { class: 'person' }, row);
    }));
    mount(tools, canManage ? h('button', { type: 'button', class: 'button', text: 'Add a person', on: { click: () => addPerson(path, done) } }) : null);
  };
  return { section, update };
}

function addPerson(path, done) {
  const name = field('Name', h('input', { type: 'text', maxlength: 200, autocomplete: 'off' }));
  const id = field('Entra object id', h('input', { type: 'text', maxlength: 64, autocomplete: 'off', spellcheck: 'false' }), 'A GUID, e.g. from the Entra admin center.');
  const role = field('Role', h('select', {}, h('option', { value: 'member', text: 'Member: works the case' }), h('option', { value: 'viewer', text: 'Viewer: reads the case' })));
  formDialog({
    title: 'Add a person to the case', label: 'Add', fields: { '$.name': name, '$.id': id, '$.role': role },
    submit: async () => {
      await api(`${path}/participants`, { method: 'POST', body: { id: id.input.value.trim(), name: name.input.value, role: role.input.value } });
      toast(`${name.input.value.trim()} added.`, 'success');
      await done();
    },
  });
}
