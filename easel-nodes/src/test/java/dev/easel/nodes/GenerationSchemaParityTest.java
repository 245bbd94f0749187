package dev.easel.nodes;

import dev.easel.engine.node.InputSpec;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.OutputSpec;
import dev.easel.engine.node.PackEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * What /object_info shows for each generation node, written out from ComfyUI's nodes.py and
 * comfy_extras/nodes_custom_sampler.py: inputs with their option dicts in declaration order,
 * outputs with names and tooltips, categories, descriptions, aliases and essentials categories.
 */
class GenerationSchemaParityTest {
    private static final String U64 = "18446744073709551615";

    @TempDir
    Path base;

    private Map<String, NodeSchema> schemas() {
        Map<String, NodeSchema> byType = new LinkedHashMap<>();
        new GenerationNodePack().nodes(PackEnvironment.under(base)).forEach(n -> byType.put(n.schema().classType(), n.schema()));
        return byType;
    }

    /** One line per input: section, name, type (or COMBO), options. */
    private static List<String> inputs(NodeSchema s) {
        return s.inputs().stream().map(i -> i.section().wireName() + " " + i.name() + " "
                + (i.isCombo() ? "COMBO" : i.type()) + " " + i.options()).toList();
    }

    private static List<String> outputs(NodeSchema s) {
        return s.outputs().stream().map(o -> o.type() + " " + o.name() + (o.isList() ? " list" : "")
                + o.tooltip().map(t -> " : " + t).orElse("")).toList();
    }

    private static List<Object> choices(NodeSchema s, String input) {
        return s.input(input).map(InputSpec::choiceList).orElseThrow();
    }

    @Test
    void namesCategoriesAndModulesInComfysRegistrationOrder() {
        assertThat(schemas().values()).extracting(s -> s.classType() + "|" + s.displayName() + "|" + s.category() + "|"
                + s.pythonModule() + "|" + s.style()).containsExactly(
                "KSampler|KSampler|model/sampling|nodes|V1",
                "CheckpointLoaderSimple|Load Checkpoint|model/loaders|nodes|V1",
                "CLIPTextEncode|CLIP Text Encode (Prompt)|model/conditioning|nodes|V1",
                "CLIPSetLastLayer|CLIP Set Last Layer|model/conditioning|nodes|V1",
                "VAEDecode|VAE Decode|model/latent|nodes|V1",
                "VAEEncode|VAE Encode|model/latent|nodes|V1",
                "VAEEncodeForInpaint|VAE Encode (for Inpainting)|model/latent|nodes|V1",
                "EmptyLatentImage|Empty Latent Image|model/latent|nodes|V1",
                "LatentUpscale|Upscale Latent|model/latent|nodes|V1",
                "LatentUpscaleBy|Upscale Latent By|model/latent|nodes|V1",
                "LatentFromBatch|Get Latent From Batch|model/latent/batch|nodes|V1",
                "RepeatLatentBatch|Repeat Latent Batch|model/latent/batch|nodes|V1",
                "ConditioningCombine|Conditioning (Combine)|model/conditioning/transform|nodes|V1",
                "ConditioningSetArea|Conditioning (Set Area)|model/conditioning/transform|nodes|V1",
                "KSamplerAdvanced|KSampler (Advanced)|model/sampling|nodes|V1",
                "SetLatentNoiseMask|Set Latent Noise Mask|model/latent|nodes|V1",
                "LoraLoader|Load LoRA (Model and CLIP)|model/loaders|nodes|V1",
                "ConditioningZeroOut|Conditioning Zero Out|model/conditioning/transform|nodes|V1",
                "LoraLoaderModelOnly|Load LoRA|model/loaders|nodes|V1",
                "BasicScheduler|BasicScheduler|model/sampling/schedulers|comfy_extras.nodes_custom_sampler|V3",
                "KSamplerSelect|KSamplerSelect|model/sampling/samplers|comfy_extras.nodes_custom_sampler|V3",
                "CFGGuider|CFG Guider|model/sampling/guiders|comfy_extras.nodes_custom_sampler|V3",
                "RandomNoise|RandomNoise|model/sampling/noise|comfy_extras.nodes_custom_sampler|V3",
                "DisableNoise|DisableNoise|model/sampling/noise|comfy_extras.nodes_custom_sampler|V3",
                "SamplerCustomAdvanced|SamplerCustomAdvanced|model/sampling/custom|comfy_extras.nodes_custom_sampler|V3");
    }

