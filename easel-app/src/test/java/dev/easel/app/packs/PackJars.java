package dev.easel.app.packs;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiles Java sources into a node pack jar, as a third party would ship one for custom_nodes/. */
final class PackJars {
    private PackJars() {
    }

    /**
     * @param sources class name (with package) → source text
     * @param providers the NodePack classes listed in the jar's META-INF/services file
     */
    static Path build(Path workDir, Path jar, Map<String, String> sources, List<String> providers) throws IOException {
        Path src = Files.createDirectories(workDir.resolve("src-" + jar.getFileName()));
        Path classes = Files.createDirectories(workDir.resolve("classes-" + jar.getFileName()));
        List<String> args = new ArrayList<>(List.of("--release", "21", "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test pack did not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            put(out, "META-INF/services/dev.easel.engine.node.NodePack",
                    (String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** Source of a pack named {@code packName} in package {@code pkg} with nodes of the given class types. */
    static Map<String, String> packSource(String pkg, String packName, String... classTypes) {
        StringBuilder nodes = new StringBuilder();
        for (String type : classTypes) {
            nodes.append(nodes.isEmpty() ? "" : ", ").append("new Node(\"").append(type).append("\")");
        }
        String pack = """
                package %s;

                import dev.easel.engine.node.*;
                import java.util.List;

                public final class Pack implements NodePack {
                    public String name() { return "%s"; }
                    public List<NodeDefinition> nodes(PackEnvironment env) { return List.of(%s); }
                }
                """.formatted(pkg, packName, nodes);
        String node = """
                package %s;

                import dev.easel.engine.node.*;

                record Node(String type) implements NodeDefinition {
                    public NodeSchema schema() { return NodeSchema.builder(type).output("INT").build(); }
                    public NodeResult execute(NodeContext ctx, Inputs inputs) { return NodeResult.of(7L); }
                }
                """.formatted(pkg);
        return Map.of(pkg + ".Pack", pack, pkg + ".Node", node);
    }


    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
