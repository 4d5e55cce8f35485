// The public intake form: /intake.html#<slug>. Anyone may open a case of a template whose intake is enabled; the
// form is drawn from its description (GET /api/intake/{slug}), and the answer holds the submitter's own portal link,
// shown once, to follow the case. Built like the external page: phone first, plain words, everything from the API
// as text. A hidden "website" field catches robots (the API refuses a filled one).
import { h, mount, field } from './dom.js';
import { showErrors, clearErrors } from './forms.js';
import { api, enc } from './api.js';
import { formatAbsolute } from './format.js';
import { fieldControl, valueOf } from './components/fieldInputs.js';

const main = document.getElementById('main');
const slug = location.hash.replace(/^#/, '');

function showUnavailable() {
  document.title = 'Form not available · CaseFy';
  mount(main, h('section', { class: 'card empty' },
    h('h1', { text: 'This form is not available' }),
    h('p', { text: 'It may have been closed. Please ask the organisation that sent you here for another way to reach them.' })));
  main.focus({ preventScroll: true });
}

async function load() {
  if (!/^[a-z0-9-]{3,60}$/.test(slug)) return showUnavailable();
  try {
    render(await api(`/api/intake/${enc(slug)}`, { token: null }));
  } catch (error) {
    if (error.status === 404 || error.status === 400) return showUnavailable();
    mount(main, h('section', { class: 'card empty' }, h('h1', { text: 'Please try again' }), h('p', { text: error.message })));
  }
}

function render(form) {
  document.title = `${form.template} · CaseFy`;
  const name = field('Your name (required)', h('input', { type: 'text', autocomplete: 'name', maxlength: 200 }));
  const domains = form.allowedEmailDomains ?? [];
  const email = field('Your e-mail address (required)', h('input', { type: 'email', autocomplete: 'email', maxlength: 254 }),
    domains.length ? `An address at ${domains.join(', ')}.` : undefined);
  const asked = (form.fields ?? []).map(f => [f, fieldControl(f)]);
  const fields = { '$.name': name, '$.email': email, ...Object.fromEntries(asked.map(([f, control]) => [`$.${f.key}`, control])) };
  const trap = h('input', { type: 'text', name: 'website', tabindex: '-1', autocomplete: 'off' });
  const formError = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'button primary', text: 'Send' });
  const element = h('form', { class: 'answers', novalidate: true },
    name.wrap, email.wrap, asked.map(([, control]) => control.wrap),
    h('div', { class: 'visually-hidden', 'aria-hidden': 'true' }, h('label', {}, 'Leave this empty ', trap)),
    formError, button);
  element.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(fields, formError);
    const data = {};
    for (const [f, control] of asked) {
      const value = valueOf(f, control.input);
      if (value !== undefined) data[f.key] = value;
    }
    const body = { name: name.input.value.trim(), email: email.input.value.trim(), data };
    if (trap.value) body.website = trap.value;
    button.disabled = true;
    try {
      received(await api(`/api/intake/${enc(slug)}`, { method: 'POST', body, token: null }));
    } catch (error) {
      showErrors(error, fields, formError);
      button.disabled = false;
    }
  });
  mount(main,
    h('h1', { text: form.template }),
    form.description ? h('p', { class: 'hint', text: form.description }) : null,
    h('section', { class: 'card', 'aria-labelledby': 'intake-title' }, h('h2', { id: 'intake-title', text: 'Tell us about your case' }), element));
  main.focus({ preventScroll: true });
}

/** The receipt: the case number and the submitter's own link, shown this once. */
function received(receipt) {
  document.title = 'Received · CaseFy';
  mount(main, h('section', { class: 'card', 'aria-labelledby': 'received-title' },
    h('h1', { id: 'received-title', text: 'Thank you, your case was opened' }),
    receipt.number ? h('p', {}, 'Its number is ', h('strong', { class: 'case-number', text: receipt.number }), '.') : null,
    h('p', { text: `Keep this personal link to follow your case; it is shown only now and works until ${formatAbsolute(receipt.expiresAt)}.` }),
    h('p', {}, h('a', { href: receipt.url, class: 'button primary', text: 'Follow your case' }))));
  main.focus({ preventScroll: true });
}

load();
