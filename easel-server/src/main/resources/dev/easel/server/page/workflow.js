// Workflows in: API-format JSON (a bare prompt or the body of a POST /prompt), and the prompt
// that ComfyUI and Easel embed in the PNGs they save.
import { parseJson } from './api.js';
import { hasValueControl, inputNames, widgetKind } from './form.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isApiPrompt(value) {
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.values(value)
    .every((node) => isPlainObject(node) && typeof node.class_type === 'string' && isPlainObject(node.inputs));
}

function isUiWorkflow(json) {
  return isPlainObject(json) && Array.isArray(json.nodes) && Array.isArray(json.links);
}

/** The API prompt in a parsed JSON document (API format, a POST /prompt body or a UI workflow). */
export function apiPrompt(json, objectInfo) {
  if (isApiPrompt(json)) return json;
  if (isPlainObject(json) && isApiPrompt(json.prompt)) return json.prompt;
  if (isUiWorkflow(json)) {
    const prompt = fromUiWorkflow(json, objectInfo);
    if (Object.keys(prompt).length === 0) throw new Error('This UI-format workflow has no nodes that run.');
    return prompt;
  }
  throw new Error('Not a workflow: expected API format (nodes with a class_type and inputs) or ComfyUI\'s UI format (nodes and links).');
}

const MUTED = 2;
const BYPASSED = 4;
/** Node types that exist only in the editor: they never reach the server. */
const EDITOR_ONLY = new Set(['Reroute', 'PrimitiveNode', 'Note', 'MarkdownNote']);

/** A link as {origin, slot}, from either form: [id, origin, slot, target, targetSlot, type] or an object. */
function linkTable(links) {
  const table = new Map();
  for (const link of links) {
    if (Array.isArray(link)) table.set(link[0], { origin: link[1], slot: link[2] });
    else if (isPlainObject(link)) table.set(link.id, { origin: link.origin_id, slot: link.origin_slot });
  }
  return table;
}

/**
 * ComfyUI's UI-format workflow as the API prompt its editor would queue: widget values are read
 * in the order /object_info declares the widgets (a seed's "control after generate" value
 * skipped), links are followed through reroutes and bypassed nodes (to the bypassed node's input
 * of the type wanted, the one in the link's slot first), muted and bypassed nodes are left out
 * and so are inputs linked to them, editor-only nodes (reroutes, primitives, notes) never appear.
 */
export function fromUiWorkflow(workflow, objectInfo) {
  const subgraphs = new Set(((workflow.definitions || {}).subgraphs || []).map((g) => g.id));
  const nodes = new Map(workflow.nodes.map((n) => [n.id, n]));
  const links = linkTable(workflow.links);
  const runs = (node) => node.mode !== MUTED && node.mode !== BYPASSED && !EDITOR_ONLY.has(node.type);

  /** The [node id, slot] an input really reads, or null (nothing, or a value an editor-only node holds). */
  function source(linkId, type) {
    let link = links.get(linkId);
    for (let hops = 0; link && hops <= nodes.size; hops += 1) {
      const node = nodes.get(link.origin);
      if (!node) return null;
      if (node.type === 'Reroute') {
        link = links.get(((node.inputs || [])[0] || {}).link);
      } else if (node.mode === BYPASSED) {
        const inputs = node.inputs || [];
        const order = [link.slot, ...inputs.keys()];
        const through = order.map((i) => inputs[i]).find((input) => input && input.type === type);
        link = through ? links.get(through.link) : null;
      } else if (EDITOR_ONLY.has(node.type)) {
        return null;
      } else {
        return [String(node.id), link.slot];
      }
    }
    return null;
  }

  const prompt = {};
  for (const node of workflow.nodes) {
    if (!runs(node)) continue;
    if (subgraphs.has(node.type)) throw new Error(`Node #${node.id} is a subgraph; subgraphs are not supported yet.`);
    const info = objectInfo[node.type];
    const inputs = {};
    const values = node.widgets_values;
    if (info) {
      const widgets = [];
      for (const [name, spec] of inputNames(info)) {
        const widget = spec && widgetKind(spec);
        if (!widget) continue;
        widgets.push(name);
        if (hasValueControl(name, widget)) widgets.push(null);
      }
      if (Array.isArray(values)) values.forEach((v, i) => { if (widgets[i]) inputs[widgets[i]] = v; });
      else if (isPlainObject(values)) widgets.forEach((name) => { if (name && name in values) inputs[name] = values[name]; });
    }
    for (const input of node.inputs || []) {
      if (input.link === null || input.link === undefined) continue;
      const from = source(input.link, input.type);
      if (from) inputs[input.name] = from;
    }
    const title = node.title || (info && info.display_name) || node.type;
    prompt[String(node.id)] = { inputs, class_type: node.type, _meta: { title } };
  }
  // inputs linked to nodes that do not run (muted, or bypassed with nothing to pass on) are dropped
  for (const node of Object.values(prompt)) {
    for (const [name, value] of Object.entries(node.inputs)) {
      if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && !(value[0] in prompt)) {
        delete node.inputs[name];
      }
    }
  }
  return prompt;
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
export async function readWorkflowFile(file, objectInfo) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const texts = await pngText(bytes);
    const embedded = texts.prompt || texts.workflow;
    if (!embedded) throw new Error(`${file.name} has no embedded workflow (no "prompt" or "workflow" text in the PNG).`);
    return { name: file.name, prompt: apiPrompt(parseJson(embedded), objectInfo) };
  }
  let json;
  try {
    json = parseJson(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Error(`${file.name} is neither JSON nor a PNG: ${e.message}`);
  }
  return { name: file.name, prompt: apiPrompt(json, objectInfo) };
}
