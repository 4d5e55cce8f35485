// The external case page, opened from a portal link: /portal.html#<token>. The token stays in the fragment
// (browsers never send it to a server or in a Referer) and is sent only to the API, in the request path.
// Built for a phone first: one column, large targets, plain words. Everything from the API goes in as text.
import { h, mount, toast } from './dom.js';
import { showErrors, clearErrors } from './forms.js';
import { api, download, enc } from './api.js';
import { formatAbsolute, humanize, timeEl, formatBytes } from './format.js';
import { stageProgress } from './components/stageProgress.js';
import { uploadDirect } from './directUpload.js';
import { timelineIcon } from './components/timeline.js';
import { fieldControl, valueOf } from './components/fieldInputs.js';

const main = document.getElementById('main');
const token = readToken();

/** The token from the fragment; anything that does not even decode counts as a bad link. */
function readToken() {
  try {
    return decodeURIComponent(location.hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

/** One neutral message for every kind of bad link: expired, revoked, mistyped or unknown look the same. */
function showUnavailable() {
  document.title = 'Link not available · CaseFy';
  mount(main, h('section', { class: 'card empty' },
    h('h1', { text: 'This link is not available' }),
    h('p', { text: 'It may have expired or been withdrawn. Please ask the person who sent it to you for a new link.' })));
  main.focus({ preventScroll: true });
}

async function load() {
  if (!/^[\w-]{16,}$/.test(token)) return showUnavailable();
  let view;
  try {
    view = await api(`/api/portal/${enc(token)}`, { token: null });
  } catch (error) {
    if (error.status === 404 || error.status === 400) return showUnavailable();
    mount(main, h('section', { class: 'card empty' },
      h('h1', { text: 'Please try again' }),
      h('p', { text: error.status === 429 ? 'Too many requests were made with this link. Wait a minute, then reload the page.' : error.message })));
    return;
  }
  render(view);
}

function render(view) {
  document.title = `${view.number ? `${view.number} ` : ''}${view.title} · CaseFy`;
  const closed = view.status === 'closed';
  mount(main,
    h('p', { class: 'hint', text: `Hello ${view.yourName}. This page shows where your case stands.` }),
    h('div', { class: 'title-row' }, h('h1', {}, view.number ? h('span', { class: 'case-number', text: view.number }) : null, view.title), h('span', { class: `badge ${closed ? 'badge-neutral' : 'badge-info'}`, text: closed ? 'Closed' : 'In progress' })),
    h('section', { class: 'card progress-card', 'aria-labelledby': 'where-title' },
      h('h2', { id: 'where-title', text: 'Where your case stands' }),
      h('p', { class: 'where-now', text: whereNow(view) }),
      stageProgress(view.stages, { currentStage: view.currentStage, status: view.status })),
    asked(view),
    questions(view),
    conversation(view),
    shownData(view),
    view.actions.includes('view') ? publicTimeline(view) : null,
    h('p', { class: 'portal-note', text: `This personal link works until ${formatAbsolute(view.expiresAt)}. Do not share it.` }));
  main.focus({ preventScroll: true });
}

/**
 * The questions the current stage asks of this person (`fields`, for a link that may answer): one input per field,
 * the right kind for its type, errors under the field they concern. Only what they fill is sent (a merge patch).
 */
function questions(view) {
  const asked = view.fields ?? [];
  if (!asked.length) return null;
  const fields = Object.fromEntries(asked.map(f => [`$.${f.key}`, fieldControl(f, view.data?.[f.key])]));
  const inputs = asked.map(f => [f, fields[`$.${f.key}`].input]);
  const formError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'button primary', text: 'Send answers' });
  const form = h('form', { class: 'answers', novalidate: true }, Object.values(fields).map(f => f.wrap), formError, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(fields, formError);
    const patch = {};
    for (const [f, input] of inputs) {
      const value = valueOf(f, input);
      if (value !== undefined) patch[f.key] = value;
    }
    button.disabled = true;
    try {
      await api(`/api/portal/${enc(token)}/data`, { method: 'PATCH', body: patch, token: null, headers: { 'Content-Type': 'application/merge-patch+json' } });
      toast('Thank you, your answers were received.', 'success');
      await load();
    } catch (error) {
      showErrors(error, fields, formError);
      button.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'questions-title' }, h('h2', { id: 'questions-title', text: 'Questions for you' }), form);
}

/** One message: "You" for what this person wrote, the team member's name for the team's; its file, if any. */
function messageItem(message) {
  const theirs = message.direction === 'fromExternal';
  const name = message.attachment?.fileName;
  const file = name ? h('button', { type: 'button', class: 'button subtle message-file', text: `Download ${name}` }) : null;
  // stream=true: the file through the API (this page's CSP lets it fetch the API, not the storage account).
  file?.addEventListener('click', () => download(`/api/portal/${enc(token)}/messages/${message.seq}/attachment?stream=true`, name)
    .catch(error => toast(error.message, 'error')));
  return h('li', { class: `message ${theirs ? 'message-out' : 'message-in'}` },
    h('p', { class: 'meta' }, h('strong', { text: theirs ? 'You' : message.from }), ' · ', timeEl(h, message.at)),
    message.text ? h('p', { class: 'message-text', text: message.text }) : null, file);
}

/**
 * This person's conversation with the team (`messages`, for a link that may message), oldest first, earlier messages
 * a page at a time; while the case is open, a box to write to the team. Only their own link's messages reach this page.
 */
function conversation(view) {
  if (!view.actions.includes('message')) return null;
  const messages = view.messages ?? [];
  const list = h('ol', { class: 'messages', 'aria-label': 'Messages with the team, oldest first' }, messages.map(messageItem));
  const { button: earlier, problem, next } = earlierPages('Show earlier messages', 'messages', view.messagesContinuationToken, items => list.prepend(...items.map(messageItem)));
  const text = h('textarea', { id: 'message-text', rows: 4, maxlength: 4000, 'aria-describedby': 'message-hint' });
  const textError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const attach = h('input', { type: 'file', id: 'message-file', 'aria-describedby': 'message-file-hint' });
  const send = h('button', { type: 'submit', class: 'button primary', text: 'Send message' });
  const form = h('form', { class: 'answers', novalidate: true },
    h('label', { for: text.id, text: 'Write to the team' }), text,
    h('p', { class: 'hint', id: 'message-hint', text: 'Up to 4,000 characters; with a file you may leave it empty. The team reads it on your case.' }),
    h('label', { for: attach.id, text: 'Attach a file (optional)' }), attach,
    h('p', { class: 'hint', id: 'message-file-hint', text: 'Up to 10 MB.' }), textError, send);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    textError.hidden = true;
    text.removeAttribute('aria-invalid');
    send.disabled = true;
    try {
      const file = attach.files[0];
      await (file
        ? api(`/api/portal/${enc(token)}/messages/file`, { method: 'POST', file, fields: { text: text.value }, token: null })
        : api(`/api/portal/${enc(token)}/messages`, { method: 'POST', body: { text: text.value }, token: null }));
      toast('Thank you, your message was sent.', 'success');
      await load();
    } catch (error) {
      textError.textContent = error.errors?.['$.text']?.[0] ?? error.errors?.file?.[0] ?? error.message;
      textError.hidden = false;
      text.setAttribute('aria-invalid', 'true');
      send.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'messages-title' },
    h('h2', { id: 'messages-title', text: 'Messages' }),
    messages.length || next ? [h('div', { class: 'actions' }, earlier), problem, list] : h('p', { class: 'hint', text: 'No messages yet. You can write to the team here.' }),
    view.status === 'closed' ? h('p', { class: 'hint', text: 'This case is closed: it takes no new messages.' }) : form);
}

