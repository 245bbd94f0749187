package dev.easel.server.hostile;

import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Nodes that throw {@link Error}s where the server least expects them. */
final class ThrowingNodes {
    private ThrowingNodes() {
    }

    /** {@code TestErrorInValidation}: its custom validation throws the error. */
    static NodeDefinition inValidation(Supplier<Error> error) {
        NodeSchema schema = NodeSchema.builder("TestErrorInValidation").outputNode().required("value", "INT").build();
        return new NodeDefinition() {
            public NodeSchema schema() {
                return schema;
            }

            public Optional<CustomValidation> customValidation() {
                return Optional.of(new CustomValidation(Set.of("value"), false, false, (values, types, files) -> {
                    throw error.get();
                }));
            }

            public NodeResult execute(NodeContext ctx, Inputs inputs) {
                return NodeResult.of();
            }
        };
    }

    /** {@code TestErrorInRun}: an output node whose run throws the error. */
    static NodeDefinition inRun(Supplier<Error> error) {
        NodeSchema schema = NodeSchema.builder("TestErrorInRun").outputNode().required("value", "INT").build();
        return new NodeDefinition() {
            public NodeSchema schema() {
                return schema;
            }

            public NodeResult execute(NodeContext ctx, Inputs inputs) {
                throw error.get();
            }
        };
    }
}
