/*
 * EdgeForge's browser helpers, one ES module shared by every page: the REST API with the session's CSRF token,
 * problem messages and the page alert, the safe element builders (text through textContent, attributes through an
 * allow-list, never innerHTML), number and date formats, and followJob, which follows a job's live log.
 * Nothing here touches the page when it is imported.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** What a missing figure shows. */
export const DASH = '\u2013';

/* ---------- the REST API ---------- */

function meta(name) {
  const element = document.querySelector('meta[name="' + name + '"]');
  return element ? element.getAttribute('content') : null;
}

/** Accept JSON, plus the CSRF header the API requires for session-authenticated writes. */
export function csrfHeaders() {
  const headers = { Accept: 'application/json' };
  const header = meta('_csrf_header');
  const token = meta('_csrf');
  if (header && token) {
    headers[header] = token;
  }
  return headers;
}

/** The JSON body of an answer; a failed answer rejects with its problem detail (RFC 9457). */
async function answer(response) {
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: the status speaks below
  }
  if (!response.ok) {
    const problem = json || {};
    problem.status = problem.status || response.status;
    problem.detail = problem.detail || 'The server answered ' + response.status + '.';
    throw problem;
  }
  return json;
}

/** Calls the REST API as the signed-in user; resolves with the JSON body, rejects with the problem detail. */
export function api(method, url, body) {
  const headers = csrfHeaders();
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(url, init).then(answer);
}

/** POSTs multipart form data; resolves with the JSON answer, rejects with the problem detail. */
export function upload(url, formData) {
  return fetch(url, { method: 'POST', headers: csrfHeaders(), body: formData, credentials: 'same-origin' })
    .then(answer);
}

/** The sentence of a problem, without its field errors. */
export function problemTitle(problem) {
  return (problem && (problem.detail || problem.title)) || 'Something went wrong.';
}

/** The sentence of a problem followed by its field errors. */
export function problemMessage(problem) {
  let message = problemTitle(problem);
  if (problem && problem.errors && problem.errors.length) {
    message += ' ' + problem.errors.map((e) => e.field + ': ' + e.message).join('; ');
  }
  return message;
}

