package dev.easel.engine.node;

import dev.easel.engine.files.FileSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a node declares about itself: everything {@code /object_info} lists, plus the flags the
 * engine schedules by ({@code async}, {@code notIdempotent}). {@code style} says how ComfyUI
 * lists the node: classic ({@code V1}) nodes list only the fields they set, schema-based
 * ({@code V3}) nodes list every field and their combos as {@code ["COMBO", {"options": [...]}]}.
 */
public record NodeSchema(String classType, String displayName, String category, String description,
                         String pythonModule, List<InputSpec> inputs, List<OutputSpec> outputs,
                         boolean outputNode, boolean inputIsList, boolean async, boolean notIdempotent,
                         boolean deprecated, boolean experimental, boolean hasIntermediateOutput,
                         List<String> searchAliases, Optional<String> essentialsCategory, Style style) {

    /** ComfyUI's two node flavours, which {@code /object_info} renders differently. */
    public enum Style { V1, V3 }

    public NodeSchema {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        searchAliases = List.copyOf(searchAliases);
    }

    public Optional<InputSpec> input(String name) {
        for (InputSpec spec : inputs) {
            if (spec.name().equals(name)) return Optional.of(spec);
        }
        return Optional.empty();
    }

    /** This schema with the choices drawn from files bound to {@code files} (see {@link InputSpec#in}). */
    public NodeSchema in(FileSpace files) {
        if (inputs.stream().noneMatch(InputSpec::drawsFromFiles)) return this;
        return new NodeSchema(classType, displayName, category, description, pythonModule,
                inputs.stream().map(spec -> spec.in(files)).toList(), outputs, outputNode, inputIsList, async,
                notIdempotent, deprecated, experimental, hasIntermediateOutput, searchAliases, essentialsCategory, style);
    }

    public List<InputSpec> inputs(InputSection section) {
        return inputs.stream().filter(i -> i.section() == section).toList();
    }

    public boolean hasHidden(HiddenInput marker) {
        return inputs.stream().anyMatch(i -> i.hiddenMarker().filter(marker::equals).isPresent());
    }

    public static Builder builder(String classType) {
        return new Builder(classType);
    }

    /**
     * Fluent authoring of a schema. Options are given as key/value pairs:
     * {@code required("width", "INT", "default", 512, "min", 1)}; Java ints become longs.
     */
    public static final class Builder {
        private final String classType;
        private String displayName;
        private String category = "sd";
        private String description = "";
        private String pythonModule = "nodes";
        private final List<InputSpec> inputs = new ArrayList<>();
        private final List<OutputSpec> outputs = new ArrayList<>();
        private boolean outputNode, inputIsList, async, notIdempotent, deprecated, experimental, hasIntermediateOutput;
        private final List<String> searchAliases = new ArrayList<>();
        private Optional<String> essentialsCategory = Optional.empty();
        private Style style = Style.V1;

        private Builder(String classType) {
            this.classType = classType;
            this.displayName = classType;
        }

        public Builder displayName(String v) { displayName = v; return this; }
        public Builder category(String v) { category = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder pythonModule(String v) { pythonModule = v; return this; }
        public Builder outputNode() { outputNode = true; return this; }
        public Builder inputIsList() { inputIsList = true; return this; }
        /** ComfyUI's {@code async def}: may run concurrently with other ready nodes. */
        public Builder async() { async = true; return this; }
        public Builder notIdempotent() { notIdempotent = true; return this; }
        public Builder deprecated() { deprecated = true; return this; }
        public Builder experimental() { experimental = true; return this; }
        public Builder hasIntermediateOutput() { hasIntermediateOutput = true; return this; }
        public Builder searchAliases(String... aliases) { searchAliases.addAll(List.of(aliases)); return this; }
        public Builder essentialsCategory(String v) { essentialsCategory = Optional.of(v); return this; }
        /** A schema-based (V3) node in ComfyUI: listed with every field. */
        public Builder v3() { style = Style.V3; return this; }

        public Builder required(String name, String type, Object... options) {
            return add(name, InputSection.REQUIRED, type, Optional.empty(), options);
        }

        public Builder optional(String name, String type, Object... options) {
            return add(name, InputSection.OPTIONAL, type, Optional.empty(), options);
        }

        public Builder requiredCombo(String name, List<?> choices, Object... options) {
            List<Object> fixed = List.copyOf(choices);
            return requiredCombo(name, () -> fixed, options);
        }

        public Builder requiredCombo(String name, Supplier<List<Object>> choices, Object... options) {
            return add(name, InputSection.REQUIRED, InputSpec.COMBO, Optional.of(new InputSpec.Choices.Listed(choices)), options);
        }

        /** A combo whose choices are files of the caller's or the job's {@link FileSpace}. */
        public Builder requiredFileCombo(String name, Function<FileSpace, List<Object>> choices, Object... options) {
            return add(name, InputSection.REQUIRED, InputSpec.COMBO, Optional.of(new InputSpec.Choices.FromFiles(choices)),
                    options);
        }

        public Builder optionalCombo(String name, List<?> choices, Object... options) {
            List<Object> fixed = List.copyOf(choices);
            return add(name, InputSection.OPTIONAL, InputSpec.COMBO, Optional.of(new InputSpec.Choices.Listed(() -> fixed)),
                    options);
        }

        public Builder hidden(String name, HiddenInput marker) {
            return add(name, InputSection.HIDDEN, marker.name(), Optional.empty());
        }

        /** A hidden input with a type the engine does not fill (it stays absent unless linked). */
        public Builder hidden(String name, String type, Object... options) {
            return add(name, InputSection.HIDDEN, type, Optional.empty(), options);
        }

        public Builder output(String type) { return output(type, type); }
        public Builder output(String type, String name) { return output(type, name, false); }
        public Builder listOutput(String type, String name) { return output(type, name, true); }

        public Builder output(String type, String name, boolean isList) {
            outputs.add(new OutputSpec(type, name, isList, Optional.empty()));
            return this;
        }

        public Builder outputTooltip(String tooltip) {
            OutputSpec last = outputs.remove(outputs.size() - 1);
            outputs.add(new OutputSpec(last.type(), last.name(), last.isList(), Optional.of(tooltip)));
            return this;
        }

        private Builder add(String name, InputSection section, String type,
                            Optional<InputSpec.Choices> choices, Object... options) {
            if (options.length % 2 != 0) {
                throw new IllegalArgumentException(classType + "." + name + ": options must be key/value pairs, got " + Arrays.toString(options));
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < options.length; i += 2) {
                Object value = options[i + 1];
                map.put((String) options[i], value instanceof Integer n ? Long.valueOf(n) : value);
            }
            if (inputs.stream().anyMatch(i -> i.name().equals(name))) {
                throw new IllegalArgumentException(classType + " declares input " + name + " twice");
            }
            inputs.add(new InputSpec(name, section, type, choices, map));
            return this;
        }

        public NodeSchema build() {
            return new NodeSchema(classType, displayName, category, description, pythonModule, inputs, outputs,
                    outputNode, inputIsList, async, notIdempotent, deprecated, experimental, hasIntermediateOutput,
                    searchAliases, essentialsCategory, style);
        }
    }
}
