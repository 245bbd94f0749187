package dev.easel.engine.node;

import java.util.Optional;

/** One declared output: type, name, whether it is a list (OUTPUT_IS_LIST), optional tooltip. */
public record OutputSpec(String type, String name, boolean isList, Optional<String> tooltip) {
}
