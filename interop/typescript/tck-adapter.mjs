// Realtime TCK bridge adapter for the official @openai/agents-realtime WebSocket transport
// (OpenAIRealtimeWebSocket). Speaks the bridge protocol of tck/BRIDGE.md on standard input and output:
//   java -jar tck/target/realtime-tck-runner.jar --adapter "node interop/typescript/tck-adapter.mjs"
// Plain ESM JavaScript, no build step; the transport's version is pinned by package-lock.json (npm ci).
//
// Listeners of the transport are synchronous, and the TCK's listeners must run inside them: when the transport
// emits an event the adapter writes it, then blocks until the TCK acknowledges it. While blocked it runs the
// requests the TCK's listeners make for that event (they carry its sequence number in `during`), and keeps every
// other request for afterwards. Blocking needs a synchronous read of standard input: a worker thread reads it into
// a shared buffer, and the main thread waits on that buffer with Atomics.wait.
import { Worker } from 'node:worker_threads';
import { readFileSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { OpenAIRealtimeWebSocket } from '@openai/agents-realtime';

export const PROTOCOL = 1;
const ADAPTER_VERSION = '0.1.0';
const ACK_BOUND_MS = 120_000;
const SLOT_BYTES = 1 << 20;

// ---------------------------------------------------------------------------------------------- standard input

// control words: [0] slot full (1) or empty (0), [1] bytes in the slot, [2] end of input (1)
const control = new Int32Array(new SharedArrayBuffer(16));
const slot = new Uint8Array(new SharedArrayBuffer(SLOT_BYTES));
const READER = `
const { workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const control = new Int32Array(workerData.control);
const slot = new Uint8Array(workerData.slot);
const chunk = Buffer.alloc(slot.length);
const { parentPort } = require('node:worker_threads');
for (;;) {
  let n;
  try { n = readSync(0, chunk, 0, chunk.length, null); }
  catch (e) { if (e.code === 'EAGAIN') { Atomics.wait(control, 0, 1, 5); continue; } if (e.code === 'EOF') n = 0; else throw e; }
  while (Atomics.load(control, 0) === 1) Atomics.wait(control, 0, 1, 1000);
  if (n === 0) { Atomics.store(control, 2, 1); Atomics.store(control, 0, 1); Atomics.notify(control, 0); parentPort.postMessage('eof'); break; }
  slot.set(chunk.subarray(0, n));
  Atomics.store(control, 1, n);
  Atomics.store(control, 0, 1);
  Atomics.notify(control, 0);
  parentPort.postMessage('data');
}
`;

const decoder = new StringDecoder('utf8');
let pendingText = '';
const lines = [];
let inputEnded = false;

/** Moves whatever the reader thread has into complete lines. */
function pullInput() {
  while (Atomics.load(control, 0) === 1) {
    if (Atomics.load(control, 2) === 1) {
      inputEnded = true;
      return;
    }
    const n = Atomics.load(control, 1);
    pendingText += decoder.write(Buffer.from(slot.subarray(0, n)));
    Atomics.store(control, 0, 0);
    Atomics.notify(control, 0);
    let newline;
    while ((newline = pendingText.indexOf('\n')) >= 0) {
      const line = pendingText.slice(0, newline);
      pendingText = pendingText.slice(newline + 1);
      if (line.trim() !== '') lines.push(line);
    }
  }
}

// ---------------------------------------------------------------------------------------------- standard output

function writeLine(message) {
  const bytes = Buffer.from(JSON.stringify(message) + '\n', 'utf8');
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(1, bytes, off, bytes.length - off);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(control, 3, 0, 1);
    }
  }
}

function log(text) {
  process.stderr.write(`tck-adapter: ${text}\n`);
}

// ---------------------------------------------------------------------------------------------- errors

function describeError(e) {
  let ref;
  for (let c = e, depth = 0; c != null && depth < 5; c = c.cause ?? c.error, depth++) {
    if (typeof c === 'object' && typeof c.bridgeRef === 'number') {
      ref = c.bridgeRef;
      break;
    }
  }
  const out = {
    type: (e && (e.name || e.constructor?.name)) || typeof e,
    message: String((e && e.message) ?? e),
    // the SDK's UserError (resetHistory refusing a history it cannot replay, A33/A34) is Java's
    // UnsupportedHistoryChangeException, an IllegalArgumentException (J5)
    kind: (e && e.bridgeKind) || (e && (e.name === 'UserError' || e.constructor?.name === 'UserError')
      ? 'illegalArgument' : 'error'),
  };
  if (ref !== undefined) out.ref = ref;
  return out;
}

// ---------------------------------------------------------------------------------------------- event payloads

function isPlainObject(x) {
  return x !== null && typeof x === 'object' && (Object.getPrototypeOf(x) === Object.prototype
    || Object.getPrototypeOf(x) === null);
}

function arrayBufferToBase64(buffer) {
  return Buffer.from(buffer).toString('base64');
}

