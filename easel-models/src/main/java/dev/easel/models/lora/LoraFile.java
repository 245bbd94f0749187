package dev.easel.models.lora;

import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.safetensors.StoredTensor;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The adapters in a LoRA file, by base name: low-rank pairs under every suffix convention
 * ComfyUI reads (kohya's {@code lora_up}/{@code lora_down}, PEFT's {@code lora_B}/{@code lora_A},
 * diffusers' {@code lora.up}/{@code lora.down} and {@code lora_linear_layer}), each with its
 * {@code alpha} and optional Tucker {@code lora_mid}. Other adapter kinds (LoHa, LoKr, DoRA,
 * plain diffs) are listed by base name so that a merge can say what it left out.
 */
public final class LoraFile {
    /** An up/down pair ({@code up·down} is the weight's change). */
    public record LowRank(String base, StoredTensor up, StoredTensor down, Optional<StoredTensor> mid, OptionalDouble alpha) {
        public int rank() {
            return (int) down.dim(0);
        }
    }

    private static final List<String[]> PAIRS = List.of(
            new String[]{".lora_up.weight", ".lora_down.weight"},
            new String[]{"_lora.up.weight", "_lora.down.weight"},
            new String[]{".lora_B.weight", ".lora_A.weight"},
            new String[]{".lora.up.weight", ".lora.down.weight"},
            new String[]{".lora_B", ".lora_A"},
            new String[]{".lora_linear_layer.up.weight", ".lora_linear_layer.down.weight"},
            new String[]{".lora_B.default.weight", ".lora_A.default.weight"});
    private static final List<String> OTHER_KINDS = List.of(".hada_w1_a", ".lokr_w1", ".lokr_w1_a", ".diff", ".dora_scale",
            ".set_weight", ".w_norm");

    private final Map<String, LowRank> lowRank;
    private final Map<String, String> unsupported;

    private LoraFile(Map<String, LowRank> lowRank, Map<String, String> unsupported) {
        this.lowRank = lowRank;
        this.unsupported = unsupported;
    }

    public static LoraFile read(SafetensorsFile file) throws IOException {
        Map<String, LowRank> pairs = new LinkedHashMap<>();
        Map<String, String> other = new LinkedHashMap<>();
        for (StoredTensor t : file.tensors()) {
            String name = t.name();
            for (String[] pair : PAIRS) {
                if (!name.endsWith(pair[0])) continue;
                String base = name.substring(0, name.length() - pair[0].length());
                Optional<StoredTensor> down = file.find(base + pair[1]);
                if (down.isEmpty() || pairs.containsKey(base)) continue;
                OptionalDouble alpha = OptionalDouble.empty();
                Optional<StoredTensor> alphaTensor = file.find(base + ".alpha");
                if (alphaTensor.isPresent()) alpha = OptionalDouble.of(file.floats(alphaTensor.get())[0]);
                pairs.put(base, new LowRank(base, t, down.get(), file.find(base + ".lora_mid.weight"), alpha));
                break;
            }
            for (String kind : OTHER_KINDS) {
                int at = name.lastIndexOf(kind);
                if (at > 0 && (name.length() == at + kind.length() || name.charAt(at + kind.length()) == '.'
                        || name.charAt(at + kind.length()) == '_')) {
                    other.putIfAbsent(name.substring(0, at), kind.substring(1));
                }
            }
        }
        // DoRA rescales the merged weight: merging its pair alone would be wrong, so it stays out whole
        other.entrySet().removeIf(e -> !e.getValue().equals("dora_scale") && pairs.containsKey(e.getKey()));
        other.forEach((base, kind) -> pairs.remove(base));
        return new LoraFile(pairs, other);
    }

    public Map<String, LowRank> lowRank() {
        return Map.copyOf(lowRank);
    }

    /** Base name → the kind of adapter Easel does not merge yet (e.g. {@code hada_w1_a} for LoHa). */
    public Map<String, String> unsupported() {
        return Map.copyOf(unsupported);
    }
}
