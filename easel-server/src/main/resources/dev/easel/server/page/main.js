// Wires the page together: the workflow and its form, Run, the socket's messages, the queue.
import { api, ApiError, parseJson, toJson } from './api.js';
import { renderForm } from './form.js';
import { Gallery } from './gallery.js';
import { Socket } from './socket.js';
import { LiveView, renderQueue, showConnection } from './views.js';
import { readWorkflowFile } from './workflow.js';

const $ = (id) => document.getElementById(id);
/** API prompts of the jobs this page has queued or seen in the queue, by prompt id. */
const prompts = new Map();
let objectInfo = {};
let form = null;
let lastNode = null;

/**
 * A node's title: its own, else its type's display name. The type may come from the message
 * itself (`classType`), for a job whose prompt this page no longer holds (one that ended before
 * its POST was answered, or one queued elsewhere).
 */
function nodeTitle(prompt, nodeId, classType) {
  const node = prompt && prompt[nodeId];
  const type = node ? node.class_type : classType;
  if (!type) return `#${nodeId}`;
  const info = objectInfo[type];
  return `${(node && node._meta && node._meta.title) || (info && info.display_name) || type} #${nodeId}`;
}

const gallery = new Gallery({
  list: $('gallery'), newer: $('gallery-newer'), older: $('gallery-older'), range: $('gallery-range'),
}, (job) => {
  useWorkflow(`From the gallery: job ${job.id.slice(0, 8)}`, job.workflow.prompt);
  run();
});

function showGallery(offset) {
  gallery.show(offset).catch((e) => live.showError('Cannot read the gallery', [e.message]));
}

const live = new LiveView({
  state: $('job-state'), node: $('running-node'), nodeBar: $('progress-node'), jobBar: $('progress-job'),
  elapsed: $('elapsed'), eta: $('eta'), interrupt: $('interrupt'), error: $('error'), preview: $('live-preview'), outputs: $('outputs'),
}, nodeTitle);

/** When this tab saw the job start (kept for a reload), else now. */
function startedAt(promptId) {
  const started = parseJson(sessionStorage.getItem('easel.started') || '{}');
  return started.promptId === promptId ? started.at : Date.now();
}

/** The live view, watching this job; a job watched anew after a reload shows the node the server named on connecting. */
function watch(promptId) {
  if (!promptId) return live;
  const fresh = promptId !== live.promptId;
  live.watch(promptId, prompts.get(promptId), startedAt(promptId));
  if (fresh && lastNode !== null) live.executing(lastNode);
  if (fresh) showShareLink(promptId);
  return live;
}

/** A link that opens this job's live view in any browser (relative, so it works under a proxy's sub-path). */
function showShareLink(promptId) {
  const link = $('share-link');
  link.href = `?${new URLSearchParams({ job: promptId })}`;
  link.hidden = false;
}

/**
 * Whose files each job's images are in, as the jobs API names them with --auth (asked once per job; an admin's
 * page shows every user's jobs). A job this tab queued is the caller's own and needs no asking.
 */
const owners = new Map();
function ownerOf(promptId) {
  if (!owners.has(promptId)) owners.set(promptId, api.job(promptId).then((job) => job.owner, () => undefined));
  return owners.get(promptId);
}

/** The job of a job link (?job=ID): watched through the socket, its prompt read for the node names. */
function followLinkedJob(promptId) {
  socket.watchJob(promptId);
  const asked = api.job(promptId);
  owners.set(promptId, asked.then((job) => job.owner, () => undefined));
  asked.then((job) => {
    prompts.set(promptId, job.workflow.prompt);
    if (live.promptId === promptId) live.watch(promptId, job.workflow.prompt);
  }).catch(() => {});
}

/** Keeps the workflow for a reload of this tab: as opened, then with the values of each Run. */
function keepWorkflow(prompt) {
  sessionStorage.setItem('easel.workflow', toJson({ name: $('workflow-name').textContent, prompt }));
}