/** The bridge's JSON payload of one emitted event (undefined for events without one). */
function encodePayload(name, tag, args) {
  const value = args[0];
  if (value === undefined) return undefined;
  if (tag === 'event' && name === 'error') {
    const inner = value?.error;
    if (isPlainObject(inner) && typeof inner.type === 'string') {
      return { type: 'error', error: inner };
    }
    return { type: 'error', failure: describeError(inner ?? value) };
  }
  if (tag === 'event' && name === 'audio') {
    return { type: 'audio', data: arrayBufferToBase64(value.data), responseId: value.responseId };
  }
  return JSON.parse(JSON.stringify(value));
}

// ---------------------------------------------------------------------------------------------- the adapter

/**
 * Runs the adapter until standard input ends.
 * @param {object} [options]
 * @param {(transport: OpenAIRealtimeWebSocket) => object} [options.wrap] wraps every transport (a broken adapter
 *   breaks one rule this way)
 * @param {string} [options.name] the adapter name in the handshake
 */
export function runAdapter(options = {}) {
  const wrap = options.wrap ?? ((t) => t);
  for (const method of ['log', 'info', 'debug', 'warn']) {
    // standard output carries protocol lines only
    console[method] = (...a) => process.stderr.write(a.map(String).join(' ') + '\n');
  }
  // one line per error, without the stack (its file paths name the machine): the TCK shows the last lines
  const oneLine = (e) => `${e?.name ?? typeof e}: ${String(e?.message ?? e)}`.replace(/\s+/g, ' ').slice(0, 300);
  process.on('uncaughtException', (e) => {
    // the transport lets listener exceptions escape its socket handler (X24); Node would exit, a browser logs
    log(`uncaught exception (kept running): ${oneLine(e)}`);
  });
  process.on('unhandledRejection', (e) => log(`unhandled rejection (kept running): ${oneLine(e)}`));

  const transports = new Map();
  const subscriptions = new Map();
  const acks = new Map();
  const keyRequests = new Map();
  const waiting = [];
  const deferred = [];
  let seq = 0;
  let keyIds = 0;

  const here = dirname(fileURLToPath(import.meta.url));
  const transportVersion = JSON.parse(readFileSync(join(here, 'node_modules', '@openai', 'agents-realtime',
    'package.json'), 'utf8')).version;

  function respond(id, result, error) {
    const m = { kind: 'response', id };
    if (error !== undefined) m.error = describeError(error);
    else m.result = result === undefined ? null : result;
    writeLine(m);
  }

  function transport(id) {
    const t = transports.get(id);
    if (!t) throw Object.assign(new Error(`unknown transport '${id}'`), { bridgeKind: 'illegalArgument' });
    return t;
  }

  function forward(tid, tag, name, args) {
    const s = ++seq;
    const message = { kind: 'event', seq: s, transport: tid, [tag]: name };
    const payload = encodePayload(name, tag, args);
    if (payload !== undefined) message.payload = payload;
    writeLine(message);
    waiting.push(s);
    let ack;
    try {
      ack = awaitAck(s);
    } finally {
      waiting.pop();
      if (waiting.length === 0 && deferred.length > 0) setImmediate(drainDeferred);
    }
    if (ack.thrown) {
      const e = new Error(ack.thrown.message);
      e.name = ack.thrown.type;
      e.bridgeRef = ack.thrown.ref;
      throw e;
    }
  }

  function awaitAck(s) {
    const deadline = Date.now() + ACK_BOUND_MS;
    for (;;) {
      processLines();
      if (acks.has(s)) {
        const ack = acks.get(s);
        acks.delete(s);
        return ack;
      }
      if (inputEnded) process.exit(0);
      if (Date.now() > deadline) throw new Error(`no ack for event ${s} within ${ACK_BOUND_MS} ms`);
      Atomics.wait(control, 0, 0, 50);
      pullInput();
    }
  }

  function subscribe(tid, t, args) {
    const tag = args.serverEvent !== undefined ? 'serverEvent' : 'event';
    const name = args[tag];
    const key = `${tid}/${tag}:${name}`;
    if (subscriptions.has(key)) return;
    const listener = (...a) => forward(tid, tag, name, a);
    t.on(name, listener);
    subscriptions.set(key, () => t.off(name, listener));
  }

  function connectOptions(tid, o) {
    const out = {};
    if (typeof o.apiKey === 'string') out.apiKey = o.apiKey;
    else if (o.apiKey && typeof o.apiKey.supplier === 'number') {
      const supplier = o.apiKey.supplier;
      out.apiKey = () => new Promise((resolve, reject) => {
        const id = ++keyIds;
        keyRequests.set(id, { resolve, reject });
        writeLine({ kind: 'apiKey', id, transport: tid, supplier });
      });
    }
    for (const k of ['model', 'url', 'callId', 'initialSessionConfig']) {
      if (o[k] !== undefined) out[k] = o[k];
    }
    return out;
  }

  function invoke(tid, method, args) {
    if (method === 'create') {
      const s = args.settings;
      const t = new OpenAIRealtimeWebSocket({ url: s.url, ...(s.apiKey ? { apiKey: s.apiKey } : {}) });
      transports.set(tid, wrap(t));
      return null;
    }
    const t = transport(tid);
    switch (method) {
      case 'status': return t.status;
      case 'muted': return t.muted;
      case 'sendEvent': return t.sendEvent(args.event);
      case 'requestResponse':
        if (typeof t.requestResponse === 'function') {
          return args.response === undefined ? t.requestResponse() : t.requestResponse(args.response);
        }
        return t.sendEvent(args.response === undefined ? { type: 'response.create' }
          : { type: 'response.create', response: args.response });
      case 'sendMessage': return t.sendMessage(args.message, args.otherEventData ?? {}, args.options);
      case 'addImage': return t.addImage(args.image, args.options);
      case 'sendAudio': {
        const bytes = Buffer.from(args.audio, 'base64');
        const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
        return t.sendAudio(buffer, args.options ?? {});
      }
      case 'updateSessionConfig': return t.updateSessionConfig(args.config);
      case 'close': return t.close();
      case 'mute':
        try {
          return t.mute(args.muted);
        } catch (e) {
          if (t.muted === null && e && typeof e === 'object') e.bridgeKind = 'unsupported';
          throw e;
        }
      case 'sendFunctionCallOutput': return t.sendFunctionCallOutput(args.toolCall, args.output, args.startResponse);
      case 'interrupt': return t.interrupt();
      case 'resetHistory': return t.resetHistory(args.oldHistory, args.newHistory);
      case 'sendMcpResponse':
        return args.reason === undefined ? t.sendMcpResponse(args.approvalRequest, args.approved)
          : t.sendMcpResponse(args.approvalRequest, args.approved, args.reason);
      case 'subscribe': return subscribe(tid, t, args);
      case 'unsubscribe': {
        const tag = args.serverEvent !== undefined ? 'serverEvent' : 'event';
        const key = `${tid}/${tag}:${args[tag]}`;
        subscriptions.get(key)?.();
        subscriptions.delete(key);
        return null;
      }
      default:
        throw Object.assign(new Error(`unknown method '${method}'`), { bridgeKind: 'illegalArgument' });
    }
  }

  function handleRequest(m) {
    const args = m.args ?? {};
    try {
      if (m.method === 'connect') {
        const t = transport(m.transport);
        t.connect(connectOptions(m.transport, args.options ?? {})).then(
          () => respond(m.id, null), (e) => respond(m.id, undefined, e ?? new Error('connect failed')));
        return;
      }
      const result = invoke(m.transport, m.method, args);
      respond(m.id, result === undefined ? null : result);
    } catch (e) {
      respond(m.id, undefined, e ?? new Error('thrown: ' + e));
    }
  }

  function drainDeferred() {
    while (waiting.length === 0 && deferred.length > 0) handleRequest(deferred.shift());
  }

  function handleLine(line) {
    let m;
    try {
      m = JSON.parse(line);
    } catch (e) {
      log(`ignoring a line that is not JSON (${line.length} characters)`);
      return;
    }
    switch (m.kind) {
      case 'request':
        if (waiting.length > 0 && waiting.includes(m.during)) handleRequest(m);
        else if (waiting.length > 0 || deferred.length > 0) {
          deferred.push(m);
          if (waiting.length === 0) setImmediate(drainDeferred);
        } else handleRequest(m);
        break;
      case 'ack':
        acks.set(m.seq, m);
        break;
      case 'apiKeyResult': {
        const pending = keyRequests.get(m.id);
        keyRequests.delete(m.id);
        if (!pending) break;
        if (m.error) pending.reject(Object.assign(new Error(m.error.message), { name: m.error.type }));
        else pending.resolve(m.key);
        break;
      }
      default:
        log(`ignoring an unknown message kind ${m.kind}`);
    }
  }

  function processLines() {
    pullInput();
    while (lines.length > 0) handleLine(lines.shift());
  }

  writeLine({
    kind: 'handshake',
    protocol: PROTOCOL,
    adapter: { name: options.name ?? 'agents-realtime-tck-adapter', version: ADAPTER_VERSION },
    transport: { name: '@openai/agents-realtime OpenAIRealtimeWebSocket', version: transportVersion },
    capabilities: {
      muting: false,
      responseSequencing: true,
      wallClockTruncation: true,
      connectTimeout: false,
    },
  });

  const reader = new Worker(READER, { eval: true, workerData: { control: control.buffer, slot: slot.buffer } });
  reader.on('message', () => {
    if (waiting.length > 0) return; // a blocked forward() is reading the input itself
    processLines();
    if (inputEnded) {
      for (const t of transports.values()) {
        try { t.close(); } catch { /* ending anyway */ }
      }
      process.exit(0);
    }
  });
  reader.on('error', (e) => {
    log(`standard input reader failed: ${e?.message ?? e}`);
    process.exit(1);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAdapter();
}
