// Direct uploads: the API hands out a short-lived URL that can only create this one file in Blob Storage, the browser
// PUTs the file there (it never passes through the API), then asks the API to record it.
import { api, enc, ApiError } from './api.js';

/** Uploads `file` as the next version of document `key` under `base` (`/api/portal/{token}` or `/api/cases/{id}`). */
export async function uploadDirect(base, key, file, { token } = {}) {
  const ticket = await api(`${base}/documents/${enc(key)}/upload-url`, {
    method: 'POST',
    token,
    body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size },
  });
  let stored;
  try {
    stored = await fetch(ticket.uploadUrl, { method: ticket.method, headers: ticket.headers, body: file, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch {
    throw new ApiError(0, { title: 'Your file could not be sent. Check your connection and try again.' });
  }
  if (!stored.ok) throw new ApiError(stored.status, { title: storageProblem(stored.status) });
  await api(ticket.confirmUrl, { method: 'POST', token });
}

function storageProblem(status) {
  // 409/403 on a create-only URL: the file exists already (another upload took this version) or the link expired.
  if (status === 409 || status === 403) return 'Your file could not be stored: someone sent a file at the same moment, or the upload took too long. Please try again.';
  return `Your file could not be stored (error ${status}). Please try again.`;
}
