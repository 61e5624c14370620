package dev.realtimetck.api.audio;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Deterministic test audio: silence, pure tones, white noise and a speech-like signal, rendered in any
 * {@link AudioFormat} (PCM16 directly, G.711 by encoding the PCM16 signal).
 *
 * <p>The same arguments always give the same bytes, on every JVM: the waveforms use {@link StrictMath} and
 * random choices come from a {@link SplittableRandom} seeded by the caller. Durations are rounded to whole
 * samples with {@link AudioFormat#samplesFor(Duration)}.
 */
public final class SyntheticAudio {

    /** The seed {@link #speechLike(AudioFormat, Duration)} uses. */
    public static final long DEFAULT_SEED = 0x5EED_A0D1_0L;

    private static final double TWO_PI = 2 * Math.PI;

    private SyntheticAudio() {
    }

    /**
     * Digital silence: every sample is zero ({@code 0xFF} in mu-law, {@code 0xD5} in A-law).
     *
     * @param format the output format
     * @param duration how long, non-negative
     * @return the audio
     */
    public static byte[] silence(AudioFormat format, Duration duration) {
        return render(format, new short[sampleCount(format, duration)]);
    }

    /**
     * A sine tone starting at phase zero.
     *
     * @param format the output format
     * @param duration how long, non-negative
     * @param frequencyHz the frequency, above 0 and below half the sample rate
     * @param amplitude peak level as a fraction of full scale, in {@code (0, 1]}
     * @return the audio
     * @throws IllegalArgumentException naming {@code frequencyHz} or {@code amplitude} if out of range
     */
    public static byte[] tone(AudioFormat format, Duration duration, double frequencyHz, double amplitude) {
        int count = sampleCount(format, duration);
        checkFrequency(format, frequencyHz);
        checkAmplitude(amplitude);
        double peak = amplitude * Short.MAX_VALUE;
        double step = TWO_PI * frequencyHz / format.sampleRate();
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) Math.round(peak * StrictMath.sin(step * i));
        }
        return render(format, samples);
    }

    /**
     * Uniform white noise.
     *
     * @param format the output format
     * @param duration how long, non-negative
     * @param amplitude peak level as a fraction of full scale, in {@code (0, 1]}
     * @param seed chooses the noise; equal seeds give equal audio
     * @return the audio
     * @throws IllegalArgumentException naming {@code amplitude} if out of range
     */
    public static byte[] noise(AudioFormat format, Duration duration, double amplitude, long seed) {
        int count = sampleCount(format, duration);
        checkAmplitude(amplitude);
        int peak = (int) Math.round(amplitude * Short.MAX_VALUE);
        SplittableRandom random = new SplittableRandom(seed);
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) random.nextInt(-peak, peak + 1);
        }
        return render(format, samples);
    }

    /**
     * Speech-like audio with the {@link #DEFAULT_SEED}.
     *
     * @param format the output format
     * @param duration how long, non-negative
     * @return the audio
     * @see #speechLike(AudioFormat, Duration, long)
     */
    public static byte[] speechLike(AudioFormat format, Duration duration) {
        return speechLike(format, duration, DEFAULT_SEED);
    }

    /**
     * A voiced, syllable-like signal that energy-based voice-activity detectors treat as speech: a harmonic
     * tone (fundamental between 100 and 220 Hz chosen by the seed, with a slow pitch glide, harmonics up to
     * 3.4 kHz falling off as {@code 1/k}) amplitude-modulated at a syllable rate of 3 to 6 Hz between 20 % and
     * 100 % of its level. The envelope rises from zero over the first 10 ms and falls to zero over the last
     * 10 ms, and the peak stays below half of full scale.
     *
     * @param format the output format
     * @param duration how long, non-negative
     * @param seed chooses pitch and syllable rate; equal seeds give equal audio
     * @return the audio
     */
    public static byte[] speechLike(AudioFormat format, Duration duration, long seed) {
        int count = sampleCount(format, duration);
        SplittableRandom random = new SplittableRandom(seed);
        double fundamental = 100 + random.nextDouble() * 120;
        double syllableRate = 3 + random.nextDouble() * 3;
        double glideRate = 0.5 + random.nextDouble();
        double rate = format.sampleRate();
        double limit = Math.min(3_400, rate / 2 * 0.9);
        int harmonics = Math.max(1, (int) (limit / (fundamental * 1.1)));
        double harmonicSum = 0;
        for (int k = 1; k <= harmonics; k++) {
            harmonicSum += 1.0 / k;
        }
        double scale = 0.45 * Short.MAX_VALUE / harmonicSum;
        int ramp = (int) Math.min(count / 2, Math.round(rate / 100));
        short[] samples = new short[count];
        double phase = 0;
        for (int i = 0; i < count; i++) {
            double t = i / rate;
            double pitch = fundamental * (1 + 0.08 * StrictMath.sin(TWO_PI * glideRate * t));
            phase += TWO_PI * pitch / rate;
            double voiced = 0;
            for (int k = 1; k <= harmonics; k++) {
                voiced += StrictMath.sin(k * phase) / k;
            }
            double envelope = 0.6 - 0.4 * StrictMath.cos(TWO_PI * syllableRate * t);
            if (i < ramp) {
                envelope *= (double) i / ramp;
            } else if (count - 1 - i < ramp) {
                envelope *= (double) (count - 1 - i) / ramp;
            }
            samples[i] = (short) Math.round(scale * envelope * voiced);
        }
        return render(format, samples);
    }

    /**
     * An utterance surrounded by silence: {@code leadingSilence}, then {@link #speechLike(AudioFormat,
     * Duration, long)} for {@code speech}, then {@code trailingSilence}. Each part is rounded to whole
     * samples on its own.
     *
     * @param format the output format
     * @param leadingSilence silence before the speech
     * @param speech length of the speech-like part
     * @param trailingSilence silence after the speech
     * @param seed passed to {@code speechLike}
     * @return the audio
     */
    public static byte[] utterance(AudioFormat format, Duration leadingSilence, Duration speech,
            Duration trailingSilence, long seed) {
        byte[] before = silence(format, named(leadingSilence, "leadingSilence"));
        byte[] voiced = speechLike(format, named(speech, "speech"), seed);
        byte[] after = silence(format, named(trailingSilence, "trailingSilence"));
        byte[] out = new byte[before.length + voiced.length + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        System.arraycopy(voiced, 0, out, before.length, voiced.length);
        System.arraycopy(after, 0, out, before.length + voiced.length, after.length);
        return out;
    }

    private static Duration named(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + ": must be >= 0, was " + duration);
        }
        return duration;
    }

    private static int sampleCount(AudioFormat format, Duration duration) {
        Objects.requireNonNull(format, "format");
        named(duration, "duration");
        long samples = format.samplesFor(duration);
        if (samples > Integer.MAX_VALUE / 2 - 8) {
            throw new IllegalArgumentException("duration: " + duration + " is too long to fit in a byte[] at "
                    + format.sampleRate() + " Hz");
        }
        return (int) samples;
    }

    private static void checkFrequency(AudioFormat format, double frequencyHz) {
        if (!(frequencyHz > 0 && frequencyHz < format.sampleRate() / 2.0)) {
            throw new IllegalArgumentException("frequencyHz: must be above 0 and below half the sample rate ("
                    + format.sampleRate() / 2.0 + " Hz), was " + frequencyHz);
        }
    }

    private static void checkAmplitude(double amplitude) {
        if (!(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude: must be in (0, 1], was " + amplitude);
        }
    }

    private static byte[] render(AudioFormat format, short[] samples) {
        byte[] pcm = Pcm16.toBytes(samples);
        if (format instanceof AudioFormat.Pcm) {
            return pcm;
        }
        return format instanceof AudioFormat.Pcmu ? G711.encodeMulaw(pcm) : G711.encodeAlaw(pcm);
    }
}
