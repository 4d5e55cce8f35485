// Sign-in with OpenID Connect (authorization code + PKCE) through oidc-client-ts: one code path for Entra ID when
// deployed and for the local host's development issuer, which stands in for it (docs/PORTAL.md, "Sign-in").
import { api, ApiError } from './api.js';
import { startSession, endSession } from './session.js';

const LIBRARY = '/vendor/oidc-client-ts.min.js';
const RETURN_TO = 'casefy.returnTo';
const SIGN_IN_ERROR = 'casefy.signInError';
let settings = null;
let manager = null;

/** The server's sign-in settings ({mode, authority, clientId, scopes}); null when /api/config does not answer. */
export async function signInSettings() {
  if (settings) return settings;
  try {
    settings = (await api('/api/config', { token: null })).signIn ?? { mode: 'none' };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return null;
  }
  return settings;
}

// The library's browser build (a classic script defining `oidc`), loaded only when signing in or out.
function loadLibrary() {
  if (globalThis.oidc) return Promise.resolve(globalThis.oidc);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = LIBRARY;
    script.addEventListener('load', () => resolve(globalThis.oidc));
    script.addEventListener('error', () => reject(new Error('The sign-in library could not be loaded. Reload the page.')));
    document.head.append(script);
  });
}

async function userManager() {
  if (manager) return manager;
  const config = await signInSettings();
  if (!config?.authority || !config.clientId) throw new Error('Sign-in is not configured.');
  const { UserManager, WebStorageStateStore } = await loadLibrary();
  const home = `${location.origin}/`;
  // Everything in sessionStorage (gone with the tab), nothing in localStorage; no hidden-iframe renewal (the CSP
  // forbids framing): when the token expires, the person signs in again.
  const store = new WebStorageStateStore({ store: sessionStorage });
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: 'code',
    scope: ['openid', 'profile', ...(config.scopes ?? [])].join(' '),
    userStore: store,
    stateStore: store,
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
  return manager;
}

/** Sends the browser to the provider's sign-in page; it comes back to `/?code=…&state=…`. */
export async function signIn(returnTo) {
  if (returnTo) sessionStorage.setItem(RETURN_TO, returnTo);
  await (await userManager()).signinRedirect();
}

/** Whether this page load is the provider sending the browser back (after sign-in or sign-out). */
export function isRedirectBack() {
  const query = new URLSearchParams(location.search);
  return query.has('state') || query.has('error');
}

/**
 * Finishes a sign-in (exchanges the code for tokens, with the PKCE verifier) or a sign-out, then takes the query off
 * the address. Returns the hash route to go to.
 */
export async function completeRedirect() {
  const query = new URLSearchParams(location.search);
  let next = '/signin';
  try {
    const users = await userManager();
    if (query.has('code') || query.has('error')) {
      const user = await users.signinRedirectCallback();
      startSession(user.access_token, user.profile);
      next = sessionStorage.getItem(RETURN_TO) || '/';
    } else {
      await users.signoutRedirectCallback();
    }
  } catch (error) {
    // A refused or broken sign-in (cancelled, expired code, state mismatch): said on the sign-in page.
    sessionStorage.setItem(SIGN_IN_ERROR, error.error === 'access_denied' ? 'Sign-in was cancelled.' : `Sign-in did not complete: ${error.error_description || error.message}`);
  }
  sessionStorage.removeItem(RETURN_TO);
  history.replaceState(null, '', `${location.pathname}#${next}`);
  return next;
}

/** What went wrong with the last sign-in, once. */
export function takeSignInError() {
  const message = sessionStorage.getItem(SIGN_IN_ERROR);
  sessionStorage.removeItem(SIGN_IN_ERROR);
  return message;
}

/** Ends the session here and, when the provider has an end-session endpoint, there too: true when the browser is on its way there. */
export async function signOut() {
  endSession();
  try {
    const users = await userManager();
    if (await users.metadataService.getEndSessionEndpoint()) {
      await users.signoutRedirect();
      return true;
    }
    await users.removeUser();
  } catch {
    // Signed out here all the same; the provider's session (if any) ends when the browser closes.
  }
  return false;
}
