// Workflows in: API-format JSON (a bare prompt or the body of a POST /prompt), and the prompt
// that ComfyUI and Easel embed in the PNGs they save.
import { parseJson } from './api.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isApiPrompt(value) {
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.values(value)
    .every((node) => isPlainObject(node) && typeof node.class_type === 'string' && isPlainObject(node.inputs));
}

/** The API prompt in a parsed JSON document, or an error saying what the document is instead. */
export function apiPrompt(json) {
  if (isApiPrompt(json)) return json;
  if (isPlainObject(json) && isApiPrompt(json.prompt)) return json.prompt;
  if (isPlainObject(json) && Array.isArray(json.nodes) && Array.isArray(json.links)) {
    throw new Error('This is a UI-format workflow (nodes and links). Open the API format instead '
      + '(ComfyUI: Workflow > Export (API)).');
  }
  throw new Error('Not an API-format workflow: expected an object of nodes, each with a class_type and inputs.');
}

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The text chunks of a PNG (tEXt, zTXt, iTXt), keyword to text, the first of each keyword kept. */
export async function pngText(bytes) {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('Not a PNG file.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = new TextDecoder('latin1');
  const utf8 = new TextDecoder();
  const texts = {};
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = latin1.decode(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length));
    at += 12 + length;
    if (type === 'IEND') break;
    const nul = data.indexOf(0);
    if (nul < 0 || !['tEXt', 'zTXt', 'iTXt'].includes(type)) continue;
    const keyword = latin1.decode(data.subarray(0, nul));
    if (keyword in texts) continue;
    if (type === 'tEXt') {
      texts[keyword] = latin1.decode(data.subarray(nul + 1));
    } else if (type === 'zTXt') {
      texts[keyword] = latin1.decode(await inflate(data.subarray(nul + 2)));
    } else {
      const compressed = data[nul + 1] === 1;
      const language = data.indexOf(0, nul + 3);
      const translated = data.indexOf(0, language + 1);
      const body = data.subarray(translated + 1);
      texts[keyword] = utf8.decode(compressed ? await inflate(body) : body);
    }
  }
  return texts;
}

/** A workflow read from a file the user opened or dropped: {name, prompt}. */
export async function readWorkflowFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const texts = await pngText(bytes);
    if (!texts.prompt) throw new Error(`${file.name} has no embedded workflow (no "prompt" text in the PNG).`);
    return { name: file.name, prompt: apiPrompt(parseJson(texts.prompt)) };
  }
  let json;
  try {
    json = parseJson(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Error(`${file.name} is neither JSON nor a PNG: ${e.message}`);
  }
  return { name: file.name, prompt: apiPrompt(json) };
}
