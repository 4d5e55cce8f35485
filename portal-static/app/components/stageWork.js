// The current stage's checklist on the case page: its documents (status), its tasks (complete) and its decision
// (the form, or what was decided). Only this visit's items count, as in the API's exit criteria.
import { h, uid } from '../dom.js';
import { api, download, enc } from '../api.js';
import { formatAbsolute, formatBytes, formatRelative, timeEl } from '../format.js';

const DOC_STATUS = { requested: ['Requested', 'badge-warn'], uploaded: ['Uploaded, to review', 'badge-info'], accepted: ['Accepted', 'badge-success'] };

/** The checklist section's children, or null when the stage asks for nothing. `canWork`: may complete and decide. */
export function stageWork(c, stage, { canWork, act }) {
  const visit = c.currentStage.visit;
  const tasks = (c.tasks ?? []).filter(t => t.stageKey === stage.key && (visit === undefined || t.visit === visit));
  const documentKeys = new Set((stage.documents ?? []).map(d => d.key));
  const documents = (c.documents ?? []).filter(d => documentKeys.has(d.key));
  const decision = stage.decision ?? null;
  if (!tasks.length && !documents.length && !decision) return null;
  const decided = (c.decisions ?? []).find(d => d.stageKey === stage.key && (visit === undefined || d.visit === visit));
  const items = [
    ...documents.map(d => documentItem(c, d, stage.documents.find(x => x.key === d.key), canWork && c.status !== 'closed', act)),
    ...tasks.map(t => taskItem(c, t, canWork, act)),
  ];
  return [
    h('h3', { class: 'checklist-title', text: 'Checklist' }),
    items.length ? h('ul', { class: 'checklist', 'aria-label': 'Checklist of this stage' }, items) : null,
    decision ? decisionBlock(c, decision, decided, canWork, act) : null,
  ];
}

function documentItem(c, d, asked, canWork, act) {
  const [label, badge] = DOC_STATUS[d.status] ?? [d.status, 'badge-neutral'];
  const latest = d.versions?.at(-1);
  const path = `/api/cases/${enc(c.id)}/documents/${enc(d.key)}`;
  const get = latest ? h('button', { type: 'button', class: 'button', text: 'Download', 'aria-label': `Download ${latest.fileName}` }) : null;
  // stream=true: a fetch with a bearer token cannot follow the redirect to the storage link.
  get?.addEventListener('click', () =>
    act(get, () => download(`${path}/versions/${latest.version}/content?stream=true`, latest.fileName)));
  return h('li', { class: `check ${d.status === 'accepted' ? 'check-done' : ''}`, dataset: { document: d.key } },
    h('div', {}, h('strong', { text: d.name }), ' ', h('span', { class: `badge ${badge}`, text: label }),
      h('p', { class: 'hint', text: d.provider === 'external' ? 'From the outside party, through their link' : 'From the team' }),
      latest ? h('p', { class: 'hint' }, `Version ${latest.version}: `, h('span', { text: latest.fileName }), ` · ${formatBytes(latest.size)} · `, timeEl(h, latest.uploadedAt)) : null,
      d.rejectionReason ? h('p', { class: 'hint', text: `Rejected: ${d.rejectionReason}` }) : null,
      canWork && d.provider !== 'external' && d.status !== 'accepted' ? uploadForm(d, asked, path, act) : null,
      canWork && d.status === 'uploaded' ? reviewForm(d, path, act) : null),
    get);
}

/** The team's own upload of a document the stage asks of them, with the template's limits on the picker. */
function uploadForm(d, asked, path, act) {
  const types = asked?.contentTypes ?? d.contentTypes ?? [];
  const max = asked?.maxBytes ?? d.maxBytes;
  const input = h('input', { type: 'file', id: uid('doc'), name: `file-${d.key}`, accept: types.join(',') || null });
  const button = h('button', { type: 'submit', class: 'button', text: 'Upload' });
  const limits = [types.length ? `Accepted: ${types.join(', ')}` : null, max ? `up to ${formatBytes(max)}` : null].filter(Boolean).join(' · ');
  const form = h('form', { class: 'inline-form' },
    h('div', { class: 'field' }, h('label', { for: input.id, text: `File for “${d.name}”` }), input, limits ? h('p', { class: 'hint', text: limits }) : null), button);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const file = input.files?.[0];
    if (file) act(button, () => api(path, { method: 'POST', file }), 'Document uploaded.');
    else input.focus();
  });
  return form;
}

