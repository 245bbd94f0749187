package dev.easel.models.lora;

import dev.easel.models.detect.CheckpointDetection;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.safetensors.StoredTensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one or more LoRAs change in a checkpoint, as ComfyUI merges them
 * ({@code LoRAAdapter.calculate_weight}): for each matched entry
 * {@code ΔW = s · (α/r) · reshape(up.flatten(1) @ down.flatten(1), W.shape)}, with α/r = 1 when
 * the file has no alpha, s the model strength for UNet weights and the clip strength for
 * text-encoder weights, computed in float32; several LoRAs add their changes. Entries no weight
 * answers to, and adapter kinds not merged yet, are reported as not loaded, as ComfyUI logs
 * "lora key not loaded".
 */
public final class LoraMerge {
    private static final Logger LOG = LoggerFactory.getLogger(LoraMerge.class);
    /** A change to part of one weight: row block {@code slice} of {@code slices}, already transposed if the target is. */
    public record Change(int slice, int slices, float[] values) {}

    /** Checkpoint key → its changes, and what was left out (with why). */
    public record Merged(Map<String, List<Change>> changes, List<String> notLoaded) {
        /** No changes: the weights as stored. */
        public static Merged none() {
            return new Merged(Map.of(), List.of());
        }

        /** Whether any change applies to the checkpoint weight {@code key}. */
        public boolean changes(String key) {
            return changes.containsKey(key);
        }

        /** {@code base} (the checkpoint weight, row-major, {@code rows} rows) with every change added. */
        public float[] apply(String key, float[] base, int rows) {
            float[] out = base.clone();
            for (Change c : changes.getOrDefault(key, List.of())) {
                int blockRows = rows / c.slices(), cols = base.length / rows;
                int start = c.slice() * blockRows * cols;
                for (int i = 0; i < c.values().length; i++) out[start + i] += c.values()[i];
            }
            return out;
        }
    }

    /** One LoRA file with its two strengths, as a LoraLoader node gives them. */
    public record Applied(SafetensorsFile file, double strengthModel, double strengthClip) {}

    private LoraMerge() {
    }

    /**
     * What {@code loras} change in the {@code part} of {@code checkpoint} (the other part's entries
     * are left out), with the key map built from the checkpoint's own names. A file that holds no
     * LoRA weights at all is an error naming it; entries left out are logged, as ComfyUI logs
     * "lora key not loaded".
     */
    public static Merged into(SafetensorsFile checkpoint, List<LoraApplication> loras, LoraTarget.Part part) throws IOException {
        Map<String, LoraTarget> keyMap = LoraKeyMap.of(CheckpointDetection.detect(checkpoint),
                checkpoint.tensors().stream().map(StoredTensor::name).toList());
        List<SafetensorsFile> opened = new ArrayList<>();
        try {
            List<Applied> applied = new ArrayList<>();
            for (LoraApplication lora : loras) {
                SafetensorsFile file = SafetensorsFile.open(lora.file().realPath());
                opened.add(file);
                LoraFile read = LoraFile.read(file);
                if (read.lowRank().isEmpty() && read.unsupported().isEmpty()) {
                    throw new IOException(file.path() + " holds no LoRA weights (no lora_up/lora_down or lora_A/lora_B pairs); "
                            + "is it a LoRA?");
                }
                double strength = lora.strength();
                applied.add(part == LoraTarget.Part.MODEL ? new Applied(file, strength, 0) : new Applied(file, 0, strength));
            }
            Merged merged = of(applied, keyMap, key -> checkpoint.find(key).map(StoredTensor::shape).orElseThrow());
            int weights = merged.changes().size();
            LOG.info("{} LoRA(s) change {} weights of the {} of {}", loras.size(), weights,
                    part == LoraTarget.Part.MODEL ? "UNet" : "text encoders", checkpoint.path().getFileName());
            merged.notLoaded().forEach(entry -> LOG.warn("lora key not loaded into the {}: {}",
                    part == LoraTarget.Part.MODEL ? "UNet" : "text encoders", entry));
            return merged;
        } finally {
            for (SafetensorsFile f : opened) f.close();
        }
    }

    /**
     * The changes of {@code loras}, in order; {@code shapeOf} gives a checkpoint weight's shape
     * (row-major, first dimension the rows).
     */
    public static Merged of(List<Applied> loras, Map<String, LoraTarget> keyMap, Function<String, long[]> shapeOf)
            throws IOException {
        Map<String, List<Change>> changes = new LinkedHashMap<>();
        List<String> notLoaded = new ArrayList<>();
        for (Applied lora : loras) {
            LoraFile file = LoraFile.read(lora.file());
            file.unsupported().forEach((base, kind) -> notLoaded.add(base + " (" + kind + " adapters are not merged yet)"));
            for (LoraFile.LowRank entry : file.lowRank().values()) {
                LoraTarget target = keyMap.get(entry.base());
                if (target == null) {
                    notLoaded.add(entry.base() + " (no weight of this checkpoint has that name)");
                    continue;
                }
                if (entry.mid().isPresent()) {
                    notLoaded.add(entry.base() + " (LoCon with a Tucker mid is not merged yet)");
                    continue;
                }
                double strength = target.part() == LoraTarget.Part.MODEL ? lora.strengthModel() : lora.strengthClip();
                if (strength == 0) continue;
                float[] delta = delta(lora.file(), entry, strength, target, shapeOf.apply(target.key()));
                changes.computeIfAbsent(target.key(), k -> new ArrayList<>()).add(new Change(target.slice(), target.slices(), delta));
            }
        }
        return new Merged(changes, notLoaded);
    }

    private static float[] delta(SafetensorsFile file, LoraFile.LowRank entry, double strength, LoraTarget target,
                                 long[] targetShape) throws IOException {
        long outRows = entry.up().dim(0), rank = entry.rank();
        long upCols = entry.up().elementCount() / outRows;
        long downCols = entry.down().elementCount() / rank;
        if (upCols != rank) {
            throw new IOException(file.path() + ": " + entry.base() + " has up " + entry.up() + " and down " + entry.down()
                    + ", whose ranks differ");
        }
        long targetElements = 1;
        for (long d : targetShape) targetElements *= d;
        long expected = targetElements / target.slices();
        if (outRows * downCols != expected) {
            throw new IOException(file.path() + ": " + entry.base() + " changes " + outRows + "×" + downCols
                    + " values, but its target " + target.key() + " has " + expected);
        }
        float[] up = file.floats(entry.up()), down = file.floats(entry.down());
        double scale = strength * (entry.alpha().isPresent() ? entry.alpha().getAsDouble() / rank : 1.0);
        int out = (int) outRows, r = (int) rank, cols = (int) downCols;
        float[] product = new float[out * cols];
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < r; k++) {
                float u = up[o * r + k];
                if (u == 0) continue;
                for (int c = 0; c < cols; c++) product[o * cols + c] += u * down[k * cols + c];
            }
        }
        float s = (float) scale;
        for (int i = 0; i < product.length; i++) product[i] *= s;
        return target.transposed() ? transpose(product, out, cols) : product;
    }

    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j];
        return t;
    }
}
