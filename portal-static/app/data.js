// Reads shared by several views, with a small cache for immutable template versions.
import { api, enc } from './api.js';

const templateCache = new Map();

/** A template version (immutable, so cached); the newest when `version` is omitted (not cached). */
export async function getTemplate(id, version) {
  const key = `${id}@${version}`;
  if (version && templateCache.has(key)) return templateCache.get(key);
  const template = await api(`/api/templates/${enc(id)}${version ? `?version=${version}` : ''}`);
  if (version && template.version !== version) return template;
  templateCache.set(`${id}@${template.version}`, template);
  return template;
}

/** The templates people can pick ({id, name, status}), archived ones last. */
export async function listTemplates() {
  const items = await api('/api/templates');
  return items.map(t => ({ id: t.id, name: t.name, status: t.status ?? 'active' }))
    .sort((a, b) => (a.status === 'archived') - (b.status === 'archived') || a.name.localeCompare(b.name));
}

/** Pages through `GET /api/cases` with `filters` until `limit` cases or the end. */
export async function listAllCases(filters = {}, limit = 500) {
  const items = [];
  let token = null;
  do {
    const query = new URLSearchParams({ ...filters, pageSize: '100' });
    if (token) query.set('continuationToken', token);
    const page = await api(`/api/cases?${query}`);
    items.push(...page.items);
    token = page.continuationToken;
  } while (token && items.length < limit);
  return items;
}