/** The case's values the template shows this person (`data`: only fields marked visible to them). */
function shownData(view) {
  const asked = new Set((view.fields ?? []).map(f => f.key));
  const entries = Object.entries(view.data ?? {}).filter(([key]) => !asked.has(key));
  if (!entries.length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'details-title' }, h('h2', { id: 'details-title', text: 'Details of your case' }),
    h('dl', { class: 'details' }, entries.map(([key, value]) => [h('dt', { text: humanize(key) }), h('dd', { text: Array.isArray(value) ? value.join(', ') : String(value) })])));
}

function whereNow(view) {
  if (view.status === 'closed') return 'This case is closed. Nothing more is needed from you.';
  const total = view.stages.length;
  const step = view.currentStage.index + 1;
  return total ? `Step ${step} of ${total}: ${view.currentStage.name}.` : `Now: ${view.currentStage.name}.`;
}

/**
 * What is asked of this person: the documents to upload, with their limits, and what they already sent. Shown only
 * when the API lists requests for this link (`requestedDocuments`); without that list there is nothing to promise.
 */
function asked(view) {
  const requests = view.requestedDocuments;
  if (!Array.isArray(requests) || !view.actions.includes('upload')) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'asked-title' },
    h('h2', { id: 'asked-title', text: 'What we need from you' }),
    requests.length
      ? h('ul', { class: 'checklist' }, requests.map(requestItem))
      : h('p', { class: 'hint', text: 'Nothing is needed from you right now. This page will list it when something is.' }));
}

