package dev.realtimetck.api;

/**
 * Input noise reduction ({@code audio.input.noise_reduction}). A null field in {@link AudioInputConfig} means
 * "unspecified"; {@link #disabled()} is the explicit JSON {@code null}.
 */
public sealed interface NoiseReduction permits NoiseReduction.Off, NoiseReduction.Config {

    /** Noise reduction explicitly off (JSON {@code null}). */
    static NoiseReduction disabled() {
        return Off.INSTANCE;
    }

    /** Noise reduction of the given type, for example {@code near_field} or {@code far_field}. */
    static NoiseReduction of(String type) {
        return new Config(type);
    }

    /** Explicitly off. */
    enum Off implements NoiseReduction {
        /** The only value. */
        INSTANCE
    }

    /**
     * Noise reduction of a type.
     *
     * @param type the type, non-empty
     */
    record Config(String type) implements NoiseReduction {
        /** Validates. */
        public Config {
            Checks.requireText(type, "type");
        }
    }
}
