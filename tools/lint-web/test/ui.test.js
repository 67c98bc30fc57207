// Unit tests of platform-web's ui.js under Node's test runner, with small stand-ins for the browser's objects.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';

import { parseEpoch } from '../../../platform-web/src/main/resources/static/js/model-common.js';
import {
  attemptsNote, el, followJob, formatBytes, formatCount, formatDate, formatDuration, problemMessage
} from '../../../platform-web/src/main/resources/static/js/ui.js';

/* ---------- stand-ins ---------- */

class FakeNode {
  constructor(tag) {
    this.tag = tag;
    this.attributes = {};
    this.children = [];
    this.textContent = '';
    this.className = '';
  }

  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }

  appendChild(child) {
    this.children.push(child);
    return child;
  }
}

const fakeDocument = {
  createElement: (tag) => new FakeNode(tag),
  createTextNode: (text) => ({ text }),
  querySelector: () => null,
  getElementById: () => null
};

class FakeEventSource {
  static opened = [];

  constructor(url) {
    this.url = url;
    this.listeners = {};
    this.closed = false;
    this.onerror = null;
    FakeEventSource.opened.push(this);
  }

  addEventListener(type, listener) {
    (this.listeners[type] = this.listeners[type] || []).push(listener);
  }

  close() {
    this.closed = true;
  }

  emit(type, data, lastEventId = '') {
    (this.listeners[type] || []).forEach((listener) => listener({ data, lastEventId }));
  }

  drop() {
    this.onerror({ type: 'error' });
  }
}

/** Answers GET requests from a table of url → [status, body]; records every url asked for. */
function fakeFetch(routes) {
  const asked = [];
  const fetch = async (url) => {
    asked.push(url);
    const route = routes(url);
    if (!route) {
      throw new TypeError('Failed to fetch');
    }
    const [status, body] = route;
    return { status, ok: status < 400, text: async () => JSON.stringify(body) };
  };
  return { fetch, asked };
}

function recorder() {
  const events = [];
  return {
    events,
    handlers: {
      onLog: (line) => events.push(['log', line]),
      onProgress: (job) => events.push(['progress', job.state, job.progress]),
      onEnd: (job) => events.push(['end', job.state]),
      onError: (problem) => events.push(['error', problem.status])
    }
  };
}

/** Lets pending promises (fake fetch answers) settle. */
function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}

beforeEach(() => {
  globalThis.document = fakeDocument;
  globalThis.EventSource = FakeEventSource;
  FakeEventSource.opened = [];
  mock.timers.enable({ apis: ['setTimeout'] });
});

afterEach(() => {
  mock.timers.reset();
  delete globalThis.document;
  delete globalThis.EventSource;
  delete globalThis.fetch;
});

/* ---------- followJob ---------- */

