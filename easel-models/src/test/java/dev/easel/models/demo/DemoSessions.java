package dev.easel.models.demo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.easel.models.text.ClipBpeTokenizer;
import dev.easel.models.text.TokenWeight;
import dev.easel.models.text.TokenizerSpec;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo folder opened the way a loader opens it: ONNX Runtime sessions on the four graphs and
 * the tokenizer read from {@code tokenizer/} with CLIP-L's special token ids.
 */
final class DemoSessions implements AutoCloseable {
    final OrtEnvironment env = OrtEnvironment.getEnvironment();
    final OrtSession textEncoder, unet, vaeDecoder, vaeEncoder;
    final ClipBpeTokenizer tokenizer;

    DemoSessions(Path dir) throws IOException, OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            textEncoder = env.createSession(dir.resolve("text_encoder/model.onnx").toString(), options);
            unet = env.createSession(dir.resolve("unet/model.onnx").toString(), options);
            vaeDecoder = env.createSession(dir.resolve("vae_decoder/model.onnx").toString(), options);
            vaeEncoder = env.createSession(dir.resolve("vae_encoder/model.onnx").toString(), options);
        }
        tokenizer = ClipBpeTokenizer.load(dir.resolve("tokenizer"), TokenizerSpec.clipL());
    }

    /** The first 77-token chunk of {@code prompt}: start, tokens, end, end padding. */
    int[] ids(String prompt) {
        List<TokenWeight> chunk = tokenizer.tokenize(prompt).get(0);
        return chunk.stream().mapToInt(TokenWeight::id).toArray();
    }

    /** {@code last_hidden_state} of one prompt, [77, D] flattened. */
    float[] hidden(String prompt) throws OrtException {
        int[] ids = ids(prompt);
        try (OnnxTensor input = OnnxTensor.createTensor(env, IntBuffer.wrap(ids), new long[]{1, ids.length});
             OrtSession.Result result = textEncoder.run(Map.of("input_ids", input))) {
            return floats(result, 0);
        }
    }

    /** {@code out_sample} for a batch of samples [B,4,h,w] with per-row timesteps and hidden states [B,77,D]. */
    float[] unet(float[] sample, long[] shape, float[] timesteps, float[] hidden) throws OrtException {
        long rows = shape[0], tokens = hidden.length / rows / Concept.DIMENSIONS;
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(sample), shape);
             OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(timesteps), new long[]{rows});
             OnnxTensor h = OnnxTensor.createTensor(env, FloatBuffer.wrap(hidden), new long[]{rows, tokens, Concept.DIMENSIONS});
             OrtSession.Result result = unet.run(Map.of("sample", x, "timestep", t, "encoder_hidden_states", h))) {
            return floats(result, 0);
        }
    }

    /** The decoder's image [1,3,8h,8w] of one raw latent [1,4,h,w]. */
    float[] decode(float[] latent, int h, int w) throws OrtException {
        return runOne(vaeDecoder, "latent_sample", latent, new long[]{1, 4, h, w});
    }

    /** The encoder's raw latent [1,4,H/8,W/8] of one image [1,3,H,W] in −1..1. */
    float[] encode(float[] image, int height, int width) throws OrtException {
        return runOne(vaeEncoder, "sample", image, new long[]{1, 3, height, width});
    }

    private float[] runOne(OrtSession session, String name, float[] data, long[] shape) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(name, input))) {
            return floats(result, 0);
        }
    }

    private static float[] floats(OrtSession.Result result, int index) {
        FloatBuffer buffer = ((OnnxTensor) result.get(index)).getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @Override
    public void close() throws OrtException {
        textEncoder.close();
        unet.close();
        vaeDecoder.close();
        vaeEncoder.close();
    }
}
