// The server's HTTP API. Every address is relative to the page, so the page also works when a
// reverse proxy serves Easel under a sub-path.
import { askForToken, authorized, withToken } from './auth.js';

/** JSON.parse that keeps integers beyond 2^53 (seeds go up to 2^64 - 1) exact, as BigInt. */
export function parseJson(text) {
  return JSON.parse(text, (key, value, context) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && context && /^-?\d+$/.test(context.source)
      ? BigInt(context.source) : value);
}

/** JSON.stringify that writes BigInt values as plain JSON integers. */
export function toJson(value) {
  return JSON.stringify(value, (key, v) => (typeof v === 'bigint' ? JSON.rawJSON(v.toString()) : v));
}

/** A request the server refused: the status and its body (JSON when it sent JSON). */
export class ApiError extends Error {
  constructor(path, status, body, text) {
    super(`${path}: HTTP ${status}${text ? ` ${text.slice(0, 200)}` : ''}`);
    this.status = status;
    this.body = body;
  }
}

/** A fetch; a 401 (a server started with --auth) asks for a token and tries again with it. */
async function request(path, options = {}) {
  const sent = authorized(options.headers);
  const response = await fetch(path, { ...options, headers: sent });
  if (response.status === 401) {
    await askForToken(Boolean(sent.Authorization));
    return request(path, options);
  }
  const text = await response.text();
  let body = null;
  if (text && (response.headers.get('Content-Type') || '').includes('json')) body = parseJson(text);
  if (!response.ok) throw new ApiError(path, response.status, body, text);
  return body;
}

function post(path, body) {
  return request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: toJson(body) });
}

// The page's own setting among the user's settings (per user with --auth or --multi-user);
// an unset one reads as null.
const RECENT_SETTING = 'settings/Easel.RecentWorkflows';

export const api = {
  recentWorkflows: () => request(RECENT_SETTING),
  keepRecentWorkflows: (list) => post(RECENT_SETTING, list),
  objectInfo: () => request('object_info'),
  queue: () => request('queue'),
  defaultWorkflow: () => request('page/default-text-to-image.json'),
  queuePrompt: (prompt, clientId, previewMethod) =>
    post('prompt', { prompt, client_id: clientId, extra_data: { preview_method: previewMethod } }),
  cancelPending: (promptId) => post('queue', { delete: [promptId] }),
  interrupt: (promptId) => post('interrupt', { prompt_id: promptId }),
  finishedJobs: (offset, limit) => request(`api/jobs?${new URLSearchParams({
    status: 'completed', sort_order: 'desc', offset, limit })}`),
  job: (promptId) => request(`api/jobs/${encodeURIComponent(promptId)}`),
  /** An image's URL; `owner` (the jobs API's, with --auth) lets an admin show another user's image from their folders. */
  viewUrl: (image, owner) => withToken(`view?${new URLSearchParams({
    filename: image.filename, subfolder: image.subfolder || '', type: image.type || 'output', ...(owner ? { user: owner } : {}) })}`),
};
