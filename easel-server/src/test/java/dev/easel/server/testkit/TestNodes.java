package dev.easel.server.testkit;

import dev.easel.testkit.Http;
import dev.easel.engine.node.ExecutionBlocker;
import dev.easel.engine.node.HiddenInput;
import dev.easel.engine.node.NodeContext;
import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.NodeResult;
import dev.easel.engine.node.NodeSchema;
import dev.easel.engine.node.Inputs;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.CoreNodePack;
import dev.easel.engine.node.Preview;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tiny nodes for server tests: a value maker, a progress reporter with previews, an output node. */
public final class TestNodes {

    private TestNodes() {
    }

    /** {@code TestMakeInt}: returns its {@code value}. */
    public static NodeDefinition makeInt() {
        return node(NodeSchema.builder("TestMakeInt").displayName("Make Int").category("testing")
                .required("value", "INT", "default", 0, "min", -100, "max", 100).output("INT", "value").build(),
                (ctx, in) -> NodeResult.of(in.getLong("value")));
    }

    /**
     * {@code TestPreviewer}: reports {@code steps} progress ticks, each with a preview of
     * {@code size} bytes in {@code format} (PNG unless given; the bytes are a pattern, not an image).
     */
    public static NodeDefinition previewer() {
        return node(NodeSchema.builder("TestPreviewer").category("testing")
                .required("steps", "INT", "default", 2, "min", 1, "max", 100000)
                .required("size", "INT", "default", 16, "min", 1, "max", 10_000_000)
                .optional("value", "INT").optionalCombo("format", List.of("PNG", "JPEG")).output("INT", "value").build(),
                (ctx, in) -> {
                    int steps = in.getInt("steps");
                    byte[] bytes = new byte[in.getInt("size")];
                    Preview.Format format = Preview.Format.valueOf(in.getStringOr("format", "PNG"));
                    for (int i = 0; i < steps; i++) {
                        bytes[0] = (byte) i;
                        ctx.progress(i + 1, steps, Optional.of(new Preview(format, bytes.clone())));
                    }
                    return NodeResult.of(in.has("value") ? in.get("value") : 0L);
                });
    }

    /** {@code TestOutput}: an output node showing its value as UI text. */
    public static NodeDefinition output() {
        return node(NodeSchema.builder("TestOutput").category("testing").outputNode()
                .required("value", "*").hidden("prompt", HiddenInput.PROMPT).build(),
                (ctx, in) -> NodeResult.of().withUi("text", List.of(String.valueOf(in.get("value")))));
    }

    /** {@code TestTalker}: sends one line of progress text, returns its value. */
    public static NodeDefinition talker() {
        return node(NodeSchema.builder("TestTalker").category("testing").required("value", "INT").output("INT").build(),
                (ctx, in) -> {
                    ctx.progressText("hello " + in.get("value"));
                    return NodeResult.of(in.get("value"));
                });
    }

    /** {@code TestBlock}: outputs an {@link ExecutionBlocker} with a message, so its consumers never run. */
    public static NodeDefinition blocker() {
        return node(NodeSchema.builder("TestBlock").category("testing").required("value", "INT").output("INT").build(),
                (ctx, in) -> NodeResult.of(ExecutionBlocker.withMessage("stop here")));
    }

    /** {@code TestFail}: an output node that throws. */
    public static NodeDefinition failing() {
        return node(NodeSchema.builder("TestFail").category("testing").outputNode().required("value", "*").build(),
                (ctx, in) -> {
                    throw new IllegalStateException("boom " + in.get("value"));
                });
    }

    /** {@code TestGate}: an output node that waits on a latch, checking for interrupts. */
    public static NodeDefinition gate(CountDownLatch entered, CountDownLatch release) {
        return node(NodeSchema.builder("TestGate").category("testing").outputNode().required("value", "*").build(),
                (ctx, in) -> {
                    entered.countDown();
                    while (!release.await(20, TimeUnit.MILLISECONDS)) ctx.checkInterrupted();
                    return NodeResult.of().withUi("text", List.of("released"));
                });
    }

    /** The smallest runnable prompt: TestMakeInt({@code value}) into TestOutput. */
    public static Map<String, Object> simplePrompt(int value) {
        return Http.map("1", Http.map("class_type", "TestMakeInt", "inputs", Http.map("value", value)),
                "2", Http.map("class_type", "TestOutput", "inputs", Http.map("value", List.of("1", 0))));
    }

    public static NodeRegistry registry(NodeDefinition... extra) {
        List<NodeDefinition> all = new java.util.ArrayList<>(List.of(makeInt(), previewer(), output(), failing(), talker(), blocker()));
        all.addAll(List.of(extra));
        return NodeRegistry.of(all);
    }

    /**
     * The built-in node library (image loading and saving, batching) under {@code env}, with the
     * test nodes and {@code extra} beside it; a built-in node keeps its name.
     */
    public static NodeRegistry withCoreNodes(PackEnvironment env, NodeDefinition... extra) {
        List<NodeDefinition> all = new java.util.ArrayList<>(new CoreNodePack().nodes(env));
        List<String> core = all.stream().map(n -> n.schema().classType()).toList();
        registry(extra).all().stream().filter(n -> !core.contains(n.schema().classType())).forEach(all::add);
        return NodeRegistry.of(all);
    }

    @FunctionalInterface
    interface Body {
        NodeResult run(NodeContext ctx, Inputs inputs) throws Exception;
    }

    private static NodeDefinition node(NodeSchema schema, Body body) {
        return new NodeDefinition() {
            @Override
            public NodeSchema schema() {
                return schema;
            }

            @Override
            public NodeResult execute(NodeContext ctx, Inputs inputs) throws Exception {
                return body.run(ctx, inputs);
            }
        };
    }
}
