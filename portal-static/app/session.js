// Who is signed in: the bearer token lives in sessionStorage (gone when the tab closes), never in localStorage.
const KEY = 'casefy.session';

/** Reads a JWT's payload for display (name, roles, expiry); the API validates the token, not this code. */
function decodePayload(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), c => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return {};
  }
}

export function currentSession() {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw);
    // A session is a token: anything else kept under this key (an expired token, an old tokenless entry) is not one.
    if (!session.token || (session.expiresAt && Date.now() > session.expiresAt)) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

/** Keeps the access token and who it is for (its claims, else the ID token's `profile`) for this tab. */
export function startSession(token, profile = {}) {
  const claims = { ...profile, ...decodePayload(token) };
  const roles = Array.isArray(claims.roles) ? claims.roles : claims.roles ? [claims.roles] : [];
  const session = {
    token,
    id: claims.oid ?? claims.sub ?? null,
    name: claims.name ?? claims.preferred_username ?? 'Signed in',
    roles,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function endSession() {
  sessionStorage.removeItem(KEY);
}

/** What the signed-in person may do, from their app roles (the API enforces the same rules). */
export function can(action) {
  const roles = currentSession()?.roles ?? [];
  const admin = roles.includes('CaseFy.Admin');
  const member = admin || roles.includes('CaseFy.Member');
  switch (action) {
    case 'templates': return admin;
    case 'work': return member;
    default: return roles.length > 0;
  }
}

/**
 * What the signed-in person may do on one case: 'manage' (also portal links and people), 'work', 'read' or 'none'.
 * The same rule as the API's CaseAccessRules: admins manage every case; otherwise the app role caps the case role.
 */
export function caseAccess(c) {
  const session = currentSession();
  const roles = session?.roles ?? [];
  if (roles.includes('CaseFy.Admin')) return 'manage';
  const role = c.participants?.find(p => p.id === session?.id)?.role;
  if (!role || !(roles.includes('CaseFy.Member') || roles.includes('CaseFy.Viewer'))) return 'none';
  if (!roles.includes('CaseFy.Member')) return 'read';
  return role === 'owner' ? 'manage' : role === 'member' ? 'work' : 'read';
}

export function roleLabel(roles) {
  if (roles.includes('CaseFy.Admin')) return 'Admin';
  if (roles.includes('CaseFy.Member')) return 'Member';
  if (roles.includes('CaseFy.Viewer')) return 'Viewer';
  return 'No role';
}
