/**
 * Audio helpers for transports, the mock server and tests: formats, G.711, PCM16, WAV files and test signals.
 *
 * <ul>
 *   <li>{@link dev.realtimetck.api.audio.AudioFormat} – the protocol's three formats ({@code audio/pcm} at
 *       a rate, {@code audio/pcmu}, {@code audio/pcma}) with byte/sample/duration arithmetic.</li>
 *   <li>{@link dev.realtimetck.api.audio.G711} – bit-exact mu-law and A-law encode/decode, per sample and
 *       in bulk, with allocation-free variants.</li>
 *   <li>{@link dev.realtimetck.api.audio.Pcm16} – little-endian sample access, {@code short[]} conversion,
 *       RMS and peak levels.</li>
 *   <li>{@link dev.realtimetck.api.audio.Transcode} – conversion between formats of equal sample rate
 *       (never resamples).</li>
 *   <li>{@link dev.realtimetck.api.audio.WavFile} and {@link dev.realtimetck.api.audio.WavAudio} – RIFF/WAVE
 *       read and write for 16-bit PCM and 8-bit G.711, mono or stereo.</li>
 *   <li>{@link dev.realtimetck.api.audio.AudioChunks} – splitting audio into fixed-duration chunks for
 *       streaming.</li>
 *   <li>{@link dev.realtimetck.api.audio.SyntheticAudio} – deterministic silence, tones, noise and
 *       speech-like bursts.</li>
 * </ul>
 *
 * <p>Conventions: PCM16 is always signed 16-bit little-endian. Methods taking a
 * {@link java.nio.ByteBuffer} work on its bytes between position and limit and leave its position alone.
 * Bad arguments raise {@link java.lang.IllegalArgumentException} (or
 * {@link java.lang.IndexOutOfBoundsException} for ranges, {@link java.lang.NullPointerException} for
 * nulls) whose message starts with the argument's name. Nothing here depends on anything outside the JDK.
 *
 * <p>Apart from {@code AudioFormat}, these types have no counterpart in {@code @openai/agents-realtime}, which
 * hands audio around as opaque {@code ArrayBuffer}s; they exist so that transports, the mock server and the
 * TCK agree byte for byte on what audio means.</p>
 */
package dev.realtimetck.api.audio;