/** Shows a message in the page's alert box (#page-alert); kind: success, info, warning or error. */
export function showAlert(kind, message) {
  const holder = byId('page-alert');
  if (!holder) {
    return;
  }
  holder.className = 'alert alert-' + kind;
  holder.textContent = message;
  holder.classList.remove('hidden');
  holder.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

/** A catch handler that shows the problem in the page alert. */
export function alertProblem(problem) {
  showAlert('error', problemMessage(problem));
}

/* ---------- elements ---------- */

export function byId(id) {
  return document.getElementById(id);
}

/** Runs init(root) with the page's root element ([data-page=name]) when this is that page. */
export function forPage(name, init) {
  const root = document.querySelector('[data-page="' + name + '"]');
  if (root) {
    init(root);
  }
}

const ATTRIBUTES = new Set(['id', 'title', 'href', 'type', 'name', 'value', 'min', 'max', 'step', 'for',
  'download', 'colspan', 'role', 'placeholder', 'tabindex', 'rows', 'spellcheck']);
const PROPERTIES = new Set(['disabled', 'selected', 'checked']);

function checkUrl(value) {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(String(value));
  if (scheme && !/^https?$/i.test(scheme[1])) {
    throw new Error('el(): refused a link to a ' + scheme[1] + ': URL');
  }
}

function append(node, children) {
  children.forEach((child) => {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

/**
 * Builds an HTML element: el('td', {className: 'x', text: 'y', 'data-id': id}, [children]). Text goes through
 * textContent; attributes must be on the allow-list (or data-* and aria-*); disabled, selected and checked are set
 * as properties; null and undefined are left out, and so is an attribute whose value is false. Anything else is a
 * bug and throws. Children are nodes or strings (text nodes); null children are skipped.
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.keys(props).forEach((key) => {
    const value = props[key];
    if (value === null || value === undefined) {
      return;
    }
    if (key === 'text') {
      node.textContent = value;
    } else if (key === 'className') {
      node.className = value;
    } else if (PROPERTIES.has(key)) {
      node[key] = Boolean(value);
    } else if (ATTRIBUTES.has(key) || key.startsWith('data-') || key.startsWith('aria-')) {
      if (key === 'href') {
        checkUrl(value);
      }
      if (value !== false) {
        node.setAttribute(key, value === true ? '' : value);
      }
    } else {
      throw new Error('el(): ' + key + ' is not an allowed property');
    }
  });
  return append(node, children);
}

/** Builds an SVG element: svg('circle', {cx: 1, cy: 2, r: 3}, [children]); strings become text. */
export function svg(tag, attributes = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.keys(attributes).forEach((key) => {
    if (/^on/i.test(key) || /href$/i.test(key)) {
      throw new Error('svg(): ' + key + ' is not an allowed attribute');
    }
    node.setAttribute(key, attributes[key]);
  });
  return append(node, children);
}

/** Removes every child; answers the node. */
export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  return node;
}

/** Appends a line to a log box and keeps it scrolled to the end. */
export function appendLine(log, line) {
  log.appendChild(document.createTextNode(line + '\n'));
  log.scrollTop = log.scrollHeight;
}

/* ---------- formats ---------- */

function missing(value) {
  return value === null || value === undefined;
}

/** 0.8734 → "87.3 %". */
export function formatPercent(value) {
  return missing(value) ? DASH : (100 * value).toFixed(1) + ' %';
}

export function formatNumber(value, digits = 4) {
  return missing(value) ? DASH : Number(value).toFixed(digits);
}

/** 1536 → "1.5 KiB". */
export function formatBytes(value) {
  if (missing(value)) {
    return DASH;
  }
  if (value < 1024) {
    return value + ' B';
  }
  if (value < 1024 * 1024) {
    return (value / 1024).toFixed(1) + ' KiB';
  }
  return (value / 1024 / 1024).toFixed(2) + ' MiB';
}

/** 12345.6 → "12,346". */
export function formatCount(value) {
  return missing(value) ? DASH : Math.round(Number(value)).toLocaleString('en-US');
}

/** An instant as "2025-01-01 10:00 UTC", as the server renders them; '' for none. */
export function formatDate(iso) {
  return iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '';
}

/** A length of time: "850 ms", "12.5 s", "3m 20s", "2h 5m". */
export function formatDuration(ms) {
  if (ms < 1000) {
    return Math.round(ms) + ' ms';
  }
  const s = ms / 1000;
  if (s < 120) {
    return (Math.round(s * 10) / 10) + ' s';
  }
  const m = Math.floor(s / 60);
  return m < 120 ? m + 'm ' + Math.round(s - m * 60) + 's' : Math.floor(m / 60) + 'h ' + (m % 60) + 'm';
}

/* ---------- jobs ---------- */

const TERMINAL_STATES = ['succeeded', 'failed', 'cancelled'];
const LOG_PAGE = 1000;

export function isTerminal(state) {
  return TERMINAL_STATES.includes(state);
}

const RUN_ENDINGS = {
  'lease-expired': 'lost its lease (its worker stopped responding)',
  retrying: 'failed',
  failed: 'failed',
  'handed-back': 'was handed back (its worker shut down)',
  cancelled: 'was cancelled',
  succeeded: 'succeeded'
};

/**
 * What a job's attempt history (job.attempts, from GET /api/v1/jobs/{id} or the log stream) tells a person: how each
 * earlier run ended, and that the current one started again from 0%. Empty for a job with a single run, so a page
 * shows nothing then.
 */
export function attemptsNote(job) {
  const runs = (job && Array.isArray(job.attempts)) ? job.attempts : [];
  if (runs.length < 2) {
    return '';
  }
  const parts = runs.slice(0, -1).map((run) => 'Attempt ' + run.attempt + ' on ' + run.workerId + ' '
    + (RUN_ENDINGS[run.outcome] || 'ended') + ' at ' + formatPercent(run.progress)
    + (run.reason && run.outcome !== 'lease-expired' && run.outcome !== 'handed-back' ? ': ' + run.reason : '')
    + '.');
  const current = runs[runs.length - 1];
  parts.push('Attempt ' + current.attempt + ' of ' + job.maxAttempts + ' on ' + current.workerId
    + (current.outcome ? ' ' + (RUN_ENDINGS[current.outcome] || 'ended') + '.' : ' started again from 0%.'));
  return parts.join(' ');
}

/**
 * Shows attemptsNote(job) in a line right after the element `after` (created on first use), hidden while the job
 * had a single run.
 */
export function showAttempts(job, after) {
  if (!after || !after.parentNode) {
    return;
  }
  let note = after.nextElementSibling;
  if (!note || note.getAttribute('data-testid') !== 'job-attempts') {
    note = el('p', { className: 'ef-attempts', 'data-testid': 'job-attempts' });
    after.parentNode.insertBefore(note, after.nextSibling);
  }
  const text = attemptsNote(job);
  note.textContent = text;
  note.classList.toggle('hidden', text === '');
}

/**
 * Follows a job: its log lines, progress and end, from the Server-Sent Events stream /api/v1/jobs/{id}/logs.
 * handlers: {onLog(line), onProgress(job), onEnd(job), onError(problem)}, each optional; onEnd is called once, with
 * the terminal job. A dropped stream is opened again after a growing pause, resuming after the last line seen; when
 * it cannot be opened again (options.reconnects tries), the job is polled (GET /api/v1/jobs/{id} and its log lines
 * as JSON) until it ends. onError is called, and following stops, when the job cannot be read at all (gone,
 * forbidden). Answers {jobId, close()}; close() stops following without calling onEnd.
 */
export function followJob(jobId, handlers, options = {}) {
  const settings = { reconnects: 4, backoffMs: 1000, maxBackoffMs: 8000, pollMs: 2000, ...options };
  const jobUrl = '/api/v1/jobs/' + encodeURIComponent(jobId);
  let source = null;
  let timer = null;
  let stopped = false;
  let lastSeq = 0;
  let failures = 0;

  function close() {
    stopped = true;
    clearTimeout(timer);
    if (source) {
      source.close();
      source = null;
    }
  }

  function end(job) {
    close();
    if (handlers.onEnd) {
      handlers.onEnd(job);
    }
  }

  function log(seq, line) {
    if (seq > lastSeq) {
      lastSeq = seq;
    }
    if (handlers.onLog) {
      handlers.onLog(line);
    }
  }

  function progress(job) {
    if (handlers.onProgress) {
      handlers.onProgress(job);
    }
  }

  function later(step, ms) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!stopped) {
        step();
      }
    }, ms);
  }

  function connect() {
    const stream = new EventSource(jobUrl + '/logs?after=' + lastSeq);
    source = stream;
    stream.addEventListener('log', (event) => {
      failures = 0;
      log(Number(event.lastEventId) || lastSeq, event.data);
    });
    stream.addEventListener('progress', (event) => {
      failures = 0;
      progress(JSON.parse(event.data));
    });
    stream.addEventListener('end', (event) => end(JSON.parse(event.data)));
    stream.onerror = () => {
      // the browser would retry on its own, without a limit: take over
      stream.close();
      if (stopped || source !== stream) {
        return;
      }
      source = null;
      failures += 1;
      if (failures > settings.reconnects) {
        poll();
      } else {
        later(connect, Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** (failures - 1)));
      }
    };
  }

  async function readLines() {
    let lines;
    do {
      lines = await api('GET', jobUrl + '/logs?after=' + lastSeq + '&limit=' + LOG_PAGE);
      lines.forEach((line) => {
        if (!stopped) {
          log(line.seq, line.line);
        }
      });
    } while (lines.length === LOG_PAGE && !stopped);
  }

  async function poll() {
    try {
      // the state first: a job seen terminal has written all of its lines already
      const job = await api('GET', jobUrl);
      await readLines();
      if (stopped) {
        return;
      }
      if (isTerminal(job.state)) {
        end(job);
        return;
      }
      progress(job);
    } catch (problem) {
      if (problem && problem.status >= 400 && problem.status < 500) {
        close();
        if (handlers.onError) {
          handlers.onError(problem);
        }
        return;
      }
      // the server is away: keep asking
    }
    later(poll, settings.pollMs);
  }

  connect();
  return { jobId, close };
}
