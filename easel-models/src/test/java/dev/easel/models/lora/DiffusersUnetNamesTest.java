package dev.easel.models.lora;

import dev.easel.models.detect.CheckpointDetection;
import dev.easel.models.detect.DetectedCheckpoint;
import dev.easel.models.detect.UnetKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Names checked against the correspondence of SD1.5's and SDXL's LDM and diffusers layouts. */
class DiffusersUnetNamesTest {

    private static DetectedCheckpoint detect(UnetKeys keys) throws IOException {
        return CheckpointDetection.detect(Path.of("m.safetensors"), keys.shapes(), name -> new float[]{0});
    }

    @Test
    void sd15() throws IOException {
        DiffusersUnetNames names = new DiffusersUnetNames(detect(UnetKeys.sd15()).unet());

        assertThat(names.of("input_blocks.0.0")).hasValue("conv_in");
        assertThat(names.of("input_blocks.1.1.transformer_blocks.0.attn2.to_k")).hasValue("down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k");
        assertThat(names.of("input_blocks.4.1.proj_in")).hasValue("down_blocks.1.attentions.0.proj_in");
        assertThat(names.of("input_blocks.3.0.op")).hasValue("down_blocks.0.downsamplers.0.conv");
        assertThat(names.of("input_blocks.5.0.out_layers.3")).hasValue("down_blocks.1.resnets.1.conv2");
        assertThat(names.of("input_blocks.4.0.skip_connection")).hasValue("down_blocks.1.resnets.0.conv_shortcut");
        assertThat(names.of("input_blocks.11.0.emb_layers.1")).hasValue("down_blocks.3.resnets.1.time_emb_proj");
        assertThat(names.of("middle_block.1.transformer_blocks.0.ff.net.0.proj")).hasValue("mid_block.attentions.0.transformer_blocks.0.ff.net.0.proj");
        assertThat(names.of("middle_block.2.in_layers.2")).hasValue("mid_block.resnets.1.conv1");
        assertThat(names.of("output_blocks.0.0.in_layers.0")).hasValue("up_blocks.0.resnets.0.norm1");
        assertThat(names.of("output_blocks.2.1.conv")).hasValue("up_blocks.0.upsamplers.0.conv");
        assertThat(names.of("output_blocks.5.2.conv")).hasValue("up_blocks.1.upsamplers.0.conv");
        assertThat(names.of("output_blocks.11.1.transformer_blocks.0.attn1.to_out.0")).hasValue("up_blocks.3.attentions.2.transformer_blocks.0.attn1.to_out.0");
        assertThat(names.of("time_embed.2")).hasValue("time_embedding.linear_2");
        assertThat(names.of("out.2")).hasValue("conv_out");
        assertThat(names.of("input_blocks.1.0.in_layers.9")).isEmpty();
    }

    @Test
    void sdxlHasThreeLevelsAndItsAddEmbedding() throws IOException {
        DiffusersUnetNames names = new DiffusersUnetNames(detect(UnetKeys.sdxl()).unet());

        assertThat(names.of("input_blocks.7.1.transformer_blocks.9.attn2.to_v")).hasValue("down_blocks.2.attentions.0.transformer_blocks.9.attn2.to_v");
        assertThat(names.of("input_blocks.6.0.op")).hasValue("down_blocks.1.downsamplers.0.conv");
        assertThat(names.of("output_blocks.2.2.conv")).hasValue("up_blocks.0.upsamplers.0.conv");
        assertThat(names.of("output_blocks.8.0.conv")).isEmpty();
        assertThat(names.of("label_emb.0.0")).hasValue("add_embedding.linear_1");
    }

    @Test
    void diffusersStyleLoraNamesReachTheLdmWeights() throws IOException {
        UnetKeys keys = UnetKeys.sd15();
        Map<String, LoraTarget> map = LoraKeyMap.of(detect(keys), keys.shapes().keySet());
        String toK = UnetKeys.P + "input_blocks.1.1.transformer_blocks.0.attn2.to_k.weight";

        assertThat(map.get("lora_unet_down_blocks_0_attentions_0_transformer_blocks_0_attn2_to_k").key()).isEqualTo(toK);
        assertThat(map.get("lycoris_down_blocks_0_attentions_0_transformer_blocks_0_attn2_to_k").key()).isEqualTo(toK);
        assertThat(map.get("unet.down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k").key()).isEqualTo(toK);
        assertThat(map.get("lora_unet_down_blocks_1_resnets_1_conv2").key()).isEqualTo(UnetKeys.P + "input_blocks.5.0.out_layers.3.weight");
    }
}
