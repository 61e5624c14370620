// Runs the official @openai/agents-realtime WebSocket transport against a Realtime TCK mock server.
// Usage: node interop.mjs ws://127.0.0.1:PORT/v1/realtime   (or REALTIME_MOCK_URL=...)
// Prints one line per flow, "PASS <flow>" or "FAIL <flow>: <reason>", and exits 1 on any failure
// or on any `error` event from the server. Each flow has its own timeout; the whole run is bounded.
import {
  OpenAIRealtimeWebSocket,
  RealtimeAgent,
  RealtimeSession,
  tool,
} from '@openai/agents-realtime';

const url = process.argv[2] ?? process.env.REALTIME_MOCK_URL;
if (!url) {
  console.error('usage: node interop.mjs ws://HOST:PORT/v1/realtime (or set REALTIME_MOCK_URL)');
  process.exit(2);
}
const API_KEY = 'sk-interop-not-a-real-key';
const FLOW_TIMEOUT_MS = 10_000;
const TOTAL_TIMEOUT_MS = 55_000;

const overall = setTimeout(() => {
  console.log('FAIL run: the whole script took longer than ' + TOTAL_TIMEOUT_MS + ' ms');
  process.exit(1);
}, TOTAL_TIMEOUT_MS);
overall.unref();

// zod validation errors of the transport escape its socket handler (they are thrown from the message
// callback); report them as a failure line instead of a bare stack trace
process.on('uncaughtException', (e) => {
  console.log('FAIL uncaught: ' + (e?.message ?? e).toString().replace(/\s+/g, ' ').slice(0, 2000));
  process.exit(1);
});
process.on('unhandledRejection', (e) => {
  console.log('FAIL unhandled-rejection: ' + (e?.message ?? e).toString().replace(/\s+/g, ' ').slice(0, 2000));
  process.exit(1);
});

const serverErrors = [];
let failures = 0;

