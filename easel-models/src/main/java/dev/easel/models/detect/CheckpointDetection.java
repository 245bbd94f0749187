package dev.easel.models.detect;

import dev.easel.diffusion.model.Parameterization;
import dev.easel.models.detect.DetectedCheckpoint.TextEncoderPrefix;
import dev.easel.models.detect.DetectedCheckpoint.TextEncoderPrefix.Layout;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.safetensors.StoredTensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Tells which model a single-file checkpoint holds from its tensor names and shapes, by the
 * rules ComfyUI applies ({@code comfy/model_detection.py}, {@code comfy/supported_models.py}):
 * the UNet's layout decides the type, one tensor's spread decides SD2's prediction, marker keys
 * decide SDXL's. Anything else is an {@link IOException} that says what was found.
 */
public final class CheckpointDetection {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDetection.class);
    private static final String[] UNET_PREFIXES = {"model.diffusion_model.", "model.model.", "net."};
    private static final double SD2_V_SPREAD = 0.09;

    /** Reads a tensor's values; detection reads one small tensor at most. */
    @FunctionalInterface
    public interface Values {
        float[] of(String name) throws IOException;
    }

    private final Path file;
    private final Map<String, long[]> shapes;
    private final Values values;

    private CheckpointDetection(Path file, Map<String, long[]> shapes, Values values) {
        this.file = file;
        this.shapes = shapes;
        this.values = values;
    }

    public static DetectedCheckpoint detect(SafetensorsFile st) throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (StoredTensor t : st.tensors()) shapes.put(t.name(), t.shape());
        return detect(st.path(), shapes, name -> st.floats(st.tensor(name)));
    }

    /** Detection over tensor shapes alone, reading values through {@code values}. */
    public static DetectedCheckpoint detect(Path file, Map<String, long[]> shapes, Values values) throws IOException {
        return new CheckpointDetection(file, shapes, values).run();
    }

    private DetectedCheckpoint run() throws IOException {
        refuseOtherKinds();
        String p = unetPrefix();
        if (!shapes.containsKey(p + "input_blocks.0.0.weight")) {
            throw problem("no Stable Diffusion UNet in it (no " + p + "input_blocks.0.0.weight); its first tensors: "
                    + shapes.keySet().stream().limit(5).toList());
        }
        UnetLayout unet = layout(p);
        CheckpointKind kind = kind(unet);
        return new DetectedCheckpoint(kind, prediction(kind, unet), unet, textEncoders(kind), vae());
    }

    private IOException problem(String message) {
        return new IOException(file + ": " + message);
    }

    private void refuseOtherKinds() throws IOException {
        boolean lora = false, vae = false, mmdit = false, flux = false;
        for (String name : shapes.keySet()) {
            lora |= name.contains("lora_up.") || name.contains("lora_down.") || name.contains(".lora_A.");
            mmdit |= name.contains("joint_blocks.");
            flux |= name.contains("double_blocks.");
            vae |= name.startsWith("decoder.conv_in.") || name.startsWith("encoder.conv_in.");
        }
        if (lora) throw problem("this is a LoRA, not a checkpoint: put it in models/loras and load it with LoraLoader");
        if (mmdit) throw problem("an SD3-style (MMDiT) model, which Easel cannot run yet; it runs SD1.x, SD2.x and SDXL");
        if (flux) throw problem("a Flux-style model, which Easel cannot run yet; it runs SD1.x, SD2.x and SDXL");
        if (vae && !shapes.keySet().stream().anyMatch(n -> n.contains("input_blocks."))) {
            throw problem("this is a VAE on its own, not a checkpoint: put it in models/vae and load it with VAELoader");
        }
    }

    /** The prefix with the most UNet keys, if more than five; else {@code model.} (as ComfyUI decides). */
    private String unetPrefix() {
        String best = "model.";
        long bestCount = 5;
        for (String prefix : UNET_PREFIXES) {
            long count = shapes.keySet().stream().filter(n -> n.startsWith(prefix)).count();
            if (count > bestCount) {
                best = prefix;
                bestCount = count;
            }
        }
        return best;
    }

    private UnetLayout layout(String p) {
        long[] first = shapes.get(p + "input_blocks.0.0.weight");
        int modelChannels = (int) first[0], inChannels = (int) first[1];
        int outChannels = shape(p + "out.2.weight").map(s -> (int) s[0]).orElse(4);
        OptionalInt adm = shape(p + "label_emb.0.0.weight").map(s -> OptionalInt.of((int) s[1])).orElse(OptionalInt.empty());
        List<Integer> mult = new ArrayList<>(), resBlocks = new ArrayList<>(), depth = new ArrayList<>();
        OptionalInt context = OptionalInt.empty();
        boolean linear = false;
        int levelMult = 1, levelBlocks = 0;
        int inputs = blockCount(p + "input_blocks.");
        for (int i = 1; i < inputs; i++) {
            String block = p + "input_blocks." + i + ".";
            if (shapes.containsKey(block + "0.op.weight")) {
                mult.add(levelMult);
                resBlocks.add(levelBlocks);
                levelBlocks = 0;
            } else if (shapes.containsKey(block + "0.in_layers.0.weight")) {
                levelMult = (int) (shapes.get(block + "0.out_layers.3.weight")[0] / modelChannels);
                levelBlocks++;
                int d = indexCount(block + "1.transformer_blocks.");
                depth.add(d);
                if (d > 0 && context.isEmpty()) {
                    context = shape(block + "1.transformer_blocks.0.attn2.to_k.weight")
                            .map(s -> OptionalInt.of((int) s[1])).orElse(OptionalInt.empty());
                    linear = shape(block + "1.proj_in.weight").map(s -> s.length == 2).orElse(false);
                }
            }
        }
        mult.add(levelMult);
        resBlocks.add(levelBlocks);
        List<Integer> depthOutput = new ArrayList<>();
        int outputs = blockCount(p + "output_blocks.");
        for (int j = 0; j < outputs; j++) depthOutput.add(indexCount(p + "output_blocks." + j + ".1.transformer_blocks."));
        int middle = shapes.containsKey(p + "middle_block.1.proj_in.weight")
                ? indexCount(p + "middle_block.1.transformer_blocks.")
                : shapes.containsKey(p + "middle_block.0.in_layers.0.weight") ? -1 : -2;
        return new UnetLayout(p, inChannels, outChannels, modelChannels, adm, mult, resBlocks, depth, depthOutput,
                middle, context, linear);
    }

    private CheckpointKind kind(UnetLayout u) throws IOException {
        int context = u.contextDim().orElse(-1);
        boolean noAdm = u.admInChannels().isEmpty();
        int adm = u.admInChannels().orElse(-1);
        if (context == 768 && u.modelChannels() == 320 && !u.linearInTransformer() && noAdm) {
            if (u.inChannels() == 8) throw unsupported("an SD1.5 InstructPix2Pix model");
            return CheckpointKind.SD15;
        }
        if (context == 1024 && u.modelChannels() == 320 && u.linearInTransformer()) {
            if (noAdm) return CheckpointKind.SD20;
            if (adm == 1536 || adm == 2048) throw unsupported("an SD2.1 unCLIP model");
        }
        if (u.modelChannels() == 384 && u.linearInTransformer() && context == 1280 && adm == 2560
                && u.transformerDepth().equals(List.of(0, 0, 4, 4, 4, 4, 0, 0))) {
            return CheckpointKind.SDXL_REFINER;
        }
        if (u.modelChannels() == 320 && u.linearInTransformer() && context == 2048 && adm == 2816
                && u.transformerDepth().equals(List.of(0, 0, 2, 2, 10, 10))) {
            if (u.inChannels() == 8) throw unsupported("an SDXL InstructPix2Pix model");
            return CheckpointKind.SDXL;
        }
        return family(u).orElseThrow(() -> problem("a UNet of a layout Easel does not know (" + u.describe()
                + "); it knows SD1.x, SD2.x, SDXL base and SDXL refiner"));
    }

    /**
     * A UNet of no released model's sizes (a distilled or test model) but of one's structure:
     * SD1's with 1×1-conv projections and no ADM, SD2's with linear ones, SDXL's with linear
     * ones and an ADM input. It runs with the configuration its tensors give ({@code DetectedConfigs}).
     */
    private Optional<CheckpointKind> family(UnetLayout u) {
        if (u.inChannels() != 4 || u.outChannels() != 4 || u.contextDim().isEmpty()) return Optional.empty();
        Optional<CheckpointKind> kind;
        if (u.admInChannels().isEmpty()) kind = Optional.of(u.linearInTransformer() ? CheckpointKind.SD20 : CheckpointKind.SD15);
        else kind = u.linearInTransformer() ? Optional.of(CheckpointKind.SDXL) : Optional.empty();
        kind.ifPresent(k -> LOG.info("{}: no released model has this UNet's sizes ({}); running it as {}-shaped, "
                + "configured from its tensors", file, u.describe(), k.comfyName()));
        return kind;
    }

    private IOException unsupported(String what) {
        return problem(what + ", which Easel cannot run yet; it runs SD1.x, SD2.x and SDXL base and refiner");
    }

    private Parameterization prediction(CheckpointKind kind, UnetLayout u) throws IOException {
        return switch (kind) {
            case SD15, SDXL_REFINER -> Parameterization.EPS;
            case SD20 -> sd2Prediction(u);
            case SDXL -> {
                if (shapes.containsKey("edm_mean") && shapes.containsKey("edm_std")) {
                    throw unsupported("an EDM model (Playground 2.5 style)");
                }
                if (shapes.containsKey("edm_vpred.sigma_max")) throw unsupported("a v-prediction EDM model");
                if (shapes.containsKey("v_pred")) {
                    if (shapes.containsKey("ztsnr")) throw unsupported("a zero-terminal-SNR v-prediction model");
                    yield Parameterization.V_PREDICTION;
                }
                yield Parameterization.EPS;
            }
        };
    }

    /** ComfyUI's heuristic: v-prediction when one norm's bias is spread wider than 0.09 (population std). */
    private Parameterization sd2Prediction(UnetLayout u) throws IOException {
        String probe = u.prefix() + "output_blocks.11.1.transformer_blocks.0.norm1.bias";
        if (u.inChannels() != 4 || !shapes.containsKey(probe)) return Parameterization.EPS;
        float[] bias = values.of(probe);
        double mean = 0;
        for (float b : bias) mean += b;
        mean /= bias.length;
        double variance = 0;
        for (float b : bias) variance += (b - mean) * (b - mean);
        double std = Math.sqrt(variance / bias.length);
        return std > SD2_V_SPREAD ? Parameterization.V_PREDICTION : Parameterization.EPS;
    }

    private List<TextEncoderPrefix> textEncoders(CheckpointKind kind) {
        List<TextEncoderPrefix> found = new ArrayList<>();
        switch (kind) {
            // old SD1 files lack "text_model."; the loader puts it back, as ComfyUI does
            case SD15 -> add(found, TextEncoderPrefixes.SD1_CLIP_L, Layout.HF_CLIP);
            case SD20 -> add(found, TextEncoderPrefixes.SD2_CLIP_H, Layout.OPEN_CLIP);
            case SDXL -> {
                add(found, TextEncoderPrefixes.SDXL_CLIP_L, Layout.HF_CLIP);
                add(found, TextEncoderPrefixes.SDXL_CLIP_G, Layout.OPEN_CLIP);
            }
            case SDXL_REFINER -> add(found, TextEncoderPrefixes.REFINER_CLIP_G, Layout.OPEN_CLIP);
        }
        return found;
    }

    /** The first of {@code prefixes} under which the encoder's token embedding is stored, if any. */
    private void add(List<TextEncoderPrefix> found, List<String> prefixes, Layout layout) {
        String embedding = layout == Layout.HF_CLIP ? "embeddings.token_embedding.weight" : "token_embedding.weight";
        prefixes.stream().filter(prefix -> shapes.containsKey(prefix + embedding)).findFirst()
                .ifPresent(prefix -> found.add(new TextEncoderPrefix(prefix, layout)));
    }

    private Optional<String> vae() {
        return shapes.containsKey("first_stage_model.decoder.conv_in.weight") ? Optional.of("first_stage_model.") : Optional.empty();
    }

    private Optional<long[]> shape(String name) {
        return Optional.ofNullable(shapes.get(name));
    }

    /** One more than the largest block index directly under {@code prefix} (0 if none). */
    private int blockCount(String prefix) {
        int max = -1;
        for (String name : shapes.keySet()) {
            OptionalInt index = indexAfter(name, prefix);
            if (index.isPresent()) max = Math.max(max, index.getAsInt());
        }
        return max + 1;
    }

    /** How many distinct indices follow {@code prefix} in the tensor names. */
    private int indexCount(String prefix) {
        Set<Integer> indices = new HashSet<>();
        for (String name : shapes.keySet()) indexAfter(name, prefix).ifPresent(indices::add);
        return indices.size();
    }

    private static OptionalInt indexAfter(String name, String prefix) {
        if (!name.startsWith(prefix)) return OptionalInt.empty();
        int end = name.indexOf('.', prefix.length());
        if (end <= prefix.length()) return OptionalInt.empty();
        String digits = name.substring(prefix.length(), end);
        if (digits.length() > 6 || !digits.chars().allMatch(Character::isDigit)) return OptionalInt.empty();
        return OptionalInt.of(Integer.parseInt(digits));
    }
}
