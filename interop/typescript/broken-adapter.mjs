// A deliberately broken bridge adapter: the official OpenAIRealtimeWebSocket, except that sendAudio ignores
// { commit: true }, so input_audio_buffer.commit is never sent. The TCK must fail RT-CLIENT-008 over the bridge
// (BrokenTypeScriptAdapterTest, in the -Pinterop run). Not for use anywhere else.
import { runAdapter } from './tck-adapter.mjs';

runAdapter({
  name: 'agents-realtime-tck-adapter (broken: sendAudio never commits)',
  wrap(transport) {
    const sendAudio = transport.sendAudio.bind(transport);
    transport.sendAudio = (audio, options) => sendAudio(audio, { ...options, commit: false });
    return transport;
  },
});