describe('followJob', () => {
  it('passes on log lines, progress and the end, then closes the stream', () => {
    const { events, handlers } = recorder();
    followJob('j1', handlers);
    const stream = FakeEventSource.opened[0];
    assert.equal(stream.url, '/api/v1/jobs/j1/logs?after=0');
    stream.emit('log', 'first', '1');
    stream.emit('progress', JSON.stringify({ state: 'running', progress: 0.5 }));
    stream.emit('end', JSON.stringify({ state: 'succeeded', progress: 1 }));
    assert.deepEqual(events, [['log', 'first'], ['progress', 'running', 0.5], ['end', 'succeeded']]);
    assert.equal(stream.closed, true);
  });

  it('reconnects after a dropped stream, later each time, resuming after the last line', () => {
    const { events, handlers } = recorder();
    followJob('j2', handlers, { reconnects: 3, backoffMs: 1000, maxBackoffMs: 8000 });
    FakeEventSource.opened[0].emit('log', 'one', '1');
    FakeEventSource.opened[0].emit('log', 'two', '2');
    FakeEventSource.opened[0].drop();
    assert.equal(FakeEventSource.opened[0].closed, true);
    mock.timers.tick(999);
    assert.equal(FakeEventSource.opened.length, 1);
    mock.timers.tick(1);
    assert.equal(FakeEventSource.opened.length, 2);
    assert.equal(FakeEventSource.opened[1].url, '/api/v1/jobs/j2/logs?after=2');
    FakeEventSource.opened[1].drop();
    mock.timers.tick(1999);
    assert.equal(FakeEventSource.opened.length, 2);
    mock.timers.tick(1);
    assert.equal(FakeEventSource.opened.length, 3);
    FakeEventSource.opened[2].emit('log', 'three', '3');
    FakeEventSource.opened[2].emit('end', JSON.stringify({ state: 'failed', progress: 0.2 }));
    assert.deepEqual(events, [['log', 'one'], ['log', 'two'], ['log', 'three'], ['end', 'failed']]);
  });

  it('polls the job when the stream cannot be opened again, until the job ends', async () => {
    const { events, handlers } = recorder();
    let state = 'running';
    const server = fakeFetch((url) => {
      if (url === '/api/v1/jobs/j3') {
        return [200, { state, progress: state === 'running' ? 0.4 : 1 }];
      }
      if (url === '/api/v1/jobs/j3/logs?after=1&limit=1000') {
        return [200, [{ seq: 2, line: 'two' }]];
      }
      if (url === '/api/v1/jobs/j3/logs?after=2&limit=1000') {
        return [200, state === 'running' ? [] : [{ seq: 3, line: 'three' }]];
      }
      return null;
    });
    globalThis.fetch = server.fetch;
    followJob('j3', handlers, { reconnects: 1, backoffMs: 100, pollMs: 2000 });
    FakeEventSource.opened[0].emit('log', 'one', '1');
    FakeEventSource.opened[0].drop();
    mock.timers.tick(100);
    FakeEventSource.opened[1].drop();
    await settle();
    assert.equal(FakeEventSource.opened.length, 2, 'no third stream: it polls instead');
    assert.deepEqual(events, [['log', 'one'], ['log', 'two'], ['progress', 'running', 0.4]]);
    state = 'succeeded';
    mock.timers.tick(2000);
    await settle();
    assert.deepEqual(events.slice(3), [['log', 'three'], ['end', 'succeeded']]);
    const asked = server.asked.length;
    mock.timers.tick(10000);
    await settle();
    assert.equal(server.asked.length, asked, 'an ended job is not polled again');
  });

  it('keeps polling while the server is away, and stops with onError when the job cannot be read', async () => {
    const { events, handlers } = recorder();
    let answer = null;
    globalThis.fetch = fakeFetch(() => answer).fetch;
    followJob('j4', handlers, { reconnects: 0, pollMs: 500 });
    FakeEventSource.opened[0].drop();
    await settle();
    assert.deepEqual(events, []);
    answer = [404, { status: 404, detail: 'No job j4.' }];
    mock.timers.tick(500);
    await settle();
    assert.deepEqual(events, [['error', 404]]);
  });

  it('stops for good when closed', () => {
    const { events, handlers } = recorder();
    const follower = followJob('j5', handlers);
    const stream = FakeEventSource.opened[0];
    follower.close();
    assert.equal(stream.closed, true);
    stream.drop();
    mock.timers.tick(60000);
    assert.equal(FakeEventSource.opened.length, 1);
    assert.deepEqual(events, []);
  });
});

/* ---------- el ---------- */

