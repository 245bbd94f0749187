package dev.easel.engine.kit;

import dev.easel.engine.files.FileSpace;
import dev.easel.engine.graph.GraphBuilder;
import dev.easel.engine.node.CustomValidation;
import dev.easel.engine.node.ExecutionBlocker;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Small nodes that exercise the engine: numbers in, numbers out. */
public final class TestNodes {
    /** The folders of engine test runs: no test node reads or writes a file. */
    public static final FileSpace FILES = FileSpace.under(Path.of("target", "engine-test-files"));

    private TestNodes() {}

    /** How often each class type ran, for cache assertions. */
    public static final Map<String, AtomicInteger> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    interface Body {
        NodeResult run(NodeContext ctx, Inputs in) throws Exception;
    }

    static NodeDefinition node(NodeSchema schema, Body body) {
        return new NodeDefinition() {
            public NodeSchema schema() { return schema; }
            public NodeResult execute(NodeContext ctx, Inputs in) throws Exception {
                RUNS.computeIfAbsent(schema.classType(), k -> new AtomicInteger()).incrementAndGet();
                return body.run(ctx, in);
            }
        };
    }

    public static NodeRegistry registry() {
        List<NodeDefinition> all = new ArrayList<>();
        all.add(node(NodeSchema.builder("Int").required("value", "INT", "default", 0, "min", -100, "max", 100).output("INT").build(),
                (ctx, in) -> NodeResult.of(in.getLong("value"))));
        all.add(node(NodeSchema.builder("Float").required("value", "FLOAT", "default", 0.0).output("FLOAT").build(),
                (ctx, in) -> NodeResult.of(in.getDouble("value"))));
        all.add(node(NodeSchema.builder("Add").required("a", "INT").required("b", "INT").output("INT").build(),
                (ctx, in) -> NodeResult.of(in.getLong("a") + in.getLong("b"))));
        all.add(node(NodeSchema.builder("Fail").required("a", "INT").output("INT").build(),
                (ctx, in) -> { throw new RuntimeException("boom " + in.getLong("a")); }));
        all.add(node(NodeSchema.builder("Show").required("value", "*").outputNode().build(),
                (ctx, in) -> NodeResult.of().withUi("text", List.of(String.valueOf(in.get("value"))))));
        all.add(node(NodeSchema.builder("ShowWhose").required("value", "*").outputNode().build(),
                (ctx, in) -> NodeResult.of().withUi("text", List.of(in.get("value") + " in " + ctx.files().owner()))));
        all.add(node(NodeSchema.builder("PickFile").requiredFileCombo("file", files -> List.of(files.owner() + ".png"))
                        .output("STRING").build(),
                (ctx, in) -> NodeResult.of(in.getString("file"))));
        all.add(node(NodeSchema.builder("Pick").required("choice", "COMBO").requiredCombo("mode", List.of("a", "b")).output("STRING").build(),
                (ctx, in) -> NodeResult.of(in.getString("mode"))));
        all.add(node(NodeSchema.builder("Steps").required("value", "*").required("steps", "INT", "default", 3)
                        .output("*").build(),
                (ctx, in) -> {
                    for (int i = 1; i <= in.getLong("steps"); i++) ctx.progress(i, in.getLong("steps"));
                    return NodeResult.of(in.get("value"));
                }));
        all.add(node(NodeSchema.builder("Range").required("count", "INT").listOutput("INT", "INT").build(),
                (ctx, in) -> {
                    List<Object> values = new ArrayList<>();
                    for (long i = 0; i < in.getLong("count"); i++) values.add(i);
                    return NodeResult.of(values);
                }));
        all.add(node(NodeSchema.builder("Sum").inputIsList().required("values", "INT").output("INT").build(),
                (ctx, in) -> NodeResult.of(in.list("values").stream().mapToLong(v -> (Long) v).sum())));
        all.add(node(NodeSchema.builder("Block").required("value", "*").required("block", "BOOLEAN")
                        .optional("message", "STRING").output("*").build(),
                (ctx, in) -> NodeResult.of(in.getBool("block")
                        ? (in.get("message") == null ? ExecutionBlocker.SILENT : ExecutionBlocker.withMessage(in.getString("message")))
                        : in.get("value"))));
        all.add(new LazySwitch());
        all.add(node(NodeSchema.builder("Double").required("value", "INT").output("INT").build(),
                (ctx, in) -> {
                    GraphBuilder g = ctx.newGraph();
                    GraphBuilder.NodeBuilder add = g.node("Add").set("a", in.getLong("value")).set("b", in.getLong("value"));
                    return NodeResult.expand(g.build(), add.out(0));
                }));
        NodeDefinition expanding = all.stream().filter(n -> n.schema().classType().equals("Double")).findFirst().orElseThrow();
        all.add(new NodeDefinition() {
            private final NodeSchema schema = NodeSchema.builder("DoubleFresh").required("value", "INT").output("INT").build();
            public NodeSchema schema() { return schema; }
            public NodeResult execute(NodeContext ctx, Inputs in) throws Exception { return expanding.execute(ctx, in); }
            public boolean hasFingerprint() { return true; }
            public Object fingerprint(Inputs constants) { return Double.NaN; }
        });
        all.add(node(NodeSchema.builder("Sleep").async().required("value", "*").required("ms", "INT")
                        .hidden("unique_id", HiddenInput.UNIQUE_ID).output("*").build(),
                (ctx, in) -> {
                    long end = System.nanoTime() + in.getLong("ms") * 1_000_000;
                    while (System.nanoTime() < end) {
                        ctx.checkInterrupted();
                        Thread.sleep(5);
                    }
                    return NodeResult.of(in.get("value"));
                }));
        all.add(new Checked());
        return NodeRegistry.of(all);
    }

    /** Needs {@code then} when {@code cond} is true, else {@code otherwise}; both lazy. */
    static final class LazySwitch implements NodeDefinition {
        private final NodeSchema schema = NodeSchema.builder("LazySwitch").required("cond", "BOOLEAN")
                .required("then", "*", "lazy", true).required("otherwise", "*", "lazy", true).output("*").build();

        public NodeSchema schema() { return schema; }

        public List<String> checkLazyStatus(NodeContext ctx, Inputs in) {
            String wanted = in.getBool("cond") ? "then" : "otherwise";
            return in.get(wanted) == null ? List.of(wanted) : List.of();
        }

        public NodeResult execute(NodeContext ctx, Inputs in) {
            return NodeResult.of(in.get(in.getBool("cond") ? "then" : "otherwise"));
        }
    }

    /** Rejects an int literal, accepts a float (ComfyUI's VALIDATE_INPUTS taking its input). */
    static final class Checked implements NodeDefinition {
        private final NodeSchema schema = NodeSchema.builder("Checked").required("x", "INT,FLOAT", "min", 0, "max", 1)
                .output("FLOAT").build();

        public NodeSchema schema() { return schema; }

        public Optional<CustomValidation> customValidation() {
            return Optional.of(new CustomValidation(Set.of("x"), false, false, (values, types, files) ->
                    values.get("x") == null || values.get("x") instanceof Double ? Optional.empty() : Optional.of("not a float")));
        }

        public NodeResult execute(NodeContext ctx, Inputs in) {
            return NodeResult.of(in.getDouble("x"));
        }
    }
}
