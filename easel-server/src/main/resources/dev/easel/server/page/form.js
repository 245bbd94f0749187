// Form controls for a workflow's widget inputs (the constants of its nodes), generated from the
// /object_info types, ranges and choices. Linked inputs are not widgets and stay as they are.

const SEED_INPUTS = new Set(['seed', 'noise_seed']);

/** Whether a widget has ComfyUI's "control after generate" companion (randomize, fixed, ...). */
export function hasValueControl(name, widget) {
  return widget.options.control_after_generate ?? (widget.kind === 'int' && SEED_INPUTS.has(name));
}

export function isLink(value) {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number';
}

/** What kind of control an input spec [TYPE, options] asks for, or null for a link-only type. */
export function widgetKind(spec) {
  const [type, options = {}] = spec;
  if (options.forceInput) return null;
  if (Array.isArray(type)) return { kind: 'choice', choices: type, options };
  if (type === 'COMBO') return { kind: 'choice', choices: options.options || [], options };
  if (['INT', 'FLOAT', 'STRING', 'BOOLEAN'].includes(type)) return { kind: type.toLowerCase(), options };
  return null;
}

/** A node type's inputs as [name, spec], required then optional, in declaration order. */
export function inputNames(info) {
  const order = info.input_order || {};
  return ['required', 'optional'].flatMap((section) =>
    (order[section] || Object.keys((info.input || {})[section] || {})).map((name) => [name, info.input[section][name]]));
}

/** The widgets of a prompt: nodes with prompt texts first, then by id; each with its inputs in declaration order. */
export function widgets(prompt, objectInfo) {
  const nodes = [];
  for (const [id, node] of Object.entries(prompt)) {
    const info = objectInfo[node.class_type];
    if (!info) continue;
    const inputs = [];
    for (const [name, spec] of inputNames(info)) {
      const value = node.inputs[name];
      const widget = spec && widgetKind(spec);
      if (value === undefined || isLink(value) || !widget) continue;
      inputs.push({ name, value, ...widget, seed: widget.kind === 'int' && hasValueControl(name, widget) });
    }
    if (inputs.length === 0) continue;
    const title = (node._meta && node._meta.title) || info.display_name || node.class_type;
    const texts = inputs.some((input) => input.kind === 'string' && input.options.multiline);
    nodes.push({ id, classType: node.class_type, title, inputs, texts });
  }
  const byId = (a, b) => a.id.localeCompare(b.id, undefined, { numeric: true });
  return nodes.sort((a, b) => (b.texts - a.texts) || byId(a, b));
}

function element(tag, attributes = {}, children = []) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children);
  return el;
}

function control(input, id) {
  const { kind, options } = input;
  if (kind === 'string' && options.multiline) return element('textarea', { id, rows: 3 }, [String(input.value)]);
  if (kind === 'string') return element('input', { id, type: 'text', value: String(input.value) });
  if (kind === 'boolean') return element('input', { id, type: 'checkbox', checked: input.value === true });
  if (kind === 'choice') {
    const choices = input.choices.map(String);
    const select = element('select', { id }, choices.map((c) => element('option', { value: c }, [c])));
    if (!choices.includes(String(input.value))) {
      select.prepend(element('option', { value: String(input.value) }, [`${input.value} (not on this server)`]));
    }
    select.value = String(input.value);
    return select;
  }
  // floats take any value: a workflow's 7.25 is not marked invalid for a 0.1 step
  const step = kind === 'int' ? (options.step ?? 1) : 'any';
  return element('input', { id, type: 'number', inputmode: kind === 'int' ? 'numeric' : 'decimal',
    min: options.min, max: options.max, step, value: String(input.value) });
}

function parseInteger(text) {
  if (!/^-?\d+$/.test(text.trim())) return null;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : BigInt(text.trim());
}

/** A uniformly drawn integer in [min, max], as BigInt. */
function randomInteger(min, max) {
  const span = BigInt(max) - BigInt(min) + 1n;
  const [random] = crypto.getRandomValues(new BigUint64Array(1));
  return BigInt(min) + (span > 0n ? random % span : 0n);
}

/**
 * Builds the form into container and returns {values()}: the prompt with the values shown
 * (seeds marked "randomize" are drawn first and shown). Throws an Error naming the field when a
 * value cannot be read.
 */
export function renderForm(container, prompt, objectInfo) {
  container.replaceChildren();
  const fields = [];
  for (const node of widgets(prompt, objectInfo)) {
    const fieldset = element('fieldset', { 'data-node': node.id },
      [element('legend', {}, [`${node.title} `, element('span', { class: 'node-id' }, [`#${node.id}`])])]);
    for (const input of node.inputs) {
      const id = `field-${node.id}-${input.name}`;
      const el = control(input, id);
      el.dataset.node = node.id;
      el.dataset.input = input.name;
      if (input.options.tooltip) el.title = input.options.tooltip;
      const row = element('div', { class: `field ${input.kind}` }, [element('label', { for: id }, [input.name]), el]);
      let randomize = null;
      if (input.seed) {
        randomize = element('input', { type: 'checkbox', id: `${id}-randomize`, 'data-randomize': input.name });
        row.append(element('label', { class: 'randomize' }, [randomize, ' randomize']));
      }
      fieldset.append(row);
      fields.push({ node, input, el, randomize });
    }
    container.append(fieldset);
  }
  return {
    values() {
      const result = structuredClone(prompt);
      for (const { node, input, el, randomize } of fields) {
        if (randomize && randomize.checked) {
          el.value = String(randomInteger(input.options.min ?? 0, input.options.max ?? Number.MAX_SAFE_INTEGER));
        }
        result[node.id].inputs[input.name] = readValue(node, input, el);
      }
      return result;
    },
  };
}

function readValue(node, input, el) {
  const where = `${node.title} #${node.id}, ${input.name}`;
  if (input.kind === 'boolean') return el.checked;
  if (input.kind === 'string' || input.kind === 'choice') return el.value;
  if (input.kind === 'int') {
    const value = parseInteger(el.value);
    if (value === null) throw new Error(`${where}: "${el.value}" is not a whole number.`);
    return value;
  }
  const value = Number(el.value);
  if (el.value.trim() === '' || !Number.isFinite(value)) throw new Error(`${where}: "${el.value}" is not a number.`);
  return value;
}
