package dev.easel.server.packs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What node packs installed as folders under {@code custom_nodes} bring for the front end, found
 * by ComfyUI's conventions: example workflows, translations under {@code locales/<lang>/}, and
 * subgraph blueprints under {@code subgraphs/}. Read from disk on each call.
 */
public final class CustomNodeFolders {
    private static final Logger LOG = LoggerFactory.getLogger(CustomNodeFolders.class);
    /** Where example workflows may live, the current name first, then older ones. */
    static final List<String> WORKFLOW_FOLDERS = List.of("example_workflows", "example", "examples", "workflow", "workflows");
    static final List<String> EXTRA_LOCALE_FILES = List.of("nodeDefs", "commands", "settings");

    private final List<Path> roots;

    public CustomNodeFolders(List<Path> roots) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** A subgraph blueprint file of a pack. */
    public record Subgraph(String id, String name, String nodePack, Path file) {}

    /**
     * Pack folder name to its templates (shown name to file). A folder reached again under
     * another alias (a link) is read once; a name taken by an earlier alias gets the alias
     * appended ({@code flow-workflows}, then {@code flow-workflows-3}).
     */
    public Map<String, Map<String, Path>> workflowTemplates() throws IOException {
        Map<String, Map<String, Path>> byPack = new LinkedHashMap<>();
        Map<String, Set<Path>> seen = new HashMap<>();
        for (Path root : roots) {
            for (String alias : WORKFLOW_FOLDERS) {
                for (Path pack : packs(root)) {
                    Path dir = pack.resolve(alias);
                    if (!Files.isDirectory(dir)) continue;
                    String packName = pack.getFileName().toString();
                    if (!seen.computeIfAbsent(packName, k -> new HashSet<>()).add(dir.toRealPath())) continue;
                    Map<String, Path> templates = byPack.computeIfAbsent(packName, k -> new LinkedHashMap<>());
                    for (Path file : jsonFiles(dir)) {
                        String base = stem(file);
                        String name = base;
                        for (int suffix = 2; templates.containsKey(name); suffix++) {
                            name = base + "-" + alias + (suffix == 2 ? "" : "-" + suffix);
                        }
                        templates.put(name, file);
                    }
                }
            }
        }
        return byPack;
    }

    public Optional<Path> workflowTemplate(String pack, String name) throws IOException {
        return Optional.ofNullable(workflowTemplates().getOrDefault(pack, Map.of()).get(name));
    }

    /** Language code to the packs' {@code main.json} with their extra files under their names, merged in pack order. */
    public ObjectNode translations() throws IOException {
        ObjectNode out = Json.object();
        for (Path root : roots) {
            for (Path pack : packs(root)) {
                Path locales = pack.resolve("locales");
                if (!Files.isDirectory(locales)) continue;
                for (Path lang : directories(locales)) {
                    String code = lang.getFileName().toString();
                    if (!out.has(code)) out.putObject(code);
                    ObjectNode merged = readObject(lang.resolve("main.json"));
                    for (String extra : EXTRA_LOCALE_FILES) {
                        ObjectNode data = readObject(lang.resolve(extra + ".json"));
                        if (!data.isEmpty()) merged.set(extra, data);
                    }
                    if (!merged.isEmpty()) out.set(code, JsonMerge.merge(out.get(code), merged));
                }
            }
        }
        return out;
    }

    /** Every {@code <pack>/subgraphs/*.json}, keyed by the SHA-256 of its source and path as ComfyUI keys them. */
    public Map<String, Subgraph> subgraphs() throws IOException {
        Map<String, Subgraph> out = new LinkedHashMap<>();
        for (Path root : roots) {
            for (Path pack : packs(root)) {
                Path dir = pack.resolve("subgraphs");
                if (!Files.isDirectory(dir)) continue;
                for (Path file : jsonFiles(dir)) {
                    String path = file.toString().replace('\\', '/');
                    String id = sha256("custom_node" + path);
                    out.put(id, new Subgraph(id, stem(file), "custom_nodes." + pack.getFileName(), file));
                }
            }
        }
        return out;
    }

    private static List<Path> packs(Path root) throws IOException {
        return Files.isDirectory(root) ? directories(root) : List.of();
    }

    private static List<Path> directories(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A JSON object file, or an empty object when it is missing or not an object (logged). */
    private static ObjectNode readObject(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Json.object();
        try {
            JsonNode node = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object) return object;
            LOG.error("Error loading {}: not a JSON object", file);
        } catch (JsonProcessingException malformed) {
            LOG.error("Error loading {}: {}", file, malformed.getOriginalMessage());
        }
        return Json.object();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
