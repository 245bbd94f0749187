// What the page shows: the connection state, the queue, and the live view of one job.

const KEPT_OUTPUTS = 12;
/** With `?paint-marks` in the page's address, each preview leaves a performance mark once painted (benchmarks read them). */
const MARK_PAINTS = new URLSearchParams(location.search).has('paint-marks');

export function showConnection(el, name, text) {
  el.dataset.state = name;
  el.textContent = text;
}

/** A short description of a prompt for the queue: its first prompt text, else its node types. */
export function summary(prompt) {
  if (!prompt) return '';
  const text = Object.values(prompt).map((node) => node.inputs && node.inputs.text).find((t) => typeof t === 'string' && t);
  const about = text || [...new Set(Object.values(prompt).map((node) => node.class_type))].join(', ');
  return about.length > 80 ? `${about.slice(0, 77)}…` : about;
}

/** GET /queue's answer as list items: the running job first, then the pending ones by number. */
export function renderQueue(list, empty, queue, cancel) {
  const item = (entry, state) => {
    const [number, promptId, prompt] = entry;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.testid = 'cancel-button';
    button.textContent = state === 'running' ? 'Stop' : 'Cancel';
    button.setAttribute('aria-label', `${button.textContent} job ${number}`);
    button.addEventListener('click', () => cancel(promptId, state));
    const li = document.createElement('li');
    Object.assign(li.dataset, { testid: 'queue-item', promptId, state });
    const label = document.createElement('span');
    label.textContent = `${state} · #${number} · ${summary(prompt)}`;
    li.append(label, button);
    return li;
  };
  const pending = [...queue.queue_pending].sort((a, b) => Number(a[0]) - Number(b[0]));
  const entries = [...queue.queue_running.map((e) => [e, 'running']), ...pending.map((e) => [e, 'pending'])];
  // unchanged items stay as they are, so a focused Cancel button keeps its focus
  const key = entries.map(([e, state]) => `${e[1]}:${state}`).join(' ');
  if (list.dataset.key !== key) {
    list.dataset.key = key;
    list.replaceChildren(...entries.map(([e, state]) => item(e, state)));
  }
  empty.hidden = entries.length > 0;
}

