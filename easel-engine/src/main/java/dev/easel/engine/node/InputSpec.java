package dev.easel.engine.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One declared input. {@code type} is a ComfyUI type string ({@code "INT"}, {@code "IMAGE"},
 * {@code "*"}, {@code "IMAGE,FLOAT"}), {@code "COMBO"} for a list of choices, or the marker name
 * of a hidden input. Choices are computed on each use (LoadImage lists the input folder).
 * {@code options} is ComfyUI's option dict in declaration order.
 */
public record InputSpec(String name, InputSection section, String type,
                        Optional<Supplier<List<Object>>> choices, Map<String, Object> options) {

    public static final String COMBO = "COMBO";

    public InputSpec {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public boolean isCombo() {
        return choices.isPresent();
    }

    public List<Object> choiceList() {
        return choices.map(Supplier::get).orElse(List.of());
    }

    /** The first element of ComfyUI's input tuple: the type name, or the list of choices for a combo. */
    public Object wireType() {
        return isCombo() ? choiceList() : type;
    }

    public boolean flag(String option) {
        return Boolean.TRUE.equals(options.get(option));
    }

    public boolean isLazy() {
        return flag("lazy");
    }

    public boolean isRawLink() {
        return flag("rawLink");
    }

    public Optional<Object> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    public Optional<HiddenInput> hiddenMarker() {
        if (section != InputSection.HIDDEN) return Optional.empty();
        try {
            return Optional.of(HiddenInput.valueOf(type));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
