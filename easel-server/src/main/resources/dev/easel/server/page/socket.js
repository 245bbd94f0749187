// The /ws connection: one client id per browser tab (kept across reloads), the feature flags
// that switch previews to type-4 frames, binary frame decoding, and reconnects with backoff.
import { tokenAsked, withToken } from './auth.js';

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 10000;

function tabClientId() {
  let id = sessionStorage.getItem('easel.clientId');
  if (!id) {
    // getRandomValues, unlike randomUUID, also exists on plain http from another host
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem('easel.clientId', id);
  }
  return id;
}

/**
 * An image frame: type 1 is [u32 1][u32 format: 1 JPEG, 2 PNG][image], type 4 is
 * [u32 4][u32 length][metadata JSON][image]. Other types (3, progress text) give null.
 */
export function decodeFrame(buffer) {
  const view = new DataView(buffer);
  const type = view.getUint32(0);
  if (type === 1) {
    const mime = view.getUint32(4) === 2 ? 'image/png' : 'image/jpeg';
    return { mime, metadata: null, blob: new Blob([buffer.slice(8)], { type: mime }) };
  }
  if (type === 4) {
    const length = view.getUint32(4);
    const metadata = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, length)));
    const mime = metadata.image_type || 'image/jpeg';
    return { mime, metadata, blob: new Blob([buffer.slice(8 + length)], { type: mime }) };
  }
  return null;
}

export class Socket {
  /** handlers: message(type, data), image(frame), state(name, text). */
  constructor(handlers) {
    this.handlers = handlers;
    this.clientId = tabClientId();
    this.attempt = 0;
    this.ws = null;
    this.watched = null;
  }

  /** Asks for another client's job's messages (Easel's watch message), now and after every reconnect. */
  watchJob(promptId) {
    this.watched = promptId;
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.sendWatch();
  }

  sendWatch() {
    this.ws.send(JSON.stringify({ type: 'watch', data: { prompt_id: this.watched } }));
  }

  connect() {
    // with --auth, an attempt while the page asks for the token would only be refused
    const asked = tokenAsked();
    if (asked) {
      asked.then(() => this.connect());
      return;
    }
    const url = new URL(withToken(`ws?clientId=${this.clientId}`), location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.handlers.state('connecting', 'connecting');
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      this.attempt = 0;
      // type-4 previews (ComfyUI's), and Easel's remaining_time estimates
      ws.send(JSON.stringify({ type: 'feature_flags',
        data: { supports_preview_metadata: true, supports_remaining_time: true } }));
      if (this.watched) this.sendWatch();
      this.handlers.state('connected', 'connected');
    };
    ws.onmessage = (event) => {
      if (typeof event.data === 'string') {
        const message = JSON.parse(event.data);
        this.handlers.message(message.type, message.data);
      } else {
        const frame = decodeFrame(event.data);
        if (frame) this.handlers.image(frame);
      }
    };
    ws.onclose = () => this.retry();
  }

  retry() {
    const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt);
    this.attempt += 1;
    this.handlers.state('disconnected', `disconnected, retrying in ${(delay / 1000).toFixed(1)} s`);
    setTimeout(() => this.connect(), delay);
  }
}
