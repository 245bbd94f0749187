package dev.easel.models.diffusers;

import dev.easel.models.onnx.Feed;
import dev.easel.models.onnx.OnnxSession;
import dev.easel.models.onnx.TensorSpec;
import dev.easel.models.text.PromptTokenizer;
import dev.easel.models.text.TokenWeight;
import dev.easel.models.text.TokenizerSpec;
import dev.easel.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CLIP text encoder of a diffusers folder with its tokenizer: {@code input_ids [B, 77]} →
 * {@code last_hidden_state}, a pooled output ({@code text_embeds} when projected, else
 * {@code pooler_output}) and, when exported, {@code hidden_states.0..L}.
 */
final class TextEncoder implements AutoCloseable {
    static final String IDS = "input_ids", LAST = "last_hidden_state", HIDDEN_PREFIX = "hidden_states.";
    /** Hidden states after the final layer norm, which graphs Easel builds itself export (exports from files do not). */
    static final String NORMED_PREFIX = "normed_hidden_states.";

    private final OnnxSession session;
    private final PromptTokenizer tokenizer;
    private final int hiddenStates;
    private final Optional<String> pooledOutput;

    /** Text encoded by one encoder: {@code [1, tokens, dim]} and the first chunk's pooled output {@code [1, dim]}. */
    record Encoded(Tensor hidden, Optional<Tensor> pooled) {
    }

    TextEncoder(OnnxSession session, PromptTokenizer tokenizer) {
        this.session = session;
        this.tokenizer = tokenizer;
        TensorSpec ids = session.input(IDS);
        if (ids.rank() != 2) throw new IllegalArgumentException(session.label() + ": input_ids must be [batch, tokens], is " + ids);
        session.output(LAST);
        int count = 0;
        while (session.findOutput(HIDDEN_PREFIX + count).isPresent()) count++;
        this.hiddenStates = count;
        this.pooledOutput = session.findOutput("text_embeds").or(() -> session.findOutput("pooler_output")).map(TensorSpec::name);
    }

    String label() {
        return session.label();
    }

    /** The width of the hidden states, when the model declares it. */
    Optional<Long> hiddenSize() {
        return session.output(LAST).fixedDim(-1);
    }

    boolean hasHiddenStates() {
        return hiddenStates > 0;
    }

    boolean hasPooled() {
        return pooledOutput.isPresent();
    }

    /**
     * Tokenizes and encodes {@code text}, chunk by chunk, concatenating the chunks along the tokens.
     * Emphasis follows ComfyUI: when any token's weight is not 1, an empty prompt is encoded too and
     * each weighted token becomes {@code (z − z_empty)·w + z_empty}.
     */
    Encoded encode(String text, EncoderLayer layer) {
        List<List<TokenWeight>> chunks = tokenizer.tokenize(text);
        int length = chunks.get(0).size();
        if (chunks.stream().anyMatch(c -> c.size() != length)) {
            throw new IllegalStateException("the tokenizer of " + label() + " returned chunks of different lengths");
        }
        boolean weighted = chunks.stream().flatMap(List::stream).anyMatch(t -> t.weight() != 1f);
        List<long[]> rows = new ArrayList<>();
        for (List<TokenWeight> chunk : chunks) rows.add(chunk.stream().mapToLong(TokenWeight::id).toArray());
        if (weighted) rows.add(emptyRow(tokenizer.spec(), length));

        Batch batch = run(rows, layer);
        int tokens = batch.hidden.dim(1), dim = batch.hidden.dim(2);
        float[] h = batch.hidden.data();
        float[] out = new float[chunks.size() * tokens * dim];
        System.arraycopy(h, 0, out, 0, out.length);
        if (weighted) {
            int empty = chunks.size() * tokens * dim;
            for (int c = 0; c < chunks.size(); c++) {
                for (int t = 0; t < tokens; t++) {
                    float w = chunks.get(c).get(t).weight();
                    if (w == 1f) continue;
                    int base = (c * tokens + t) * dim;
                    for (int j = 0; j < dim; j++) {
                        float e = h[empty + t * dim + j];
                        out[base + j] = (out[base + j] - e) * w + e;
                    }
                }
            }
        }
        Optional<Tensor> pooled = batch.pooled.map(p -> p.slice0(0, 1));
        return new Encoded(Tensor.of(out, 1, chunks.size() * tokens, dim), pooled);
    }

    /** Start, end, then padding: what ComfyUI encodes as the empty prompt. */
    private static long[] emptyRow(TokenizerSpec spec, int length) {
        long[] row = new long[length];
        Arrays.fill(row, spec.padWithEnd() ? spec.endToken() : spec.padToken());
        row[0] = spec.startToken();
        row[1] = spec.endToken();
        return row;
    }

    private record Batch(Tensor hidden, Optional<Tensor> pooled) {
    }

    private Batch run(List<long[]> rows, EncoderLayer layer) {
        String output = outputFor(layer);
        boolean normed = layer instanceof EncoderLayer.Hidden h && h.finalNorm() && !output.equals(LAST);
        String exact = NORMED_PREFIX + output.substring(output.lastIndexOf('.') + 1);
        if (normed && session.findOutput(exact).isPresent()) {
            output = exact;
            normed = false;
        }
        String lastLayer = HIDDEN_PREFIX + (hiddenStates - 1);
        List<String> outputs = new ArrayList<>(List.of(output));
        if (normed) outputs.addAll(List.of(lastLayer, LAST));
        pooledOutput.ifPresent(outputs::add);
        Map<String, Tensor> result = runRows(rows, outputs.stream().distinct().toList());
        Tensor hidden = normed ? FinalNorm.apply(result.get(output), result.get(lastLayer), result.get(LAST), label()) : result.get(output);
        return new Batch(hidden, pooledOutput.map(result::get));
    }

    /** All rows in one run, or one run per row for an export whose batch is fixed at 1; outputs concatenated. */
    private Map<String, Tensor> runRows(List<long[]> rows, List<String> outputs) {
        boolean oneRowPerRun = session.input(IDS).fixedDim(0).map(d -> d == 1).orElse(false);
        int step = oneRowPerRun ? 1 : rows.size();
        Map<String, List<Tensor>> parts = new LinkedHashMap<>();
        for (int from = 0; from < rows.size(); from += step) {
            List<long[]> part = rows.subList(from, Math.min(rows.size(), from + step));
            long[] ids = part.stream().flatMapToLong(Arrays::stream).toArray();
            Map<String, Tensor> result = session.run(Map.of(IDS, Feed.ints(ids, part.size(), part.get(0).length)), outputs);
            result.forEach((name, t) -> parts.computeIfAbsent(name, k -> new ArrayList<>()).add(t));
        }
        Map<String, Tensor> joined = new LinkedHashMap<>();
        parts.forEach((name, list) -> joined.put(name, Tensor.cat0(list.toArray(Tensor[]::new))));
        return joined;
    }

    private String outputFor(EncoderLayer layer) {
        return switch (layer) {
            case EncoderLayer.Final f -> LAST;
            case EncoderLayer.Hidden h when !hasHiddenStates() -> throw new IllegalStateException(label()
                    + " exports no hidden_states.N outputs, so hidden layer " + h.fromEnd()
                    + " cannot be read (CLIPSetLastLayer needs a text encoder exported with its hidden states)");
            // a layer beyond the first falls back to the last, as ComfyUI's clip_layer does
            case EncoderLayer.Hidden h -> -h.fromEnd() >= hiddenStates ? LAST : HIDDEN_PREFIX + (hiddenStates + h.fromEnd());
        };
    }

    @Override
    public void close() {
        session.close();
    }
}
