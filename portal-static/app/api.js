// The HTTP API as the portal uses it: JSON in and out, problem+json errors turned into ApiError.
import { currentSession } from './session.js';
import { apiUrl } from './config.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** Validation errors keyed by JSON path (`$.stages[0].name`), as the API reports them. */
  get errors() {
    return this.problem.errors ?? {};
  }
}

/** Called with the error when the API says the session is not (or no longer) valid. */
let onUnauthorized = () => {};
export const setUnauthorizedHandler = handler => { onUnauthorized = handler; };

// `file` sends multipart/form-data: the `fields` first (a message's text), then the file part named `file`.
export async function api(path, { method = 'GET', body, file, fields, token, signal, headers: extra } = {}) {
  const headers = { Accept: 'application/json', ...extra };
  const bearer = token === undefined ? currentSession()?.token : token;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let payload;
  if (file) {
    payload = new FormData();
    for (const [name, value] of Object.entries(fields ?? {})) payload.append(name, value);
    payload.append('file', file, file.name);
  } else if (body !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    payload = JSON.stringify(body);
  }
  const url = await resolve(path);
  let response;
  try {
    // Bearer tokens only: no cookies go to the API's origin (its CORS policy allows no credentials either).
    response = await fetch(url, { method, headers, body: payload, signal, credentials: 'omit' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'CaseFy cannot be reached. Check your connection and try again.' });
  }
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && token === undefined) onUnauthorized(error);
    throw error;
  }
  return data;
}

export const enc = encodeURIComponent;

async function resolve(path) {
  try {
    return await apiUrl(path);
  } catch (error) {
    throw new ApiError(0, { title: `CaseFy cannot be reached: ${error.message}` });
  }
}

/** Fetches a file with the session's token and hands it to the browser as a download. */
export async function download(path, fallbackName) {
  const headers = {};
  const bearer = currentSession()?.token;
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await fetch(await resolve(path), { headers, credentials: 'omit' });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: decodeURIComponent(name) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
