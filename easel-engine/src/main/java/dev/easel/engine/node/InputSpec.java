package dev.easel.engine.node;

import dev.easel.engine.files.FileSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One declared input. {@code type} is a ComfyUI type string ({@code "INT"}, {@code "IMAGE"},
 * {@code "*"}, {@code "IMAGE,FLOAT"}), {@code "COMBO"} for a list of choices, or the marker name
 * of a hidden input. Choices are computed on each use; those listing files (LoadImage lists the
 * input folder) depend on whose files, and are bound to a {@link FileSpace} first ({@link #in}).
 * {@code options} is ComfyUI's option dict in declaration order.
 */
public record InputSpec(String name, InputSection section, String type,
                        Optional<Choices> choices, Map<String, Object> options) {

    public static final String COMBO = "COMBO";

    /** Where a combo's choices come from. */
    public sealed interface Choices {
        /** Choices that are the same for everyone: a fixed list, models on disk. */
        record Listed(Supplier<List<Object>> list) implements Choices {}

        /** Choices drawn from a job's or a caller's files. */
        record FromFiles(Function<FileSpace, List<Object>> list) implements Choices {}
    }

    public InputSpec {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public boolean isCombo() {
        return choices.isPresent();
    }

    /**
     * The choices, computed now; for choices drawn from files, bind the spec first with
     * {@link #in}, since which files depends on whose they are.
     */
    public List<Object> choiceList() {
        return switch (choices.orElse(null)) {
            case null -> List.of();
            case Choices.Listed listed -> listed.list().get();
            case Choices.FromFiles unbound -> throw new IllegalStateException(
                    "the choices of input " + name + " are drawn from files: bind the input to a file space first");
        };
    }

    /** This input with choices drawn from {@code files}, when they come from files; else this input. */
    public InputSpec in(FileSpace files) {
        if (!(choices.orElse(null) instanceof Choices.FromFiles fromFiles)) return this;
        Choices bound = new Choices.Listed(() -> fromFiles.list().apply(files));
        return new InputSpec(name, section, type, Optional.of(bound), options);
    }

    boolean drawsFromFiles() {
        return choices.orElse(null) instanceof Choices.FromFiles;
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
