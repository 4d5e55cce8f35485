// The external case page, opened from a portal link: /portal.html#<token>. The token stays in the fragment
// (browsers never send it to a server or in a Referer) and is sent only to the API, in the request path.
import { h, mount, toast } from './dom.js';
import { api, enc } from './api.js';
import { formatAbsolute, humanize, timeEl, formatBytes } from './format.js';
import { stageProgress } from './components/stageProgress.js';

const main = document.getElementById('main');
const token = decodeURIComponent(location.hash.replace(/^#/, ''));

/** One neutral message for every kind of bad link: expired, revoked, mistyped or unknown look the same. */
function showUnavailable() {
  document.title = 'Link not available · CaseFy';
  mount(main, h('section', { class: 'card empty' },
    h('h1', { text: 'This link is not available' }),
    h('p', { text: 'It may have expired or been withdrawn. Please ask the person who sent it to you for a new link.' })));
}

async function load() {
  if (!/^[\w-]{16,}$/.test(token)) return showUnavailable();
  let view;
  try {
    view = await api(`/api/portal/${enc(token)}`, { token: null });
  } catch (error) {
    if (error.status === 404 || error.status === 400) return showUnavailable();
    mount(main, h('section', { class: 'card empty' }, h('h1', { text: 'Please try again' }), h('p', { text: error.message })));
    return;
  }
  render(view);
}

function render(view) {
  document.title = `${view.title} · CaseFy`;
  const closed = view.status === 'closed';
  const requests = view.requestedDocuments ?? [];
  mount(main,
    h('p', { class: 'hint', text: `Hello ${view.yourName}. This page shows where your case stands.` }),
    h('div', { class: 'title-row' }, h('h1', { text: view.title }), h('span', { class: `badge ${closed ? 'badge-neutral' : 'badge-info'}`, text: closed ? 'Closed' : 'In progress' })),
    h('section', { class: 'progress-wrap', 'aria-labelledby': 'where-title' },
      h('h2', { id: 'where-title', class: 'visually-hidden', text: 'Where the case stands' }),
      stageProgress(view.stages, { currentStage: view.currentStage, status: view.status })),
    view.actions.includes('upload') && requests.length ? uploads(view, requests) : null,
    view.actions.includes('view') ? publicTimeline(view) : null,
    h('p', { class: 'portal-note', text: `This personal link works until ${formatAbsolute(view.expiresAt)}. Do not share it.` }));
  main.focus({ preventScroll: true });
}

function uploads(view, requests) {
  return h('section', { class: 'card', 'aria-labelledby': 'asked-title' },
    h('h2', { id: 'asked-title', text: 'What we need from you' }),
    h('ul', { class: 'checklist' }, requests.map(request => {
      const input = h('input', { type: 'file', id: `file-${request.key}`, accept: (request.contentTypes ?? []).join(',') || null });
      const button = h('button', { type: 'submit', class: 'button primary', text: 'Upload' });
      const limits = [request.contentTypes?.length ? `Types: ${request.contentTypes.join(', ')}` : null, request.maxBytes ? `up to ${formatBytes(request.maxBytes)}` : null].filter(Boolean).join(' · ');
      const form = h('form', { class: 'upload-row' },
        h('label', { for: input.id, text: `Choose a file for “${request.name}”` }), input, limits ? h('p', { class: 'hint', text: limits }) : null, button);
      form.addEventListener('submit', async event => {
        event.preventDefault();
        if (!input.files?.length) return toast('Choose a file first.', 'error');
        button.disabled = true;
        try {
          await api(`/api/portal/${enc(token)}/documents/${enc(request.key)}`, { method: 'POST', file: input.files[0], token: null });
          toast('Thank you, your file was received.', 'success');
          await load();
        } catch (error) {
          toast(error.message, 'error');
          button.disabled = false;
        }
      });
      const done = request.uploaded ?? request.status === 'uploaded';
      return h('li', { class: `check ${done ? 'check-done' : ''}` },
        h('div', {}, h('strong', { text: request.name }), request.description ? h('p', { class: 'hint', text: request.description }) : null,
          done ? h('p', { class: 'hint', text: `Received${request.fileName ? `: ${request.fileName}` : ''}` }) : null),
        form);
    })));
}

function publicTimeline(view) {
  const entries = [...view.timeline].reverse();
  return h('section', { class: 'card', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title', text: 'What has happened' }),
    entries.length
      ? h('ol', { class: 'timeline' }, entries.map(e => h('li', { class: 'tl-item' },
        h('span', { class: 'tl-icon', 'aria-hidden': 'true', text: '•' }),
        h('div', { class: 'tl-body' }, h('p', { class: 'tl-title' }, h('strong', { text: humanize(e.type) }), e.stageName ? ` · ${e.stageName}` : ''), h('p', { class: 'tl-meta' }, timeEl(h, e.at))))))
      : h('p', { class: 'hint', text: 'Nothing yet.' }));
}

addEventListener('hashchange', () => location.reload());
load();