/** Accept the latest version, or reject it with a reason (the document is then asked for again). */
function reviewForm(d, path, act) {
  const accept = h('button', { type: 'button', class: 'button primary', text: 'Accept', 'aria-label': `Accept “${d.name}”` });
  accept.addEventListener('click', () => act(accept, () => api(`${path}/accept`, { method: 'POST' }), 'Document accepted.'));
  const reason = h('input', { type: 'text', id: uid('reason'), name: `reject-${d.key}`, maxlength: 500, required: true });
  const reject = h('button', { type: 'submit', class: 'button', text: 'Reject', 'aria-label': `Reject “${d.name}”` });
  const form = h('form', { class: 'inline-form' }, accept,
    h('div', { class: 'field' }, h('label', { for: reason.id, text: 'Reason to reject' }), reason), reject);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const text = reason.value.trim();
    if (text) act(reject, () => api(`${path}/reject`, { method: 'POST', body: { reason: text } }), 'Document rejected.');
    else reason.focus();
  });
  return form;
}

function taskItem(c, t, canWork, act) {
  const done = t.status === 'completed';
  const who = t.assignee?.name ?? (t.assigneeRole ? `Role: ${t.assigneeRole} (nobody yet)` : 'Unassigned');
  const due = !done && t.dueAt
    ? h('span', { class: `badge ${t.overdue || new Date(t.dueAt) < Date.now() ? 'badge-danger' : 'badge-neutral'}`, title: formatAbsolute(t.dueAt), text: `Due ${formatRelative(t.dueAt)}` })
    : null;
  const complete = !done && canWork && c.status !== 'closed'
    ? h('button', { type: 'button', class: 'button', text: 'Complete', 'aria-label': `Complete “${t.title}”` })
    : null;
  complete?.addEventListener('click', () =>
    act(complete, () => api(`/api/cases/${enc(c.id)}/tasks/${enc(t.id)}/complete`, { method: 'POST', body: {} }), 'Task completed.'));
  return h('li', { class: `check ${done ? 'check-done' : ''}`, dataset: { task: t.id } },
    h('div', {},
      h('strong', { text: `${done ? '✓ ' : ''}${t.title}` }), ' ',
      t.required ? h('span', { class: 'badge badge-neutral', text: 'Required' }) : null, ' ', due,
      h('p', { class: 'hint' }, done ? ['Completed by ', h('span', { text: t.completedBy?.name ?? '' }), ' ', timeEl(h, t.completedAt)] : h('span', { text: who })),
      t.note ? h('p', { class: 'hint', text: `Note: ${t.note}` }) : null),
    complete);
}

function decisionBlock(c, decision, decided, canWork, act) {
  const heading = h('h3', { class: 'checklist-title', text: `Decision: ${decision.question}` });
  if (decided) {
    const label = decision.options.find(o => o.key === decided.option)?.label ?? decided.option;
    return h('div', { class: 'decision decided' }, heading,
      h('p', {}, h('strong', { text: label }), ' — decided by ', h('span', { text: decided.by?.name ?? '' }), ' ', timeEl(h, decided.at)),
      decided.rationale ? h('p', { class: 'hint', text: `Why: ${decided.rationale}` }) : null);
  }
  if (!canWork || c.status === 'closed') return h('div', { class: 'decision' }, heading, h('p', { class: 'hint', text: 'Not decided yet.' }));
  const name = 'decision';
  const options = decision.options.map(o => {
    const input = h('input', { type: 'radio', name, value: o.key, id: uid(name), required: true });
    return h('div', { class: 'radio' }, input, h('label', { for: input.id, text: o.label }));
  });
  const rationaleId = uid();
  const rationale = h('textarea', { id: rationaleId, name: 'rationale', rows: 2, maxlength: 2000 });
  const submit = h('button', { type: 'submit', class: 'button primary', text: 'Record decision' });
  const form = h('form', { class: 'decision', novalidate: true }, heading,
    h('fieldset', { class: 'field' }, h('legend', { class: 'visually-hidden', text: decision.question }), options),
    h('div', { class: 'field' }, h('label', { for: rationaleId, text: 'Why (optional)' }), rationale),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const option = form.elements[name].value;
    if (!option) {
      options[0].querySelector('input').focus();
      return;
    }
    act(submit, () => api(`/api/cases/${enc(c.id)}/decision`, { method: 'POST', body: { option, rationale: rationale.value.trim() || null } }), 'Decision recorded.');
  });
  return form;
}
