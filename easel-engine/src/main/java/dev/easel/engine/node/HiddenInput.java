package dev.easel.engine.node;

/** Values the engine supplies to hidden inputs, by ComfyUI's marker names. */
public enum HiddenInput {
    /** The original API prompt as the client sent it (a Jackson {@code ObjectNode}). */
    PROMPT,
    /** The live {@link dev.easel.engine.graph.DynamicPrompt}. */
    DYNPROMPT,
    /** {@code extra_data.extra_pnginfo} as a {@code Map<String,Object>}, empty when absent. */
    EXTRA_PNGINFO,
    /** The executing node's id (a String). */
    UNIQUE_ID,
    AUTH_TOKEN_COMFY_ORG,
    API_KEY_COMFY_ORG,
    COMFY_USAGE_SOURCE
}
