// Sign in: OpenID Connect against the provider /api/config names — Entra ID when deployed, the local host's
// development issuer ("sign in as") locally. The provider's page does the rest (app/auth.js).
import { h, mount } from '../dom.js';
import { signInSettings, signIn, takeSignInError } from '../auth.js';

// What the page says when nobody can sign in from here: plainly, with no way around it (the app never runs
// without a token, and it never pretends to know someone's role).
const CANNOT_SIGN_IN = {
  none: 'Sign-in is not configured for this CaseFy installation, so nobody can sign in. Ask your administrator to set it up.',
  unreachable: 'CaseFy could not read its sign-in settings. Check your connection and reload the page; if it keeps happening, ask your administrator.',
};

const HINTS = {
  dev: 'Local development: the local development issuer stands in for Microsoft Entra ID and lets you sign in as anyone. Its tokens work only on this machine.',
  entra: 'You sign in with your organisation\'s Microsoft account.',
};

export async function render(main) {
  const config = await signInSettings();
  const mode = config ? config.mode ?? 'none' : 'unreachable';
  const card = h('section', { class: 'signin card', 'aria-labelledby': 'signin-title' }, h('h1', { id: 'signin-title', text: 'Sign in to CaseFy' }));
  mount(main, h('div', { class: 'signin-page' }, card));

  if (!HINTS[mode] || !config.authority) {
    card.append(h('p', { class: 'notice', role: 'status', text: CANNOT_SIGN_IN[mode] ?? CANNOT_SIGN_IN.none }));
    return;
  }

  const failed = takeSignInError();
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: !failed, text: failed ?? '' });
  const button = h('button', { type: 'button', class: 'button primary', text: 'Sign in' });
  card.append(h('p', { class: 'hint', text: HINTS[mode] }), formError, h('div', { class: 'actions' }, button));
  button.focus();
  button.addEventListener('click', async () => {
    button.disabled = true;
    formError.hidden = true;
    try {
      await signIn();
    } catch (error) {
      formError.textContent = `Sign-in could not start: ${error.message}`;
      formError.hidden = false;
      button.disabled = false;
    }
  });
}
