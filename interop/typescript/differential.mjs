// Records what the official OpenAIRealtimeWebSocket does for every scenario of the differential test.
//
// Usage (from interop/typescript): npm ci && node differential.mjs
// Reads ../differential/scenarios.json and writes ../differential/golden-agents-realtime-<version>.json, the file
// the Java test DifferentialTest (reference-transport) compares the reference transport against.
//
// Each scenario runs on a fresh transport whose socket is a fake (the transport's `createWebSocket` option with
// `skipOpenEventListeners: true`), with `Date.now` replaced by a clock that only the scenario's `clock` steps
// move. Per step the golden file holds: whether the step threw, the step's result (for `status`), the sockets the
// step opened (model and call_id of the URL), every client frame written (parsed JSON) and every event the
// transport emitted (name and JSON payload; ArrayBuffers as base64, Error objects as {"$error": true}).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { OpenAIRealtimeWebSocket } from '@openai/agents-realtime';

const here = dirname(fileURLToPath(import.meta.url));
const version = JSON.parse(
  readFileSync(join(here, 'node_modules', '@openai', 'agents-realtime', 'package.json'), 'utf8'),
).version;
const scenarioFile = join(here, '..', 'differential', 'scenarios.json');
const goldenFile = join(here, '..', 'differential', `golden-agents-realtime-${version}.json`);

const HOST = 'fake.invalid';
const CLOCK_START = 1_000_000;
let now = CLOCK_START;
Date.now = () => now;

// The transport logs warnings (for example for function_call history items); keep the output to our lines.
process.env.DEBUG = '';

/** Replaces the shared placeholders of scenarios.json with this transport's values. */
function substitute(value) {
  if (typeof value === 'string') {
    return value
      .replaceAll('{host}', HOST)
      .replace(/^\{responseCreateId:(\d+)\}$/, 'agents_js_response_create_$1')
      .replace(/^\{historyId:(delete|create):(\d+)\}$/, 'agents_$1_$2')
      .replace(/^\{base64Zeros:(\d+)\}$/, (_, n) => Buffer.alloc(Number(n)).toString('base64'));
  }
  if (Array.isArray(value)) return value.map(substitute);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
  }
  return value;
}

/** Strings longer than this are recorded as "sha256:<hex>:<length>" (large audio) to keep the golden file small. */
const LONG_STRING = 1024;

function shorten(value) {
  if (typeof value === 'string' && value.length > LONG_STRING) {
    return `sha256:${createHash('sha256').update(value, 'utf8').digest('hex')}:${value.length}`;
  }
  if (Array.isArray(value)) return value.map(shorten);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v)]));
  }
  return value;
}

/** A JSON rendering of an emitted argument: ArrayBuffer as base64, Error as a marker, class instances as data. */
function toJson(value) {
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('base64');
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Error) return { $error: true };
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toJson(v)));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined && typeof v !== 'function') out[k] = toJson(v);
    }
    return out;
  }
  return value;
}

function urlQuery(url) {
  const parsed = new URL(url);
  return { model: parsed.searchParams.get('model'), callId: parsed.searchParams.get('call_id') };
}

class FakeSocket {
  constructor(record) {
    this.record = record;
    this.listeners = new Map();
  }
  addEventListener(type, listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, []);
    this.listeners.get(type).push(listener);
  }
  send(data) {
    this.record.frames.push(shorten(JSON.parse(data)));
  }
  close() {}
  dispatch(type, event) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const flush = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function runScenario(scenario) {
  now = CLOCK_START;
  let current = null; // the step record being filled
  let socket = null;
  const options = substitute(scenario.transport ?? {});
  const transport = new OpenAIRealtimeWebSocket({
    ...options,
    skipOpenEventListeners: true,
    createWebSocket: async ({ url }) => {
      socket = new FakeSocket(current);
      current.opened.push(urlQuery(url));
      return socket;
    },
  });
  // every emission, in order, whatever is registered (the error listener only keeps Node from throwing, X4)
  const emit = transport.emit.bind(transport);
  transport.emit = (name, ...args) => {
    current.events.push(args.length === 0 ? { name } : { name, payload: shorten(toJson(args[0])) });
    return emit(name, ...args);
  };
  transport.on('error', () => {});

  const steps = [];
  for (const rawStep of scenario.steps) {
    const step = substitute(rawStep);
    current = { op: step.op, threw: false, opened: [], frames: [], events: [] };
    if (socket) socket.record = current;
    try {
      const result = await perform(transport, step, () => socket);
      if (result !== undefined) current.result = result;
    } catch (error) {
      current.threw = true;
      current.message = String(error?.message ?? error);
    }
    await flush();
    if (socket) socket.record = current;
    steps.push(current);
  }
  current = { opened: [], frames: [], events: [] }; // the clean-up below is not part of the scenario
  if (socket) socket.record = current;
  try {
    transport.close();
  } catch {
    // the scenario is over
  }
  return { name: scenario.name, steps };
}

async function perform(transport, step, socket) {
  switch (step.op) {
    case 'connect':
      return void (await transport.connect(step.options ?? {}));
    case 'close':
      return transport.close();
    case 'status':
      return { status: transport.status, muted: transport.muted };
    case 'mute':
      return transport.mute(step.muted);
    case 'sendEvent':
      return transport.sendEvent(step.event);
    case 'requestResponse':
      return 'response' in step ? transport.requestResponse(step.response) : transport.requestResponse();
    case 'sendMessage':
      return transport.sendMessage(step.message, step.otherEventData ?? {}, step.options);
    case 'addImage':
      return transport.addImage(step.image, step.options);
    case 'sendAudio': {
      const bytes = Buffer.from(step.base64, 'base64');
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return transport.sendAudio(buffer, step.options);
    }
    case 'updateSessionConfig':
      return transport.updateSessionConfig(step.config);
    case 'sendFunctionCallOutput':
      return 'startResponse' in step
        ? transport.sendFunctionCallOutput(step.toolCall, step.output, step.startResponse)
        : transport.sendFunctionCallOutput(step.toolCall, step.output);
    case 'sendMcpResponse':
      return 'reason' in step
        ? transport.sendMcpResponse(step.approvalRequest, step.approved, step.reason)
        : transport.sendMcpResponse(step.approvalRequest, step.approved);
    case 'interrupt':
      return transport.interrupt();
    case 'resetHistory':
      return transport.resetHistory(step.oldHistory, step.newHistory);
    case 'clock':
      now += step.advanceMs;
      return undefined;
    case 'server':
      return socket().dispatch('message', { data: JSON.stringify(step.event) });
    case 'serverText':
      return socket().dispatch('message', { data: step.text });
    case 'serverBinary':
      return socket().dispatch('message', { data: Buffer.from(step.base64, 'base64') });
    case 'serverClose':
      return socket().dispatch('close', {});
    case 'serverDrop':
      // what the ws package reports when the TCP connection ends without a close frame
      return socket().dispatch('close', { code: 1006, reason: '' });
    default:
      throw new Error('unknown op ' + step.op);
  }
}

const scenarios = JSON.parse(readFileSync(scenarioFile, 'utf8')).scenarios;
const results = [];
for (const scenario of scenarios) {
  results.push(await runScenario(scenario));
}
const golden = {
  package: '@openai/agents-realtime',
  version,
  recordedWith: 'interop/typescript/differential.mjs',
  scenarios: results,
};
writeFileSync(goldenFile, JSON.stringify(golden, null, 1) + '\n');
console.log(`recorded ${results.length} scenarios of @openai/agents-realtime ${version} to ${goldenFile}`);
