package dev.easel.engine.node;

/** The sections of ComfyUI's {@code INPUT_TYPES}. */
public enum InputSection {
    REQUIRED("required"), OPTIONAL("optional"), HIDDEN("hidden");

    private final String wireName;

    InputSection(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
