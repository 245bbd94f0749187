package dev.easel.models.onnx;

import dev.easel.tensor.Tensor;

import java.util.Arrays;

/**
 * A value given to a session input, in Java's terms; {@link OnnxSession} converts it to the
 * element type the model declares for that input.
 */
public sealed interface Feed {

    int[] shape();

    /** Float values (latents, hidden states, timesteps): to float32, float16 or double; to ints by rounding. */
    record Floats(Tensor tensor) implements Feed {
        @Override
        public int[] shape() {
            return tensor.shape();
        }
    }

    /** Integer values (token ids, integer timesteps): to int64 or int32, or to floats. */
    record Ints(long[] values, int[] shape) implements Feed {
        public Ints {
            long n = 1;
            for (int d : shape) n *= d;
            if (n != values.length) throw new IllegalArgumentException(values.length + " ints do not fit shape " + Arrays.toString(shape));
            values = values.clone();
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }
    }

    static Feed of(Tensor tensor) {
        return new Floats(tensor);
    }

    static Feed ints(long[] values, int... shape) {
        return new Ints(values, shape);
    }
}
