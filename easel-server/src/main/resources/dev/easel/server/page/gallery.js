// The gallery: finished jobs from the server's history, newest first, a page at a time; each
// with its images, prompt and settings, a link to the full image, a download, and "Run again".
import { api } from './api.js';
import { summary } from './views.js';

const PAGE_SIZE = 8;

/** The settings worth showing: a sampler's seed, steps, cfg, sampler and scheduler, and the image size. */
export function settings(prompt) {
  const parts = [];
  for (const node of Object.values(prompt)) {
    const i = node.inputs || {};
    const seed = i.seed ?? i.noise_seed;
    if (seed !== undefined && !Array.isArray(seed)) parts.push(`seed ${seed}`);
    if (Number.isInteger(i.steps)) parts.push(`${i.steps} steps`);
    if (typeof i.cfg === 'number') parts.push(`cfg ${i.cfg}`);
    if (typeof i.sampler_name === 'string') parts.push([i.sampler_name, i.scheduler].filter(Boolean).join(' / '));
    if (Number.isInteger(i.width) && Number.isInteger(i.height)) parts.push(`${i.width}×${i.height}`);
  }
  return parts.join(' · ');
}

function element(tag, attributes, children = []) {
  const el = document.createElement(tag);
  Object.assign(el, attributes);
  el.append(...children);
  return el;
}

export class Gallery {
  /** el: {list, newer, older, range}; runAgain(job) loads a job's prompt and queues it. */
  constructor(el, runAgain) {
    this.el = el;
    this.runAgain = runAgain;
    this.offset = 0;
    el.newer.addEventListener('click', () => this.show(Math.max(0, this.offset - PAGE_SIZE)));
    el.older.addEventListener('click', () => this.show(this.offset + PAGE_SIZE));
  }

  async show(offset = this.offset) {
    const shown = (this.requests = (this.requests || 0) + 1);
    const page = await api.finishedJobs(offset, PAGE_SIZE);
    const jobs = await Promise.all(page.jobs.map((job) => api.job(job.id)));
    if (shown !== this.requests) return; // a later request answers instead
    this.offset = offset;
    this.el.list.replaceChildren(...jobs.map((job) => this.item(job)));
    const { total, has_more: more } = page.pagination;
    this.el.range.textContent = total ? `${offset + 1}–${offset + jobs.length} of ${total}` : 'No finished jobs yet.';
    this.el.newer.disabled = offset === 0;
    this.el.older.disabled = !more;
  }

  item(job) {
    const prompt = job.workflow.prompt;
    const images = Object.values(job.outputs || {}).flatMap((output) => output.images || [])
      .filter((image) => image.type === 'output');
    const figures = images.map((image) => {
      const full = api.viewUrl(image, job.owner);
      const thumbnail = element('img', { src: `${full}&preview=jpeg;85`, alt: summary(prompt), loading: 'lazy' });
      return element('div', { className: 'gallery-image' }, [
        element('a', { href: full, target: '_blank', title: 'Open full size' }, [thumbnail]),
        element('a', { href: full, download: image.filename, className: 'download' }, ['Download']),
      ]);
    });
    const again = element('button', { type: 'button', textContent: 'Run again' });
    again.addEventListener('click', () => this.runAgain(job));
    const li = element('li', {}, [...figures,
      element('p', { className: 'gallery-prompt', textContent: summary(prompt) }),
      element('p', { className: 'hint gallery-settings', textContent: settings(prompt) }), again]);
    Object.assign(li.dataset, { testid: 'gallery-item', promptId: job.id });
    return li;
  }
}
