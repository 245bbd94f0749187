package dev.easel.models.lora;

import dev.easel.models.detect.CheckpointKind;
import dev.easel.models.detect.DetectedCheckpoint;
import dev.easel.models.detect.DetectedCheckpoint.TextEncoderPrefix;
import dev.easel.models.detect.DetectedCheckpoint.TextEncoderPrefix.Layout;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a LoRA may give each weight of a checkpoint, built forwards from the checkpoint's own
 * tensor names as ComfyUI builds its map ({@code comfy/lora.py}): "_" for "." cannot be undone, so
 * the map is never parsed backwards. Covered: UNet weights under kohya's {@code lora_unet_} with
 * LDM names, the generic {@code diffusion_model.} names and diffusers UNet names (kohya's
 * {@code lora_unet_down_blocks_…}, {@code lycoris_…}, bare and {@code unet.}-prefixed); text-encoder
 * layers under {@code lora_te_}, {@code lora_te1_}, {@code lora_te2_} and the diffusers
 * {@code text_encoder.} names, OpenCLIP's fused q/k/v rows and SDXL's transposed text projection
 * included. PEFT names of the older attention-processor format are not mapped.
 */
public final class LoraKeyMap {
    private static final List<String> HF_SUBLAYERS = List.of("mlp.fc1", "mlp.fc2", "self_attn.q_proj", "self_attn.k_proj",
            "self_attn.v_proj", "self_attn.out_proj");

    private LoraKeyMap() {
    }

    /** LoRA base name → target, for a detected checkpoint with these tensor names. */
    public static Map<String, LoraTarget> of(DetectedCheckpoint checkpoint, Collection<String> checkpointKeys) {
        Map<String, LoraTarget> map = new LinkedHashMap<>();
        String unet = checkpoint.unet().prefix();
        DiffusersUnetNames diffusersNames = new DiffusersUnetNames(checkpoint.unet());
        for (String key : checkpointKeys) {
            if (!key.startsWith(unet) || !key.endsWith(".weight")) continue;
            String ldm = key.substring(unet.length(), key.length() - ".weight".length());
            LoraTarget target = LoraTarget.whole(key, LoraTarget.Part.MODEL);
            map.put("lora_unet_" + ldm.replace('.', '_'), target);
            map.put("diffusion_model." + ldm, target);
            diffusersNames.of(ldm).ifPresent(name -> {
                map.putIfAbsent("lora_unet_" + name.replace('.', '_'), target);
                map.putIfAbsent("lycoris_" + name.replace('.', '_'), target);
                map.putIfAbsent(name, target);
                map.putIfAbsent("unet." + name, target);
            });
        }
        List<TextEncoderPrefix> encoders = checkpoint.textEncoders();
        for (int e = 0; e < encoders.size(); e++) {
            TextEncoderPrefix encoder = encoders.get(e);
            List<String> kohya = kohyaPrefixes(checkpoint.kind(), e);
            List<String> diffusers = e == 0 ? List.of("text_encoder.") : List.of("text_encoder_2.");
            if (encoder.layout() == Layout.HF_CLIP) {
                addHfClip(map, encoder.prefix(), checkpointKeys, kohya, diffusers);
            } else {
                addOpenClip(map, encoder.prefix(), checkpointKeys, kohya, diffusers);
            }
        }
        return map;
    }

    /** SD1 and SD2 answer to te and te1; SDXL's CLIP-L to te and te1, its bigG to te2; the refiner's bigG to te. */
    private static List<String> kohyaPrefixes(CheckpointKind kind, int encoder) {
        if (kind == CheckpointKind.SDXL && encoder == 1) return List.of("lora_te2_");
        if (kind == CheckpointKind.SDXL_REFINER) return List.of("lora_te_");
        return List.of("lora_te_", "lora_te1_");
    }

    private static void addHfClip(Map<String, LoraTarget> map, String prefix, Collection<String> keys,
                                  List<String> kohya, List<String> diffusers) {
        for (String key : keys) {
            if (!key.startsWith(prefix + "encoder.layers.") || !key.endsWith(".weight")) continue;
            String rest = key.substring((prefix + "encoder.layers.").length(), key.length() - ".weight".length());
            int dot = rest.indexOf('.');
            if (dot < 0 || !HF_SUBLAYERS.contains(rest.substring(dot + 1))) continue;
            layer(map, kohya, diffusers, rest.substring(0, dot), rest.substring(dot + 1), LoraTarget.whole(key, LoraTarget.Part.CLIP));
        }
    }

    private static void addOpenClip(Map<String, LoraTarget> map, String prefix, Collection<String> keys,
                                    List<String> kohya, List<String> diffusers) {
        String blocks = prefix + "transformer.resblocks.";
        for (String key : keys) {
            if (!key.startsWith(blocks)) continue;
            String rest = key.substring(blocks.length());
            int dot = rest.indexOf('.');
            if (dot < 0) continue;
            String layer = rest.substring(0, dot), weight = rest.substring(dot + 1);
            switch (weight) {
                case "attn.in_proj_weight" -> {
                    // q, k and v are the thirds of the fused rows, in that order
                    String[] parts = {"self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj"};
                    for (int i = 0; i < 3; i++) {
                        layer(map, kohya, diffusers, layer, parts[i], new LoraTarget(key, LoraTarget.Part.CLIP, i, 3, false));
                    }
                }
                case "attn.out_proj.weight" -> layer(map, kohya, diffusers, layer, "self_attn.out_proj", LoraTarget.whole(key, LoraTarget.Part.CLIP));
                case "mlp.c_fc.weight" -> layer(map, kohya, diffusers, layer, "mlp.fc1", LoraTarget.whole(key, LoraTarget.Part.CLIP));
                case "mlp.c_proj.weight" -> layer(map, kohya, diffusers, layer, "mlp.fc2", LoraTarget.whole(key, LoraTarget.Part.CLIP));
                default -> { }
            }
        }
        if (keys.contains(prefix + "text_projection")) {
            LoraTarget projection = new LoraTarget(prefix + "text_projection", LoraTarget.Part.CLIP, 0, 1, true);
            for (String k : kohya) map.put(k + "text_projection", projection);
        }
    }

    private static void layer(Map<String, LoraTarget> map, List<String> kohya, List<String> diffusers, String layer,
                              String sublayer, LoraTarget target) {
        String hf = "text_model.encoder.layers." + layer + "." + sublayer;
        for (String k : kohya) map.put(k + hf.replace('.', '_'), target);
        for (String d : diffusers) map.put(d + hf, target);
    }
}