    @Test
    void searchAliasesAndEssentialsCategories() {
        Map<String, String> described = new LinkedHashMap<>();
        schemas().forEach((type, s) -> {
            if (!s.searchAliases().isEmpty() || s.essentialsCategory().isPresent()) {
                described.put(type, s.essentialsCategory().orElse("-") + " " + s.searchAliases());
            }
        });
        assertThat(described).containsExactly(
                entry("KSampler", "- [sampler, sample, generate, denoise, diffuse, txt2img, img2img]"),
                entry("CheckpointLoaderSimple", "- [load model, checkpoint, model loader, load checkpoint, ckpt, model]"),
                entry("CLIPTextEncode", "- [text, prompt, text prompt, positive prompt, negative prompt, encode text, text encoder, encode prompt]"),
                entry("VAEDecode", "- [decode, decode latent, latent to image, render latent]"),
                entry("VAEEncode", "- [encode, encode image, image to latent]"),
                entry("EmptyLatentImage", "- [empty, empty latent, new latent, create latent, blank latent, blank]"),
                entry("LatentUpscale", "- [enlarge latent, resize latent]"),
                entry("LatentUpscaleBy", "- [enlarge latent, resize latent, scale latent]"),
                entry("LatentFromBatch", "- [select from batch, pick latent, batch subset]"),
                entry("RepeatLatentBatch", "- [duplicate latent, clone latent]"),
                entry("ConditioningCombine", "Image Generation [combine, merge conditioning, combine prompts, merge prompts, mix prompts, add prompt]"),
                entry("ConditioningSetArea", "- [regional prompt, area prompt, spatial conditioning, localized prompt]"),
                entry("LoraLoader", "Image Generation [lora, load lora, apply lora, lora loader, lora model]"),
                entry("ConditioningZeroOut", "- [null conditioning, clear conditioning]"),
                entry("LoraLoaderModelOnly", "- [lora, load lora, apply lora, lora loader, lora model]"),
                entry("DisableNoise", "- [zero noise]"));
    }