/** A duration: "12.3 s" under a minute, "13 min 11 s" beyond. */
function seconds(ms) {
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  const whole = Math.round(ms / 1000);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/**
 * A `preview-painted` mark once the image is decoded and the frame showing it has been painted
 * (its detail: the job, the step and when the page's script received the frame):
 * a task queued from that frame's animation callback runs after its paint. A preview replaced
 * before that frame is never shown, and leaves no mark.
 */
function markPaint(img, detail) {
  const { src } = img;
  img.decode().then(() => requestAnimationFrame(() => {
    if (img.src === src) setTimeout(() => performance.mark('preview-painted', { detail }));
  }), () => {});
}

/** The live view: the job being watched, its running node, both progress bars, preview and results. */
export class LiveView {
  /** el: the page's elements by name; nodeTitle(prompt, nodeId) names a node. */
  constructor(el, nodeTitle) {
    this.el = el;
    this.nodeTitle = nodeTitle;
    this.promptId = null;
    this.timer = null;
  }

  /** Starts watching a job; for the job already watched, only fills in its prompt once known. */
  watch(promptId, prompt, startedAt) {
    if (promptId === this.promptId) {
      if (!this.prompt && prompt) {
        this.prompt = prompt;
        this.showNode();
        this.updateJobBar();
      }
      return;
    }
    Object.assign(this, { promptId, prompt, startedAt, nodeId: null, cachedNodes: new Set(), states: {}, running: true });
    this.el.state.textContent = 'Running';
    delete this.el.state.dataset.outcome;
    this.showNode();
    this.setBar(this.el.nodeBar, 0, 1);
    this.setBar(this.el.jobBar, 0, 1);
    this.el.preview.hidden = true;
    this.el.eta.textContent = '—';
    this.el.interrupt.disabled = false;
    this.clearError();
    clearInterval(this.timer);
    this.timer = setInterval(() => this.tick(), 200);
    this.tick();
  }

  tick() {
    this.el.elapsed.textContent = seconds(Date.now() - this.startedAt);
  }

  setBar(bar, value, max) {
    bar.max = max > 0 ? max : 1;
    bar.value = Math.min(value, bar.max);
    bar.dataset.value = value;
    bar.dataset.max = max;
  }

  cached(nodes) {
    nodes.forEach((id) => this.cachedNodes.add(id));
    this.updateJobBar();
  }

  executing(nodeId) {
    this.nodeId = nodeId;
    this.showNode();
    this.setBar(this.el.nodeBar, 0, 1);
  }

  showNode() {
    this.el.node.textContent = this.nodeId === null ? '—' : this.nodeTitle(this.prompt, this.nodeId);
  }

  progress(value, max) {
    this.setBar(this.el.nodeBar, value, max);
  }

  /** Sent before each step's preview: the node bar shows the step the preview belongs to. */
  progressState(nodes) {
    this.states = nodes;
    const running = Object.values(nodes).find((n) => n.state === 'running');
    if (running) this.setBar(this.el.nodeBar, running.value, running.max);
    this.updateJobBar();
  }

  /**
   * The job's share done. A node weighs its step count (from its progress, else its steps input),
   * others weigh one step, so a sampler's steps dominate as they dominate the time.
   */
  updateJobBar() {
    if (!this.prompt) return;
    let total = 0;
    let done = 0;
    for (const [id, node] of Object.entries(this.prompt)) {
      if (this.cachedNodes.has(id)) continue;
      const s = this.states[id];
      const steps = node.inputs && node.inputs.steps;
      const weight = s && s.max > 1 ? s.max : (Number.isInteger(steps) && steps > 0 ? steps : 1);
      total += weight;
      if (s) done += s.state === 'finished' ? weight : weight * (s.max > 0 ? s.value / s.max : 0);
    }
    this.setBar(this.el.jobBar, total ? done / total : 1, 1);
  }

  preview(blob) {
    const received = performance.now();
    const old = this.previewUrl;
    this.previewUrl = URL.createObjectURL(blob);
    this.el.preview.src = this.previewUrl;
    this.el.preview.dataset.step = this.el.nodeBar.dataset.value;
    this.el.preview.hidden = false;
    if (old) URL.revokeObjectURL(old);
    if (MARK_PAINTS) markPaint(this.el.preview, { promptId: this.promptId, step: this.el.preview.dataset.step, received });
  }

  /** A result image, newest first; the oldest beyond the kept number go (and their memory with them). */
  output(src, owned) {
    const img = document.createElement('img');
    img.src = src;
    img.alt = `Result of job ${this.promptId}`;
    img.dataset.testid = 'output-image';
    img.dataset.promptId = this.promptId;
    if (owned) img.dataset.owned = 'true';
    const link = document.createElement('a');
    link.href = src;
    link.target = '_blank';
    link.append(img);
    this.el.outputs.prepend(link);
    while (this.el.outputs.children.length > KEPT_OUTPUTS) {
      const last = this.el.outputs.lastElementChild;
      if (last.firstElementChild.dataset.owned) URL.revokeObjectURL(last.href);
      last.remove();
    }
  }

  /** The server's estimate: the job's time left, and whether every node to run was timed before. */
  remaining(estimate) {
    if (!this.running) return;
    const left = seconds(estimate.job_seconds * 1000);
    this.el.eta.textContent = estimate.complete ? `about ${left}` : `at least ${left}`;
  }

  end(outcome) {
    if (!this.running) return;
    this.running = false;
    this.el.eta.textContent = '—';
    clearInterval(this.timer);
    this.tick();
    this.el.interrupt.disabled = true;
    this.el.state.textContent = { success: 'Finished', interrupted: 'Interrupted', error: 'Failed' }[outcome];
    this.el.state.dataset.outcome = outcome;
    if (outcome === 'success') this.setBar(this.el.jobBar, 1, 1);
  }

  showError(title, lines = []) {
    const heading = document.createElement('strong');
    heading.textContent = title;
    const items = lines.map((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      return li;
    });
    const list = document.createElement('ul');
    list.append(...items);
    this.el.error.replaceChildren(heading, list);
    this.el.error.hidden = false;
  }

  clearError() {
    this.el.error.hidden = true;
    this.el.error.replaceChildren();
  }
}