/** Waits for the first `event` on `emitter` whose arguments satisfy `predicate`. */
function waitFor(emitter, event, predicate = () => true, timeoutMs = FLOW_TIMEOUT_MS) {
  return new Promise((resolve, reject) => {
    const listener = (...args) => {
      if (predicate(...args)) {
        clearTimeout(timer);
        emitter.off(event, listener);
        resolve(args[0]);
      }
    };
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no '${event}' within ${timeoutMs} ms`));
    }, timeoutMs);
    emitter.on(event, listener);
  });
}

/** Waits for a raw server event of the given type (seen through the transport's '*' event). */
function waitForServerEvent(transport, type, predicate = () => true, timeoutMs) {
  return waitFor(transport, '*', (e) => e?.type === type && predicate(e), timeoutMs);
}

async function flow(name, body) {
  const errorsBefore = serverErrors.length;
  let timer;
  try {
    await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${FLOW_TIMEOUT_MS * 2} ms`)), FLOW_TIMEOUT_MS * 2);
      }),
    ]);
    if (serverErrors.length > errorsBefore) {
      throw new Error('server error event(s): ' + JSON.stringify(serverErrors.slice(errorsBefore)));
    }
    console.log(`PASS ${name}`);
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}: ${e?.message ?? e}`);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(e) {
  const inner = e?.error ?? e;
  if (inner?.error) return JSON.stringify(inner.error);
  if (inner instanceof Error) return inner.message;
  return typeof inner === 'object' ? JSON.stringify(inner) : String(inner);
}

/** PCM16 mono 24 kHz: `speechMs` of a pulsed harmonic tone (voice-like) followed by `silenceMs` of silence. */
function speechLikePcm16(speechMs, silenceMs) {
  const rate = 24_000;
  const speech = Math.round((rate * speechMs) / 1000);
  const total = speech + Math.round((rate * silenceMs) / 1000);
  const samples = new Int16Array(total);
  const f0 = 140;
  for (let i = 0; i < speech; i++) {
    const t = i / rate;
    const syllable = 0.6 + 0.4 * Math.abs(Math.sin(2 * Math.PI * 4 * t)); // ~4 syllables per second
    let v = 0;
    for (let h = 1; h <= 5; h++) v += Math.sin(2 * Math.PI * f0 * h * t) / h;
    samples[i] = Math.round(0.35 * syllable * v * 32767 / 2.3);
  }
  return samples.buffer;
}

async function sendAudioInChunks(transport, buffer, chunkMs = 100) {
  const bytesPerChunk = (24_000 * 2 * chunkMs) / 1000;
  for (let offset = 0; offset < buffer.byteLength; offset += bytesPerChunk) {
    transport.sendAudio(buffer.slice(offset, Math.min(offset + bytesPerChunk, buffer.byteLength)));
  }
}

// ---------------------------------------------------------------- transport flows
const transport = new OpenAIRealtimeWebSocket({ url });
transport.on('error', (e) => serverErrors.push(describeError(e)));
let connected = false;

await flow('connect', async () => {
  const updated = waitForServerEvent(transport, 'session.updated');
  await transport.connect({
    apiKey: API_KEY,
    url,
    model: 'gpt-realtime',
    initialSessionConfig: { instructions: 'You are the interop check.', voice: 'alloy' },
  });
  const session = (await updated).session;
  if (session?.instructions !== 'You are the interop check.') {
    throw new Error('session.updated does not carry the instructions: ' + JSON.stringify(session));
  }
  if (transport.status !== 'connected') throw new Error('status is ' + transport.status);
  connected = true;
});

await flow('text-turn', async () => {
  if (!connected) throw new Error('not connected');
  let audioBytes = 0;
  let transcript = '';
  const onAudio = (e) => { audioBytes += e.data.byteLength; };
  const onDelta = (e) => { transcript += e.delta; };
  transport.on('audio', onAudio);
  transport.on('audio_transcript_delta', onDelta);
  try {
    const rawDone = waitForServerEvent(transport, 'response.done');
    const done = waitFor(transport, 'turn_done');
    transport.sendMessage('hello mock', {});
    const turn = await done;
    const status = (await rawDone).response?.status;
    if (status !== 'completed') throw new Error('response status ' + status);
    if (audioBytes === 0) throw new Error('no audio received');
    if (!transcript.includes('hello mock')) throw new Error('transcript deltas were ' + JSON.stringify(transcript));
    const item = turn.response.output?.[0];
    const part = item?.content?.find((c) => c.type === 'output_audio' || c.type === 'output_text');
    if (!part) throw new Error('turn_done output has no audio/text part: ' + JSON.stringify(turn.response.output));
  } finally {
    transport.off('audio', onAudio);
    transport.off('audio_transcript_delta', onDelta);
  }
});

await flow('audio-turn', async () => {
  if (!connected) throw new Error('not connected');
  let audioBytes = 0;
  const onAudio = (e) => { audioBytes += e.data.byteLength; };
  transport.on('audio', onAudio);
  try {
    const started = waitForServerEvent(transport, 'input_audio_buffer.speech_started');
    const committed = waitForServerEvent(transport, 'input_audio_buffer.committed');
    const rawDone = waitForServerEvent(transport, 'response.done');
    const done = waitFor(transport, 'turn_done');
    await sendAudioInChunks(transport, speechLikePcm16(1200, 800));
    await started;
    await committed;
    const turn = await done;
    const status = (await rawDone).response?.status;
    if (status !== 'completed') throw new Error('response status ' + status);
    if ((turn.response.output ?? []).length === 0) throw new Error('turn_done has no output');
    if (audioBytes === 0) throw new Error('no response audio received');
  } finally {
    transport.off('audio', onAudio);
  }
});

await flow('interrupt', async () => {
  if (!connected) throw new Error('not connected');
  const firstAudio = waitFor(transport, 'audio');
  const rawDone = waitForServerEvent(transport, 'response.done');
  const done = waitFor(transport, 'turn_done');
  transport.sendMessage('please read a rather long answer so that there is time to interrupt it midway', {});
  await firstAudio;
  const truncated = waitForServerEvent(transport, 'conversation.item.truncated');
  const interrupted = waitFor(transport, 'audio_interrupted');
  transport.interrupt();
  await interrupted;
  await done;
  const status = (await rawDone).response?.status;
  if (status !== 'cancelled') throw new Error('response status after interrupt is ' + status + ' (expected cancelled)');
  await truncated;
});

await flow('close', async () => {
  if (!connected) throw new Error('not connected');
  const disconnected = waitFor(transport, 'connection_change', (s) => s === 'disconnected');
  transport.close();
  await disconnected;
});

// ---------------------------------------------------------------- RealtimeSession with an agent and a tool
let toolArgs;
const getWeather = tool({
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
  strict: true,
  execute: async (args) => {
    toolArgs = args;
    return `sunny in ${args.city}`;
  },
});
const agent = new RealtimeAgent({ name: 'Interop', instructions: 'Answer briefly.', tools: [getWeather] });
const sessionTransport = new OpenAIRealtimeWebSocket({ url });
const session = new RealtimeSession(agent, { transport: sessionTransport, model: 'gpt-realtime' });
session.on('error', (e) => serverErrors.push(describeError(e)));
let sessionConnected = false;

await flow('session-connect', async () => {
  const updated = waitForServerEvent(sessionTransport, 'session.updated',
    (e) => (e.session?.tools ?? []).some((t) => t.name === 'get_weather'));
  await session.connect({ apiKey: API_KEY, url });
  await updated;
  sessionConnected = true;
});

await flow('function-call', async () => {
  if (!sessionConnected) throw new Error('session not connected');
  const toolEnd = waitFor(session, 'agent_tool_end');
  // the reply after the tool output names the function and its result
  const finalReply = waitFor(session, 'agent_end', (_ctx, _agent, text) => String(text).includes('get_weather'));
  session.sendMessage('please call get_weather {"city":"Paris"}');
  await toolEnd;
  if (toolArgs?.city !== 'Paris') throw new Error('tool got arguments ' + JSON.stringify(toolArgs));
  await finalReply;
  const outputs = session.history.filter((i) => i.type === 'function_call');
  if (outputs.length !== 1 || outputs[0].output !== 'sunny in Paris') {
    throw new Error('history function_call: ' + JSON.stringify(outputs));
  }
});

await flow('session-close', async () => {
  if (!sessionConnected) throw new Error('session not connected');
  const disconnected = waitFor(sessionTransport, 'connection_change', (s) => s === 'disconnected');
  session.close();
  await disconnected;
});

if (serverErrors.length > 0) {
  console.log('FAIL server-errors: ' + JSON.stringify(serverErrors));
  failures++;
}
console.log(failures === 0 ? 'ALL PASS' : `${failures} FAILED`);
process.exit(failures === 0 ? 0 : 1);
