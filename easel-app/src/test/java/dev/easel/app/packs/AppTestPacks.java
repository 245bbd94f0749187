package dev.easel.app.packs;

import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.PackEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Node packs registered on the test classpath (META-INF/services) for the app's tests. */
public final class AppTestPacks {
    private AppTestPacks() {
    }

    /** On by default: a counter that reports progress, a text writer that saves a file, a node that fails. */
    public static final class Active implements NodePack {
        @Override
        public String name() {
            return "app-test";
        }

        @Override
        public List<NodeDefinition> nodes(PackEnvironment env) {
            return List.of(new Counter(), new WriteText(env.outputDir()), new Boom());
        }
    }

    /** Off by default, like ComfyUI's test pack. */
    public static final class Dormant implements NodePack {
        @Override
        public String name() {
            return "app-test-dormant";
        }

        @Override
        public List<NodeDefinition> nodes(PackEnvironment env) {
            return List.of(new Named("AppTestDormantNode"));
        }

        @Override
        public boolean enabledByDefault() {
            return false;
        }
    }

    /** Counts to {@code steps}, reporting each step, and outputs the count as text. */
    static final class Counter implements NodeDefinition {
        @Override
        public NodeSchema schema() {
            return NodeSchema.builder("AppTestCounter").required("steps", "INT", "default", 4, "min", 1, "max", 100)
                    .output("STRING").build();
        }

        @Override
        public NodeResult execute(NodeContext ctx, Inputs inputs) {
            int steps = inputs.getInt("steps");
            for (int i = 1; i <= steps; i++) {
                ctx.progress(i, steps);
            }
            return NodeResult.of("counted " + steps);
        }
    }

    /** An output node that writes its text to {@code <output>/<name>.txt} and lists it as a UI image entry. */
    static final class WriteText implements NodeDefinition {
        private final Path outputDir;

        WriteText(Path outputDir) {
            this.outputDir = outputDir;
        }

        @Override
        public NodeSchema schema() {
            return NodeSchema.builder("AppTestWriteText").required("text", "STRING")
                    .required("name", "STRING", "default", "result").outputNode().build();
        }

        @Override
        public NodeResult execute(NodeContext ctx, Inputs inputs)
                throws Exception {
            Path dir = outputDir.resolve("texts");
            Files.createDirectories(dir);
            String file = inputs.getString("name") + ".txt";
            Files.writeString(dir.resolve(file), inputs.getString("text"));
            return NodeResult.of().withUi("images", List.of(Map.of("filename", file, "subfolder", "texts", "type", "output")));
        }
    }

    /** Always fails with a message naming its input. */
    static final class Boom implements NodeDefinition {
        @Override
        public NodeSchema schema() {
            return NodeSchema.builder("AppTestBoom").required("text", "STRING").output("STRING").build();
        }

        @Override
        public NodeResult execute(NodeContext ctx, Inputs inputs) {
            throw new IllegalArgumentException("boom: " + inputs.getString("text"));
        }
    }

    /** A node that does nothing, known only by its class type. */
    record Named(String classType) implements NodeDefinition {
        @Override
        public NodeSchema schema() {
            return NodeSchema.builder(classType).output("INT").build();
        }

        @Override
        public NodeResult execute(NodeContext ctx, Inputs inputs) {
            return NodeResult.of(1L);
        }
    }
}
