package dev.easel.models.lora;

import dev.easel.models.detect.CheckpointDetection;
import dev.easel.models.detect.DetectedCheckpoint;
import dev.easel.models.detect.UnetKeys;
import dev.easel.models.safetensors.DType;
import dev.easel.models.safetensors.SafetensorsFile;
import dev.easel.models.safetensors.SafetensorsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoraTest {
    private static final String SD15_CLIP = "cond_stage_model.transformer.text_model.";
    private static final String XL_G = "conditioner.embedders.1.model.";
    private static final String TO_K = UnetKeys.P + "input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight";

    @TempDir
    Path dir;

    private static DetectedCheckpoint detect(UnetKeys keys) throws IOException {
        return CheckpointDetection.detect(Path.of("m.safetensors"), keys.shapes(), name -> new float[]{0});
    }

    private static UnetKeys sd15() {
        return UnetKeys.sd15().put(SD15_CLIP + "encoder.layers.0.self_attn.q_proj.weight", 768, 768)
                .put(SD15_CLIP + "encoder.layers.11.mlp.fc2.weight", 768, 3072)
                .put(SD15_CLIP + "encoder.layers.0.layer_norm1.weight", 768);
    }

    private static UnetKeys sdxl() {
        return UnetKeys.sdxl().put(XL_G + "transformer.resblocks.3.attn.in_proj_weight", 3840, 1280)
                .put(XL_G + "transformer.resblocks.3.mlp.c_fc.weight", 5120, 1280)
                .put(XL_G + "text_projection", 1280, 1280);
    }

    private SafetensorsFile lora(String name, Map<String, SafetensorsWriter.Entry> tensors) throws IOException {
        Path file = dir.resolve(name);
        SafetensorsWriter.write(file, tensors, Map.of());
        return SafetensorsFile.open(file);
    }

    private static SafetensorsWriter.Entry f32(float[] values, long... shape) {
        return SafetensorsWriter.floats(DType.F32, values, shape);
    }

    @Test
    void theKeyMapIsBuiltFromTheCheckpointsOwnNames() throws IOException {
        UnetKeys keys = sd15();
        Map<String, LoraTarget> map = LoraKeyMap.of(detect(keys), keys.shapes().keySet());

        assertThat(map.get("lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k"))
                .isEqualTo(new LoraTarget(TO_K, LoraTarget.Part.MODEL, 0, 1, false));
        assertThat(map.get("diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k").key()).isEqualTo(TO_K);
        LoraTarget q = new LoraTarget(SD15_CLIP + "encoder.layers.0.self_attn.q_proj.weight", LoraTarget.Part.CLIP, 0, 1, false);
        assertThat(map.get("lora_te_text_model_encoder_layers_0_self_attn_q_proj")).isEqualTo(q);
        assertThat(map.get("lora_te1_text_model_encoder_layers_0_self_attn_q_proj")).isEqualTo(q);
        assertThat(map.get("text_encoder.text_model.encoder.layers.0.self_attn.q_proj")).isEqualTo(q);
        assertThat(map.get("lora_te_text_model_encoder_layers_11_mlp_fc2").key()).isEqualTo(SD15_CLIP + "encoder.layers.11.mlp.fc2.weight");
        assertThat(map).doesNotContainKey("lora_te_text_model_encoder_layers_0_layer_norm1");
    }

    @Test
    void sdxlsBigGAnswersToTe2WithItsFusedRowsAndTransposedProjection() throws IOException {
        UnetKeys keys = sdxl();
        Map<String, LoraTarget> map = LoraKeyMap.of(detect(keys), keys.shapes().keySet());

        String fused = XL_G + "transformer.resblocks.3.attn.in_proj_weight";
        assertThat(map.get("lora_te2_text_model_encoder_layers_3_self_attn_q_proj")).isEqualTo(new LoraTarget(fused, LoraTarget.Part.CLIP, 0, 3, false));
        assertThat(map.get("lora_te2_text_model_encoder_layers_3_self_attn_v_proj")).isEqualTo(new LoraTarget(fused, LoraTarget.Part.CLIP, 2, 3, false));
        assertThat(map.get("text_encoder_2.text_model.encoder.layers.3.mlp.fc1").key()).isEqualTo(XL_G + "transformer.resblocks.3.mlp.c_fc.weight");
        assertThat(map.get("lora_te2_text_projection")).isEqualTo(new LoraTarget(XL_G + "text_projection", LoraTarget.Part.CLIP, 0, 1, true));
        assertThat(map).doesNotContainKey("lora_te_text_model_encoder_layers_3_self_attn_q_proj");
    }

    @Test
    void everySuffixConventionIsReadAndOtherAdapterKindsAreNamed() throws IOException {
        Map<String, SafetensorsWriter.Entry> t = new LinkedHashMap<>();
        t.put("a.lora_up.weight", f32(new float[]{1, 2}, 2, 1));
        t.put("a.lora_down.weight", f32(new float[]{1, 0, -1}, 1, 3));
        t.put("a.alpha", f32(new float[]{0.5f}));
        t.put("b.lora_B.weight", f32(new float[]{1, 1}, 2, 1));
        t.put("b.lora_A.weight", f32(new float[]{2, 2}, 1, 2));
        t.put("c.hada_w1_a", f32(new float[]{1}, 1, 1));
        t.put("d.lora_up.weight", f32(new float[]{1}, 1, 1));
        t.put("d.lora_down.weight", f32(new float[]{1}, 1, 1));
        t.put("d.dora_scale", f32(new float[]{1}, 1, 1));
        try (SafetensorsFile st = lora("mixed.safetensors", t)) {
            LoraFile file = LoraFile.read(st);
            assertThat(file.lowRank().keySet()).containsExactlyInAnyOrder("a", "b");
            assertThat(file.lowRank().get("a").alpha()).hasValue(0.5);
            assertThat(file.lowRank().get("a").rank()).isEqualTo(1);
            assertThat(file.lowRank().get("b").alpha()).isEmpty();
            assertThat(file.unsupported()).containsOnly(Map.entry("c", "hada_w1_a"), Map.entry("d", "dora_scale"));
        }
    }

    @Test
    void theChangeIsStrengthTimesAlphaOverRankTimesUpDownAndLorasStack() throws IOException {
        UnetKeys keys = sd15();
        DetectedCheckpoint detected = detect(keys);
        Map<String, LoraTarget> map = LoraKeyMap.of(detected, keys.shapes().keySet());
        String q = SD15_CLIP + "encoder.layers.0.self_attn.q_proj.weight";
        // small stand-in shapes for the two weights, so that the change can be checked by hand
        Map<String, long[]> shapes = Map.of(TO_K, new long[]{2, 3}, q, new long[]{2, 2});
        Map<String, SafetensorsWriter.Entry> first = new LinkedHashMap<>();
        first.put("lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k.lora_up.weight", f32(new float[]{1, 0, 2, 1}, 2, 2));
        first.put("lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k.lora_down.weight", f32(new float[]{1, 0, -1, 0, 1, 0}, 2, 3));
        first.put("lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k.alpha", f32(new float[]{1}));
        first.put("lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_up.weight", f32(new float[]{1, 1}, 2, 1));
        first.put("lora_te_text_model_encoder_layers_0_self_attn_q_proj.lora_down.weight", f32(new float[]{1, 2}, 1, 2));
        first.put("lora_unet_down_blocks_7_attentions_0_proj_in.lora_up.weight", f32(new float[]{1}, 1, 1));
        first.put("lora_unet_down_blocks_7_attentions_0_proj_in.lora_down.weight", f32(new float[]{1}, 1, 1));
        Map<String, SafetensorsWriter.Entry> second = new LinkedHashMap<>();
        second.put("diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.lora_B.weight", f32(new float[]{1, 1}, 2, 1));
        second.put("diffusion_model.input_blocks.1.1.transformer_blocks.0.attn2.to_k.lora_A.weight", f32(new float[]{0, 1, 0}, 1, 3));
        try (SafetensorsFile a = lora("a.safetensors", first); SafetensorsFile b = lora("b.safetensors", second)) {
            LoraMerge.Merged merged = LoraMerge.of(List.of(new LoraMerge.Applied(a, 0.8, 0.25), new LoraMerge.Applied(b, 1.0, 1.0)),
                    map, shapes::get);

            // first: 0.8 · (1/2) · up@down = 0.4 · [[1,0,-1],[2,1,-2]]; second: 1 · 1 · [[0,1,0],[0,1,0]]
            assertThat(merged.apply(TO_K, new float[]{10, 10, 10, 10, 10, 10}, 2))
                    .containsExactly(10.4f, 11f, 9.6f, 10.8f, 11.4f, 9.2f);
            // the text encoder takes the clip strength, and no alpha means α/r = 1
            assertThat(merged.apply(q, new float[4], 2)).containsExactly(0.25f, 0.5f, 0.25f, 0.5f);
            assertThat(merged.notLoaded()).containsExactly(
                    "lora_unet_down_blocks_7_attentions_0_proj_in (no weight of this checkpoint has that name)");
        }
    }

    @Test
    void fusedAndTransposedTargetsGetTheirRowsAndTheTranspose() throws IOException {
        UnetKeys keys = sdxl();
        Map<String, LoraTarget> map = LoraKeyMap.of(detect(keys), keys.shapes().keySet());
        String fused = XL_G + "transformer.resblocks.3.attn.in_proj_weight", projection = XL_G + "text_projection";
        Map<String, long[]> shapes = Map.of(fused, new long[]{6, 2}, projection, new long[]{2, 2});
        Map<String, SafetensorsWriter.Entry> t = new LinkedHashMap<>();
        t.put("lora_te2_text_model_encoder_layers_3_self_attn_k_proj.lora_up.weight", f32(new float[]{1, 2}, 2, 1));
        t.put("lora_te2_text_model_encoder_layers_3_self_attn_k_proj.lora_down.weight", f32(new float[]{1, 1}, 1, 2));
        t.put("lora_te2_text_projection.lora_up.weight", f32(new float[]{1, 0}, 2, 1));
        t.put("lora_te2_text_projection.lora_down.weight", f32(new float[]{0, 3}, 1, 2));
        try (SafetensorsFile st = lora("g.safetensors", t)) {
            LoraMerge.Merged merged = LoraMerge.of(List.of(new LoraMerge.Applied(st, 1, 1)), map, shapes::get);

            assertThat(merged.apply(fused, new float[12], 6)).containsExactly(0, 0, 0, 0, 1, 1, 2, 2, 0, 0, 0, 0);
            // up@down = [[0,3],[0,0]], stored transposed
            assertThat(merged.apply(projection, new float[4], 2)).containsExactly(0, 0, 3, 0);
        }
    }

    @Test
    void aChangeOfTheWrongSizeIsAnErrorNamingBothSides() throws IOException {
        UnetKeys keys = sd15();
        Map<String, LoraTarget> map = LoraKeyMap.of(detect(keys), keys.shapes().keySet());
        Map<String, SafetensorsWriter.Entry> t = new LinkedHashMap<>();
        t.put("lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k.lora_up.weight", f32(new float[]{1, 1}, 2, 1));
        t.put("lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k.lora_down.weight", f32(new float[]{1, 1}, 1, 2));
        try (SafetensorsFile st = lora("bad.safetensors", t)) {
            assertThatThrownBy(() -> LoraMerge.of(List.of(new LoraMerge.Applied(st, 1, 1)), map, k -> new long[]{320, 768}))
                    .hasMessageEndingWith("lora_unet_input_blocks_1_1_transformer_blocks_0_attn2_to_k changes 2×2 values, "
                            + "but its target " + TO_K + " has 245760");
        }
    }
}