function useWorkflow(name, prompt) {
  $('workflow-name').textContent = name;
  form = renderForm($('fields'), prompt, objectInfo);
  keepWorkflow(prompt);
  const unknown = [...new Set(Object.values(prompt).map((n) => n.class_type))].filter((t) => !objectInfo[t]);
  if (unknown.length) live.showError('This workflow uses node types the server does not have', unknown);
  else live.clearError();
}

const KEPT_RECENT = 8;
/** The workflows this user opened or ran lately, newest first, kept in their settings on the server. */
let recent = [];

async function loadRecent() {
  try {
    const kept = await api.recentWorkflows();
    recent = Array.isArray(kept) ? kept.slice(0, KEPT_RECENT) : [];
  } catch (e) {
    console.warn('recent workflows not read:', e.message);
    recent = [];
  }
  showRecent();
}

function remember(name, prompt) {
  recent = [{ name, prompt }, ...recent.filter((w) => w.name !== name)].slice(0, KEPT_RECENT);
  showRecent();
  api.keepRecentWorkflows(recent).catch((e) => console.warn('recent workflows not kept:', e.message));
}

function showRecent() {
  $('recent').replaceChildren(new Option('Recent workflows…', ''),
    ...recent.map((w, i) => new Option(w.name, String(i))));
}

async function openFile(file) {
  try {
    const workflow = await readWorkflowFile(file, objectInfo);
    useWorkflow(workflow.name, workflow.prompt);
    remember(workflow.name, workflow.prompt);
  } catch (e) {
    live.showError(`Cannot open ${file.name}`, [e.message]);
  }
}

function rejection(error) {
  const body = error instanceof ApiError && error.body;
  if (!body || !body.error) return ['The server refused the prompt', [error.message]];
  const lines = Object.entries(body.node_errors || {}).flatMap(([id, node]) =>
    node.errors.map((e) => `#${id} ${node.class_type}: ${e.message}${e.details ? ` (${e.details})` : ''}`));
  return [body.error.message, lines.length ? lines : [body.error.details].filter(Boolean)];
}

async function run() {
  let prompt;
  try {
    prompt = form.values();
  } catch (e) {
    live.showError('Cannot run this workflow', [e.message]);
    return;
  }
  keepWorkflow(prompt);
  remember($('workflow-name').textContent, prompt);
  try {
    const answer = await api.queuePrompt(prompt, socket.clientId, $('preview-method').value);
    prompts.set(answer.prompt_id, prompt);
    owners.set(answer.prompt_id, Promise.resolve(undefined));
    refreshQueue();
  } catch (e) {
    live.showError(...rejection(e));
  }
}

let refreshing = null;
let refreshAgain = false;
/** GET /queue, one request at a time; a refresh asked for meanwhile runs once after it. */
async function refreshQueue() {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = api.queue().then((queue) => {
    const queued = [...queue.queue_running, ...queue.queue_pending];
    // only the queue's prompts and the watched one are kept
    const keep = new Set([live.promptId, ...queued.map((entry) => entry[1])]);
    for (const id of prompts.keys()) if (!keep.has(id)) prompts.delete(id);
    for (const [, id, prompt] of queued) prompts.set(id, prompt);
    renderQueue($('queue'), $('queue-empty'), queue, cancel);
    const running = queue.queue_running[0];
    // after a reload or a reconnect: this tab's running job is watched again
    if (running && running[3] && running[3].client_id === socket.clientId) watch(running[1]);
  }).catch((e) => live.showError('Cannot read the queue', [e.message])).finally(() => {
    refreshing = null;
    if (refreshAgain) {
      refreshAgain = false;
      refreshQueue();
    }
  });
}

async function cancel(promptId, state) {
  try {
    await (state === 'running' ? api.interrupt(promptId) : api.cancelPending(promptId));
  } catch (e) {
    live.showError('Cannot cancel the job', [e.message]);
  }
  refreshQueue();
}