    @Test
    void descriptionsAndFlags() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        schemas().forEach((type, s) -> {
            if (!s.description().isEmpty()) descriptions.put(type, s.description());
        });
        assertThat(descriptions).containsExactly(
                entry("KSampler", "Uses the provided model, positive and negative conditioning to denoise the latent image."),
                entry("CheckpointLoaderSimple", "Loads a diffusion model checkpoint, diffusion models are used to denoise latents."),
                entry("CLIPTextEncode", "Encodes a text prompt using a CLIP model into an embedding that can be used to guide the diffusion model towards generating specific images."),
                entry("VAEDecode", "Decodes latent images back into pixel space images."),
                entry("EmptyLatentImage", "Create a new batch of empty latent images to be denoised via sampling."),
                entry("LoraLoader", "This LoRA loader is used to modify both diffusion and CLIP models, altering the way in which "
                        + "latents are denoised such as applying styles. Multiple LoRA nodes can be linked together."),
                entry("LoraLoaderModelOnly", "This LoRAs loader is used to modify the diffusion model, altering the way in which "
                        + "latents are denoised such as applying styles. Multiple LoRA nodes can be linked together."));
        assertThat(schemas().values()).noneMatch(s -> s.outputNode() || s.deprecated() || s.experimental()
                || s.inputIsList() || s.hasIntermediateOutput());
    }

    @Test
    void kSamplerInputsAndOutput() {
        NodeSchema s = schemas().get("KSampler");
        assertThat(inputs(s)).containsExactly(
                "required model MODEL {tooltip=The model used for denoising the input latent.}",
                "required seed INT {default=0, min=0, max=" + U64 + ", control_after_generate=true, tooltip=The random seed used for creating the noise.}",
                "required steps INT {default=20, min=1, max=10000, tooltip=The number of steps used in the denoising process.}",
                "required cfg FLOAT {default=8.0, min=0.0, max=100.0, step=0.1, round=0.01, tooltip=The Classifier-Free Guidance scale balances creativity and adherence to the prompt. Higher values result in images more closely matching the prompt however too high values will negatively impact quality.}",
                "required sampler_name COMBO {tooltip=The algorithm used when sampling, this can affect the quality, speed, and style of the generated output.}",
                "required scheduler COMBO {tooltip=The scheduler controls how noise is gradually removed to form the image.}",
                "required positive CONDITIONING {tooltip=The conditioning describing the attributes you want to include in the image.}",
                "required negative CONDITIONING {tooltip=The conditioning describing the attributes you want to exclude from the image.}",
                "required latent_image LATENT {tooltip=The latent image to denoise.}",
                "required denoise FLOAT {default=1.0, min=0.0, max=1.0, step=0.01, tooltip=The amount of denoising applied, lower values will maintain the structure of the initial image allowing for image to image sampling.}");
        assertThat(outputs(s)).containsExactly("LATENT LATENT : The denoised latent.");
        assertThat(choices(s, "sampler_name")).startsWith("euler", "euler_cfg_pp", "euler_ancestral").endsWith("ddim", "uni_pc", "uni_pc_bh2");
        assertThat(choices(s, "scheduler")).containsExactly("simple", "sgm_uniform", "karras", "exponential",
                "ddim_uniform", "beta", "normal", "linear_quadratic", "kl_optimal");
    }

    @Test
    void kSamplerAdvancedInputs() {
        NodeSchema s = schemas().get("KSamplerAdvanced");
        assertThat(inputs(s)).containsExactly(
                "required model MODEL {}",
                "required add_noise COMBO {advanced=true}",
                "required noise_seed INT {default=0, min=0, max=" + U64 + ", control_after_generate=true}",
                "required steps INT {default=20, min=1, max=10000}",
                "required cfg FLOAT {default=8.0, min=0.0, max=100.0, step=0.1, round=0.01}",
                "required sampler_name COMBO {}",
                "required scheduler COMBO {}",
                "required positive CONDITIONING {}",
                "required negative CONDITIONING {}",
                "required latent_image LATENT {}",
                "required start_at_step INT {default=0, min=0, max=10000, advanced=true}",
                "required end_at_step INT {default=10000, min=0, max=10000, advanced=true}",
                "required return_with_leftover_noise COMBO {advanced=true}");
        assertThat(choices(s, "add_noise")).containsExactly("enable", "disable");
        assertThat(choices(s, "return_with_leftover_noise")).containsExactly("disable", "enable");
        assertThat(choices(s, "sampler_name")).isEqualTo(choices(schemas().get("KSampler"), "sampler_name"));
        assertThat(outputs(s)).containsExactly("LATENT LATENT");
    }

    @Test
    void loaderAndConditioningInputs() {
        Map<String, NodeSchema> all = schemas();
        assertThat(inputs(all.get("CheckpointLoaderSimple"))).containsExactly(
                "required ckpt_name COMBO {tooltip=The name of the checkpoint (model) to load.}");
        assertThat(outputs(all.get("CheckpointLoaderSimple"))).containsExactly(
                "MODEL MODEL : The model used for denoising latents.",
                "CLIP CLIP : The CLIP model used for encoding text prompts.",
                "VAE VAE : The VAE model used for encoding and decoding images to and from latent space.");
        assertThat(inputs(all.get("CLIPTextEncode"))).containsExactly(
                "required text STRING {multiline=true, dynamicPrompts=true, tooltip=The text to be encoded.}",
                "required clip CLIP {tooltip=The CLIP model used for encoding the text.}");
        assertThat(outputs(all.get("CLIPTextEncode"))).containsExactly(
                "CONDITIONING CONDITIONING : A conditioning containing the embedded text used to guide the diffusion model.");
        assertThat(inputs(all.get("CLIPSetLastLayer"))).containsExactly(
                "required clip CLIP {}",
                "required stop_at_clip_layer INT {default=-1, min=-24, max=-1, step=1, advanced=true}");
        assertThat(outputs(all.get("CLIPSetLastLayer"))).containsExactly("CLIP CLIP");
        assertThat(inputs(all.get("ConditioningCombine"))).containsExactly(
                "required conditioning_1 CONDITIONING {}", "required conditioning_2 CONDITIONING {}");
        assertThat(inputs(all.get("ConditioningSetArea"))).containsExactly(
                "required conditioning CONDITIONING {}",
                "required width INT {default=64, min=64, max=16384, step=8}",
                "required height INT {default=64, min=64, max=16384, step=8}",
                "required x INT {default=0, min=0, max=16384, step=8}",
                "required y INT {default=0, min=0, max=16384, step=8}",
                "required strength FLOAT {default=1.0, min=0.0, max=10.0, step=0.01}");
        assertThat(inputs(all.get("ConditioningZeroOut"))).containsExactly("required conditioning CONDITIONING {}");
        for (String type : List.of("ConditioningCombine", "ConditioningSetArea", "ConditioningZeroOut")) {
            assertThat(outputs(all.get(type))).containsExactly("CONDITIONING CONDITIONING");
        }
    }

    @Test
    void loraLoaderInputsListTheLorasFolderAsItIsNow() throws Exception {
        Map<String, NodeSchema> all = schemas();
        assertThat(inputs(all.get("LoraLoader"))).containsExactly(
                "required model MODEL {tooltip=The diffusion model the LoRA will be applied to.}",
                "required clip CLIP {tooltip=The CLIP model the LoRA will be applied to.}",
                "required lora_name COMBO {tooltip=The name of the LoRA.}",
                "required strength_model FLOAT {default=1.0, min=-100.0, max=100.0, step=0.01, tooltip=How strongly to modify the diffusion model. This value can be negative.}",
                "required strength_clip FLOAT {default=1.0, min=-100.0, max=100.0, step=0.01, tooltip=How strongly to modify the CLIP model. This value can be negative.}");
        assertThat(outputs(all.get("LoraLoader"))).containsExactly(
                "MODEL MODEL : The modified diffusion model.", "CLIP CLIP : The modified CLIP model.");
        assertThat(inputs(all.get("LoraLoaderModelOnly"))).containsExactly(
                "required model MODEL {}", "required lora_name COMBO {}",
                "required strength_model FLOAT {default=1.0, min=-100.0, max=100.0, step=0.01}");
        assertThat(outputs(all.get("LoraLoaderModelOnly"))).containsExactly("MODEL MODEL");

        assertThat(choices(all.get("LoraLoader"), "lora_name")).isEmpty();
        java.nio.file.Path loras = java.nio.file.Files.createDirectories(base.resolve("models/loras/styles"));
        java.nio.file.Files.write(loras.resolve("ink.safetensors"), new byte[0]);
        java.nio.file.Files.write(base.resolve("models/loras/readme.txt"), new byte[0]);
        assertThat(choices(all.get("LoraLoader"), "lora_name")).containsExactly("styles/ink.safetensors");
        assertThat(choices(all.get("LoraLoaderModelOnly"), "lora_name")).containsExactly("styles/ink.safetensors");
    }

    @Test
    void latentAndVaeInputs() {
        Map<String, NodeSchema> all = schemas();
        assertThat(inputs(all.get("VAEDecode"))).containsExactly(
                "required samples LATENT {tooltip=The latent to be decoded.}",
                "required vae VAE {tooltip=The VAE model used for decoding the latent.}");
        assertThat(outputs(all.get("VAEDecode"))).containsExactly("IMAGE IMAGE : The decoded image.");
        assertThat(inputs(all.get("VAEEncode"))).containsExactly("required pixels IMAGE {}", "required vae VAE {}");
        assertThat(inputs(all.get("VAEEncodeForInpaint"))).containsExactly(
                "required pixels IMAGE {}", "required vae VAE {}", "required mask MASK {}",
                "required grow_mask_by INT {default=6, min=0, max=64, step=1}");
        assertThat(inputs(all.get("EmptyLatentImage"))).containsExactly(
                "required width INT {default=1024, min=16, max=16384, step=8, tooltip=The width of the latent images in pixels.}",
                "required height INT {default=1024, min=16, max=16384, step=8, tooltip=The height of the latent images in pixels.}",
                "required batch_size INT {default=1, min=1, max=4096, tooltip=The number of latent images in the batch.}");
        assertThat(outputs(all.get("EmptyLatentImage"))).containsExactly("LATENT LATENT : The empty latent image batch.");
        assertThat(inputs(all.get("LatentUpscale"))).containsExactly(
                "required samples LATENT {}", "required upscale_method COMBO {}",
                "required width INT {default=512, min=0, max=16384, step=8}",
                "required height INT {default=512, min=0, max=16384, step=8}",
                "required crop COMBO {}");
        assertThat(choices(all.get("LatentUpscale"), "upscale_method"))
                .containsExactly("nearest-exact", "bilinear", "area", "bicubic", "bislerp");
        assertThat(choices(all.get("LatentUpscale"), "crop")).containsExactly("disabled", "center");
        assertThat(inputs(all.get("LatentUpscaleBy"))).containsExactly(
                "required samples LATENT {}", "required upscale_method COMBO {}",
                "required scale_by FLOAT {default=1.5, min=0.01, max=8.0, step=0.01}");
        assertThat(choices(all.get("LatentUpscaleBy"), "upscale_method"))
                .containsExactly("nearest-exact", "bilinear", "area", "bicubic", "bislerp");
        assertThat(inputs(all.get("LatentFromBatch"))).containsExactly(
                "required samples LATENT {}",
                "required batch_index INT {default=0, min=-16384, max=16384}",
                "required length INT {default=1, min=1, max=64}");
        assertThat(inputs(all.get("RepeatLatentBatch"))).containsExactly(
                "required samples LATENT {}", "required amount INT {default=1, min=1, max=64}");
        assertThat(inputs(all.get("SetLatentNoiseMask"))).containsExactly("required samples LATENT {}", "required mask MASK {}");
        for (String type : List.of("VAEEncode", "VAEEncodeForInpaint", "LatentUpscale", "LatentUpscaleBy",
                "LatentFromBatch", "RepeatLatentBatch", "SetLatentNoiseMask")) {
            assertThat(outputs(all.get(type))).containsExactly("LATENT LATENT");
        }
    }

    @Test
    void customSamplingInputsAndOutputs() {
        Map<String, NodeSchema> all = schemas();
        assertThat(inputs(all.get("BasicScheduler"))).containsExactly(
                "required model MODEL {}",
                "required scheduler COMBO {multiselect=false}",
                "required steps INT {default=20, min=1, max=10000}",
                "required denoise FLOAT {default=1.0, min=0.0, max=1.0, step=0.01}");
        assertThat(outputs(all.get("BasicScheduler"))).containsExactly("SIGMAS SIGMAS");
        assertThat(inputs(all.get("KSamplerSelect"))).containsExactly("required sampler_name COMBO {multiselect=false}");
        assertThat(choices(all.get("KSamplerSelect"), "sampler_name")).isEqualTo(choices(all.get("KSampler"), "sampler_name"));
        assertThat(outputs(all.get("KSamplerSelect"))).containsExactly("SAMPLER SAMPLER");
        assertThat(inputs(all.get("CFGGuider"))).containsExactly(
                "required model MODEL {}", "required positive CONDITIONING {}", "required negative CONDITIONING {}",
                "required cfg FLOAT {default=8.0, min=0.0, max=100.0, step=0.1, round=0.01}");
        assertThat(outputs(all.get("CFGGuider"))).containsExactly("GUIDER GUIDER");
        assertThat(inputs(all.get("RandomNoise"))).containsExactly(
                "required noise_seed INT {default=0, min=0, max=" + U64 + ", control_after_generate=true}");
        assertThat(inputs(all.get("DisableNoise"))).isEmpty();
        assertThat(outputs(all.get("RandomNoise"))).containsExactly("NOISE NOISE");
        assertThat(outputs(all.get("DisableNoise"))).containsExactly("NOISE NOISE");
        assertThat(inputs(all.get("SamplerCustomAdvanced"))).containsExactly(
                "required noise NOISE {}", "required guider GUIDER {}", "required sampler SAMPLER {}",
                "required sigmas SIGMAS {}", "required latent_image LATENT {}");
        assertThat(outputs(all.get("SamplerCustomAdvanced"))).containsExactly("LATENT output", "LATENT denoised_output");
    }

    @Test
    void seedMaximaAreComfysUnsigned64BitLimitAsAnExactInteger() {
        Object max = schemas().get("KSampler").input("seed").orElseThrow().option("max").orElseThrow();
        assertThat(max).isEqualTo(new java.math.BigInteger(U64));
        assertThat(schemas().get("KSampler").outputs()).extracting(OutputSpec::isList).containsExactly(false);
    }
}
