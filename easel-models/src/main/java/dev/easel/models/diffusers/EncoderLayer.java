package dev.easel.models.diffusers;

/** Which hidden states a text encoder's conditioning is read from. */
public sealed interface EncoderLayer {

    /** {@code last_hidden_state}: the last layer after the final layer norm. */
    record Final() implements EncoderLayer {
    }

    /**
     * {@code hidden_states.N} counted from the end (−1 is the last layer); with {@code finalNorm}
     * the encoder's final layer norm is applied to it (ComfyUI's {@code layer_norm_hidden_state}).
     */
    record Hidden(int fromEnd, boolean finalNorm) implements EncoderLayer {
        public Hidden {
            if (fromEnd >= 0) throw new IllegalArgumentException("a layer is counted from the end: −1, −2, ..., not " + fromEnd);
        }
    }
}
