// Conversations with outside people: one per portal link, read from the timeline the case page already holds
// (PortalLinkCreated/Revoked name the link, its actions and expiry; each MessageSent is one message), oldest first.
// Those who work the case write to a link that takes messages while the case is open. Each send box is made once per
// link, so a refresh while someone types does not lose their words. A message may carry a file (a version of the
// conversation's document msg-{linkId}), downloaded like any document version.
import { h, remount, field, toast } from '../dom.js';
import { api, download, enc } from '../api.js';
import { showErrors, clearErrors } from '../forms.js';
import { timeEl } from '../format.js';

/** The links of the timeline, with their messages, in the order they were made. */
function linksOf(entries) {
  const links = new Map();
  const linkFor = (id, name) => links.get(id) ?? links.set(id, { id, name, actions: [], revoked: false, messages: [] }).get(id);
  for (const e of entries) {
    const id = e.data?.linkId;
    if (!id) continue;
    if (e.type === 'PortalLinkCreated') Object.assign(linkFor(id, e.data.name), { actions: String(e.data.actions ?? '').split(','), expiresAt: e.data.expiresAt });
    else if (e.type === 'PortalLinkRevoked') linkFor(id, e.data.name).revoked = true;
    else if (e.type === 'MessageSent') linkFor(id, e.data.linkName).messages.push(e);
  }
  return [...links.values()].filter(l => l.messages.length || l.actions.includes('message'));
}

function messageItem(caseId, entry) {
  const fromThem = entry.data.direction === 'fromExternal';
  const { attachmentKey: key, attachmentVersion: version, attachmentName: name } = entry.data;
  const file = key ? h('button', { type: 'button', class: 'button subtle message-file', text: `Download ${name}` }) : null;
  // stream=true: a fetch with a bearer token cannot follow the redirect to the storage link.
  file?.addEventListener('click', () => download(`/api/cases/${enc(caseId)}/documents/${enc(key)}/versions/${enc(version)}/content?stream=true`, name)
    .catch(error => toast(error.message, 'error')));
  return h('li', { class: `message ${fromThem ? 'message-in' : 'message-out'}` },
    h('p', { class: 'meta' }, h('strong', { text: entry.actor?.name ?? 'Someone' }), ' · ', timeEl(h, entry.at)),
    entry.data.text ? h('p', { class: 'message-text', text: entry.data.text }) : null, file);
}

export function conversationsSection(caseId, done) {
  const body = h('div', {});
  const section = h('section', { class: 'card', 'aria-labelledby': 'conversations-title', hidden: true },
    h('h2', { id: 'conversations-title', text: 'Messages with outside people' }),
    h('p', { class: 'hint', text: 'Each person with a link has their own conversation: they read only theirs, on their page.' }),
    body);
  const forms = new Map();

  const formFor = link => {
    if (forms.has(link.id)) return forms.get(link.id);
    const text = field(`Write to ${link.name}`, h('textarea', { rows: 3, maxlength: 4000 }), 'They read it on their page.');
    const attach = field('Attach a file (optional)', h('input', { type: 'file' }), 'Up to 10 MB; they can download it from their page. With a file, the message may be left empty.');
    const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'button primary', text: 'Send message' });
    const form = h('form', { novalidate: true }, text.wrap, attach.wrap, formError, h('div', { class: 'actions' }, submit));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors({ '$.text': text, file: attach }, formError);
      submit.disabled = true;
      const file = attach.input.files[0];
      try {
        await (file
          ? api(`/api/cases/${enc(caseId)}/messages/${enc(link.id)}/file`, { method: 'POST', file, fields: { text: text.input.value } })
          : api(`/api/cases/${enc(caseId)}/messages`, { method: 'POST', body: { text: text.input.value, linkId: link.id } }));
        form.reset();
        toast(`Message sent to ${link.name}.`, 'success');
        await done();
      } catch (error) {
        showErrors(error, { '$.text': text, file: attach }, formError);
      } finally {
        submit.disabled = false;
      }
    });
    forms.set(link.id, form);
    return form;
  };

  const update = (entries, canWrite, open) => {
    const links = linksOf(entries);
    section.hidden = !links.length;
    // The forms are kept across redraws; remount keeps the focus of someone typing in one, too.
    remount(body, true, links.map(link => {
      const writable = canWrite && open && !link.revoked && link.actions.includes('message')
        && !(link.expiresAt && Date.parse(link.expiresAt) <= Date.now());
      const headingId = `conversation-${link.id}`;
      return h('div', { class: 'conversation', 'aria-labelledby': headingId, role: 'group' },
        h('h3', { id: headingId }, link.name, link.revoked ? [' ', h('span', { class: 'badge badge-neutral', text: 'link revoked' })] : null),
        link.messages.length
          ? h('ol', { class: 'messages', 'aria-label': `Messages with ${link.name}, oldest first` }, link.messages.map(m => messageItem(caseId, m)))
          : h('p', { class: 'hint', text: 'No messages yet.' }),
        writable ? formFor(link) : null);
    }));
  };
  return { section, update };
}