function onMessage(type, data) {
  const promptId = data && data.prompt_id;
  switch (type) {
    case 'status': refreshQueue(); break;
    case 'watching': watch(promptId); break;
    case 'watch_error': live.showError('Cannot show the linked job', [data.error]); break;
    case 'execution_start':
      sessionStorage.setItem('easel.started', toJson({ promptId, at: Date.now() }));
      watch(promptId);
      break;
    case 'execution_cached': watch(promptId).cached(data.nodes); break;
    case 'executing':
      // the end of a job: its history is written, the gallery's page is shown anew
      if (data.node === null) showGallery();
      lastNode = data.node === null ? null : (data.display_node || data.node);
      if (lastNode !== null && (promptId || live.running)) watch(promptId).executing(lastNode);
      break;
    case 'progress': watch(promptId).progress(data.value, data.max); break;
    case 'remaining_time': watch(promptId).remaining(data); break;
    case 'progress_state': watch(promptId).progressState(data.nodes); break;
    case 'executed':
      watch(promptId);
      // one promise per job keeps its images in the order they came; one still unknown is shown if still watched
      ownerOf(promptId).then((owner) => {
        if (live.promptId !== promptId) return;
        for (const image of (data.output && data.output.images) || []) live.output(api.viewUrl(image, owner), false);
      });
      break;
    case 'execution_success': watch(promptId).end('success'); break;
    case 'execution_interrupted': watch(promptId).end('interrupted'); break;
    case 'execution_error':
      // a blocked branch (ExecutionBlocked) is reported while the rest of the job goes on
      if (data.exception_type !== 'ExecutionBlocked') watch(promptId).end('error');
      live.showError(`${nodeTitle(prompts.get(promptId), data.node_id, data.node_type)} failed (${data.node_type})`,
        [`${data.exception_type}: ${data.exception_message}`]);
      break;
    default: break;
  }
}

function onImage(frame) {
  const promptId = frame.metadata && frame.metadata.prompt_id;
  // PNG frames are whole images (SaveImageWebsocket), JPEG frames the sampler's previews
  if (frame.mime === 'image/png') watch(promptId).output(URL.createObjectURL(frame.blob), true);
  else watch(promptId).preview(frame.blob);
}

const socket = new Socket({
  message: onMessage,
  image: onImage,
  state: (name, text) => {
    showConnection($('connection'), name, text);
    if (name === 'connected') refreshQueue();
  },
});

function wire() {
  $('parameters').addEventListener('submit', (e) => {
    e.preventDefault();
    run();
  });
  $('interrupt').addEventListener('click', () => live.promptId && cancel(live.promptId, 'running'));
  $('workflow-file').addEventListener('change', (e) => {
    const [file] = e.target.files;
    if (file) openFile(file);
    e.target.value = '';
  });
  $('default-workflow').addEventListener('click', loadDefault);
  $('recent').addEventListener('change', (e) => {
    const workflow = recent[Number(e.target.value)];
    if (e.target.value !== '' && workflow) useWorkflow(workflow.name, workflow.prompt);
    e.target.value = '';
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const [file] = e.dataTransfer.files;
    if (file) openFile(file);
  });
}

async function loadDefault() {
  useWorkflow('Default workflow (text to image, easel-demo-v1)', await api.defaultWorkflow());
}

async function start() {
  wire();
  showRecent();
  const linked = new URLSearchParams(location.search).get('job');
  if (linked) followLinkedJob(linked);
  socket.connect();
  try {
    objectInfo = await api.objectInfo();
    await loadRecent();
    const kept = sessionStorage.getItem('easel.workflow');
    if (kept) {
      const workflow = parseJson(kept);
      useWorkflow(workflow.name, workflow.prompt);
    } else {
      await loadDefault();
    }
    await gallery.show(0);
    document.body.dataset.ready = 'true';
  } catch (e) {
    live.showError('Cannot load the page', [e.message]);
  }
}

start();
