// The API token of a server started with --auth: asked for when the API answers 401, kept for
// this browser tab's session, sent as a Bearer header on fetches and as ?token= where a browser
// cannot send a header (the WebSocket, image URLs).

const KEY = 'easel.token';
let asking = null;

export function token() {
  return sessionStorage.getItem(KEY);
}

/** The headers of a fetch, with the token's Authorization when there is one. */
export function authorized(headers = {}) {
  const t = token();
  return t ? { ...headers, Authorization: `Bearer ${t}` } : headers;
}

/** A relative URL with ?token= added when there is a token. */
export function withToken(url) {
  const t = token();
  if (!t) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams({ token: t })}`;
}

/** While the token form is open, a promise of the token entered; otherwise null. */
export function tokenAsked() {
  return asking;
}

/**
 * Shows the token form and resolves once a token was entered; callers that meet a 401 at the
 * same time share one form. A token that was sent and refused is forgotten and the form says so.
 */
export function askForToken(refused) {
  if (refused) sessionStorage.removeItem(KEY);
  if (!asking) {
    asking = new Promise((resolve) => {
      const form = document.getElementById('token-form');
      const input = document.getElementById('token-input');
      document.getElementById('token-message').textContent = refused
        ? 'That token was refused (mistyped, or revoked). Enter a valid one.'
        : 'This server needs an API token. Ask its admin, who makes one with easel users add NAME.';
      form.hidden = false;
      input.value = '';
      input.focus();
      form.onsubmit = (event) => {
        event.preventDefault();
        const entered = input.value.trim();
        if (!entered) return;
        sessionStorage.setItem(KEY, entered);
        form.hidden = true;
        asking = null;
        resolve(entered);
      };
    });
  }
  return asking;
}
