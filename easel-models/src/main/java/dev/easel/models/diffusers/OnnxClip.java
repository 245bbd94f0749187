package dev.easel.models.diffusers;

import dev.easel.diffusion.cond.Conditioning;
import dev.easel.diffusion.cond.ConditioningEntry;
import dev.easel.models.ClipModel;
import dev.easel.models.onnx.OnnxSession;
import dev.easel.models.text.PromptTokenizer;
import dev.easel.tensor.Tensor;

import java.util.List;

/**
 * The CLIP of a diffusers ONNX folder: one text encoder (SD1, SD2) or two (SDXL: CLIP-L and
 * CLIP-G, their hidden states concatenated on the feature axis, pooled from CLIP-G).
 * {@link #withLastLayer} returns a view sharing the encoders; only the instance the loader made
 * closes them.
 */
public final class OnnxClip implements ClipModel, AutoCloseable {
    private final ModelFamily family;
    private final List<TextEncoder> encoders;
    private final EncoderLayer layer;
    private final boolean owner;

    private OnnxClip(ModelFamily family, List<TextEncoder> encoders, EncoderLayer layer, boolean owner) {
        this.family = family;
        this.encoders = List.copyOf(encoders);
        this.layer = layer;
        this.owner = owner;
    }

    /** Takes ownership of the encoders; SDXL needs two, the others one. */
    static OnnxClip of(ModelFamily family, List<TextEncoder> encoders) {
        int expected = family == ModelFamily.SDXL ? 2 : 1;
        if (encoders.size() != expected) {
            throw new IllegalArgumentException(family + " has " + expected + " text encoders, not " + encoders.size());
        }
        if (family == ModelFamily.SDXL) {
            for (TextEncoder e : encoders) {
                if (!e.hasHiddenStates()) {
                    throw new IllegalArgumentException(e.label() + " exports no hidden_states.N outputs; "
                            + "SDXL conditions on the penultimate layer, so the export must include them");
                }
            }
            if (!encoders.get(1).hasPooled()) {
                throw new IllegalArgumentException(encoders.get(1).label() + " has no text_embeds output; SDXL needs the pooled text embedding");
            }
        }
        return new OnnxClip(family, encoders, defaultLayer(family), true);
    }

    /**
     * A CLIP over text-encoder sessions with the outputs described in {@link TextEncoder} (a file's, or
     * a graph built in Java), each with its tokenizer, reading {@code defaultLayer} until
     * {@link #withLastLayer} picks another; takes ownership of the sessions.
     */
    public static OnnxClip of(ModelFamily family, List<OnnxSession> sessions, List<PromptTokenizer> tokenizers,
                              EncoderLayer defaultLayer) {
        if (sessions.size() != tokenizers.size()) {
            throw new IllegalArgumentException(sessions.size() + " text encoders but " + tokenizers.size() + " tokenizers");
        }
        List<TextEncoder> encoders = new java.util.ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) encoders.add(new TextEncoder(sessions.get(i), tokenizers.get(i)));
        OnnxClip checked = of(family, encoders);
        return new OnnxClip(family, checked.encoders, defaultLayer, true);
    }

    /**
     * SD1 and SD2 exports already end where ComfyUI reads them (diffusers' SD2 text encoder drops
     * OpenCLIP's last layer), so their default is {@code last_hidden_state}; SDXL reads the
     * penultimate layer of both encoders.
     */
    private static EncoderLayer defaultLayer(ModelFamily family) {
        return family == ModelFamily.SDXL ? new EncoderLayer.Hidden(-2, false) : new EncoderLayer.Final();
    }

    public ModelFamily family() {
        return family;
    }

    @Override
    public Conditioning encode(String text) {
        if (family != ModelFamily.SDXL) {
            TextEncoder.Encoded e = encoders.get(0).encode(text, layer);
            return Conditioning.of(ConditioningEntry.of(e.hidden(), e.pooled()));
        }
        TextEncoder.Encoded l = encoders.get(0).encode(text, layer);
        TextEncoder.Encoded g = encoders.get(1).encode(text, layer);
        int tokens = Math.min(l.hidden().dim(1), g.hidden().dim(1));
        return Conditioning.of(ConditioningEntry.of(concatFeatures(l.hidden(), g.hidden(), tokens), g.pooled()));
    }

    /**
     * {@code CLIPSetLastLayer}: −1 is the last layer. For SD1/SD2, as in ComfyUI, −1 is
     * {@code last_hidden_state} and a deeper layer gets the final layer norm too; SDXL reads both
     * encoders' {@code hidden_states.N} as they are.
     */
    @Override
    public ClipModel withLastLayer(int layer) {
        if (layer >= 0) throw new IllegalArgumentException("CLIP layers are counted from the end (−1, −2, ...), not " + layer);
        boolean xl = family == ModelFamily.SDXL;
        EncoderLayer chosen = !xl && layer == -1 ? new EncoderLayer.Final() : new EncoderLayer.Hidden(layer, !xl);
        return new OnnxClip(family, encoders, chosen, false);
    }

    /** {@code [1, T, a]} and {@code [1, T', b]} → {@code [1, tokens, a + b]}, both cut to {@code tokens}. */
    private static Tensor concatFeatures(Tensor a, Tensor b, int tokens) {
        int da = a.dim(2), db = b.dim(2);
        float[] out = new float[tokens * (da + db)];
        for (int t = 0; t < tokens; t++) {
            System.arraycopy(a.data(), t * da, out, t * (da + db), da);
            System.arraycopy(b.data(), t * db, out, t * (da + db) + da, db);
        }
        return Tensor.of(out, 1, tokens, da + db);
    }

    @Override
    public void close() {
        if (owner) encoders.forEach(TextEncoder::close);
    }
}