describe('el', () => {
  it('sets text through textContent and allowed attributes, and appends children', () => {
    const node = el('a', { className: 'btn', text: '<b>x</b>', href: '/projects/1', 'data-id': 7,
      'aria-label': 'Open', download: true, title: null }, ['more', null]);
    assert.equal(node.textContent, '<b>x</b>');
    assert.equal(node.className, 'btn');
    assert.deepEqual(node.attributes, { href: '/projects/1', 'data-id': '7', 'aria-label': 'Open', download: '' });
    assert.deepEqual(node.children, [{ text: 'more' }]);
  });

  it('sets disabled, selected and checked as properties', () => {
    const node = el('input', { disabled: true, checked: false });
    assert.equal(node.disabled, true);
    assert.equal(node.checked, false);
    assert.deepEqual(node.attributes, {});
  });

  it('refuses what is not on the allow-list, and links to script URLs', () => {
    assert.throws(() => el('div', { innerHTML: '<img onerror=alert(1)>' }), /innerHTML is not an allowed/);
    assert.throws(() => el('div', { onclick: 'alert(1)' }), /onclick is not an allowed/);
    assert.throws(() => el('a', { href: ' javascript:alert(1)' }), /refused a link/);
    assert.equal(el('a', { href: 'https://example.org/x' }).attributes.href, 'https://example.org/x');
  });
});

/* ---------- formats and messages ---------- */

describe('formats', () => {
  it('formats bytes, counts, dates and durations', () => {
    assert.equal(formatBytes(null), '\u2013');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(3 * 1024 * 1024), '3.00 MiB');
    assert.equal(formatCount(12345.6), '12,346');
    assert.equal(formatDate('2025-03-04T05:06:07Z'), '2025-03-04 05:06 UTC');
    assert.equal(formatDate(null), '');
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(200000), '3m 20s');
  });

  it('adds the field errors to a problem\u2019s sentence', () => {
    assert.equal(problemMessage(null), 'Something went wrong.');
    assert.equal(problemMessage({ detail: 'Invalid.', errors: [{ field: 'name', message: 'is empty' }] }),
      'Invalid. name: is empty');
  });

  it('parses epoch log lines', () => {
    assert.deepEqual(parseEpoch('Epoch 3/30: loss 0.41, accuracy 0.87, val_loss 0.39, val_accuracy 0.90 (0.4 s)'),
      { epoch: 3, epochs: 30, trainLoss: 0.41, trainAccuracy: 0.87, validationLoss: 0.39, validationAccuracy: 0.9 });
    assert.equal(parseEpoch('Epoch 3/30: loss 0.41, val_loss 0.39').trainAccuracy, null);
    assert.equal(parseEpoch('Loading features'), null);
  });
});

/* ---------- attempt history ---------- */

describe('attemptsNote', () => {
  it('says nothing for a job with a single run', () => {
    assert.equal(attemptsNote({ maxAttempts: 3, attempts: [{ attempt: 1, workerId: 'w', outcome: null }] }), '');
    assert.equal(attemptsNote({ maxAttempts: 3 }), '');
  });

  it('says how the earlier run ended and that the current one started again from 0%', () => {
    const job = {
      maxAttempts: 3,
      attempts: [
        { attempt: 1, workerId: 'worker-27176', outcome: 'lease-expired', progress: 0.43,
          reason: 'worker worker-27176 stopped responding during attempt 1 of 3 (lease expired)' },
        { attempt: 2, workerId: 'worker-4420', outcome: null, progress: 0.05, reason: null }
      ]
    };
    assert.equal(attemptsNote(job), 'Attempt 1 on worker-27176 lost its lease (its worker stopped responding) at '
      + '43.0 %. Attempt 2 of 3 on worker-4420 started again from 0%.');
  });

  it('keeps the reason of a failed run after a later one succeeded', () => {
    const job = {
      maxAttempts: 2,
      attempts: [
        { attempt: 1, workerId: 'a', outcome: 'retrying', progress: 0.1, reason: 'IOException: disk full' },
        { attempt: 2, workerId: 'b', outcome: 'succeeded', progress: 1, reason: null }
      ]
    };
    assert.equal(attemptsNote(job), 'Attempt 1 on a failed at 10.0 %: IOException: disk full. Attempt 2 of 2 on b '
      + 'succeeded.');
  });
});
