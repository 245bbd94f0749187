package dev.easel.nodes.sampling;

/** Where ComfyUI defines the custom-sampling nodes (their {@code python_module}). */
final class CustomSampling {
    static final String MODULE = "comfy_extras.nodes_custom_sampler";

    private CustomSampling() {
    }
}