function requestItem(request) {
  const uploads = request.uploads ?? [];
  const done = uploads.length > 0 || request.uploaded === true || request.status === 'uploaded';
  const types = request.contentTypes ?? [];
  const limits = [types.length ? `Accepted: ${types.join(', ')}` : null, request.maxBytes ? `up to ${formatBytes(request.maxBytes)}` : null].filter(Boolean).join(' · ');
  const input = h('input', { type: 'file', id: `file-${request.key}`, accept: types.join(',') || null, 'aria-describedby': limits ? `limits-${request.key}` : null });
  const button = h('button', { type: 'submit', class: 'button primary', text: done ? 'Send another file' : 'Upload' });
  // Why a file was refused stays next to the form (a toast would vanish before it is read on a phone).
  const problem = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const refuse = message => { problem.textContent = message; problem.hidden = false; input.setAttribute('aria-invalid', 'true'); };
  const form = h('form', { class: 'upload-row' },
    h('label', { for: input.id, text: `Choose a file for “${request.name}”` }), input,
    limits ? h('p', { class: 'hint', id: `limits-${request.key}`, text: limits }) : null, problem, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    problem.hidden = true;
    input.removeAttribute('aria-invalid');
    const file = input.files?.[0];
    if (!file) return refuse('Choose a file first.');
    const tooLarge = `This file is larger than ${formatBytes(request.maxBytes)}.`;
    // The API checks the limits too; checking here spares a slow upload that would be refused.
    if (request.maxBytes && file.size > request.maxBytes) return refuse(tooLarge);
    button.disabled = true;
    try {
      // Straight to Blob Storage (upload URL → PUT → confirm): the limits are checked when asking and when recording.
      await uploadDirect(`/api/portal/${enc(token)}`, request.key, file, { token: null });
      toast('Thank you, your file was received.', 'success');
      await load();
    } catch (error) {
      refuse(refusal(error, request, tooLarge));
      button.disabled = false;
    }
  });
  return h('li', { class: `check ${done ? 'check-done' : ''}` },
    h('div', {}, h('strong', { text: request.name }),
      request.description ? h('p', { class: 'hint', text: request.description }) : null,
      uploads.length
        ? h('ul', { class: 'your-uploads', 'aria-label': `What you sent for ${request.name}` }, uploads.map(u => h('li', {}, h('span', { text: u.fileName }), u.at ? [' · ', timeEl(h, u.at)] : null)))
        : done ? h('p', { class: 'hint', text: `Received${request.fileName ? `: ${request.fileName}` : ''}` }) : null),
    form);
}

/** Why a file was refused, in the words of the field the API named (its size, its type, its name). */
function refusal(error, request, tooLarge) {
  if (error.status === 413 && request.maxBytes) return tooLarge;
  const errors = error.errors ?? {};
  if (errors['$.size'] && request.maxBytes) return tooLarge;
  const named = errors['$.contentType'] ?? errors['$.size'] ?? errors['$.fileName'];
  return named?.[0] ?? error.message;
}

/** Plain words for what an outsider sees happen (stage names are the only data the API gives them). */
function describe(entry) {
  switch (entry.type) {
    case 'StageEntered': return entry.stageName ? `Moved to ${entry.stageName}` : 'Moved to the next step';
    case 'StageExited': return entry.stageName ? `${entry.stageName} finished` : 'A step finished';
    case 'CaseClosed': return 'Case closed';
    case 'MessageSent': return entry.direction === 'fromExternal' ? 'You wrote to the team' : 'The team wrote to you';
    default: return humanize(entry.type);
  }
}

/**
 * A "Show earlier" button paging back through `/api/portal/{token}/{what}` from `first` (a continuation token): each
 * click hands the next older items to `add`, reading on past pages that hold none (the API reads a bounded stretch
 * per page). `next` says whether there was anything to page back to at the start.
 */
function earlierPages(label, what, first, add) {
  let next = first ?? null;
  const button = h('button', { type: 'button', class: 'button', text: label, hidden: !next });
  const problem = h('p', { class: 'field-error', role: 'alert', hidden: true });
  button.addEventListener('click', async () => {
    button.disabled = true;
    problem.hidden = true;
    try {
      let items = [];
      while (next && !items.length) {
        const page = await api(`/api/portal/${enc(token)}/${what}?continuationToken=${enc(next)}`, { token: null });
        items = page.items;
        next = page.continuationToken ?? null;
      }
      add(items);
      button.hidden = !next;
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
    } finally {
      button.disabled = false;
    }
  });
  return { button, problem, next };
}

/** What has happened, newest first; older entries a page at a time ("Show earlier"), back to the case's start. */
function publicTimeline(view) {
  const item = e => h('li', { class: 'tl-item' },
    timelineIcon(e.type),
    h('div', { class: 'tl-body' }, h('p', { class: 'tl-title' }, h('strong', { text: describe(e) })), h('p', { class: 'tl-meta' }, timeEl(h, e.at))));
  const list = h('ol', { class: 'timeline', 'aria-label': 'What has happened, newest first' }, [...view.timeline].reverse().map(item));
  const { button: more, problem, next } = earlierPages('Show earlier', 'timeline', view.timelineContinuationToken, items => list.append(...[...items].reverse().map(item)));
  return h('section', { class: 'card', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title', text: 'What has happened' }),
    view.timeline.length || next ? [list, problem, h('div', { class: 'actions' }, more)] : h('p', { class: 'hint', text: 'Nothing yet.' }));
}

addEventListener('hashchange', () => location.reload());
load();
