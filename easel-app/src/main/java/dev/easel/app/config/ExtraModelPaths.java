package dev.easel.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of ComfyUI's {@code extra_model_paths.yaml} files: top-level sections, each with an
 * optional {@code base_path} and {@code is_default}, and folder keys whose values list one
 * path per line. Relative paths are taken from {@code base_path} when given, else from the
 * file's own folder.
 */
public record ExtraModelPaths(Path source, List<Entry> entries) {

    private static final Logger log = LoggerFactory.getLogger(ExtraModelPaths.class);

    /** One search path for a folder key; {@code isDefault} puts it first (where new files go). */
    public record Entry(String folderKey, Path path, boolean isDefault) {}

    public ExtraModelPaths {
        entries = List.copyOf(entries);
    }

    public static ExtraModelPaths load(Path file) {
        Path yamlFile = file.toAbsolutePath().normalize();
        Object root;
        try (Reader reader = Files.newBufferedReader(yamlFile)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read extra model paths config " + yamlFile + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new ConfigException("invalid YAML in " + yamlFile + ": " + e.getMessage(), e);
        }
        if (root == null) {
            return new ExtraModelPaths(yamlFile, List.of());
        }
        if (!(root instanceof Map<?, ?> sections)) {
            throw new ConfigException(yamlFile + " is not an extra model paths config: expected sections at the top level");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> section : sections.entrySet()) {
            if (section.getValue() instanceof Map<?, ?> body) {
                readSection(yamlFile, String.valueOf(section.getKey()), body, entries);
            } else if (section.getValue() != null) {
                log.warn("{}: section '{}' is not a mapping; ignored", yamlFile.getFileName(), section.getKey());
            }
        }
        return new ExtraModelPaths(yamlFile, entries);
    }

    private static void readSection(Path yamlFile, String name, Map<?, ?> body, List<Entry> into) {
        Path yamlDir = yamlFile.getParent();
        Path base = null;
        if (body.get("base_path") instanceof String basePath && !basePath.isBlank()) {
            base = yamlDir.resolve(PathExpansion.expand(basePath.strip()));
        }
        boolean isDefault = Boolean.TRUE.equals(body.get("is_default"));
        for (Map.Entry<?, ?> folder : body.entrySet()) {
            String key = String.valueOf(folder.getKey());
            if (key.equals("base_path") || key.equals("is_default")) continue;
            Object value = folder.getValue();
            if (!(value instanceof String) && !(value instanceof List<?>)) {
                log.warn("{}: {}.{} is neither a path nor a list of paths; ignored", yamlFile.getFileName(), name, key);
                continue;
            }
            for (String line : lines(value)) {
                Path full = (base != null ? base : yamlDir).resolve(PathExpansion.expand(line)).normalize();
                into.add(new Entry(key, full, isDefault));
            }
        }
    }

    /** A folder value is a block of lines (ComfyUI's form) or, more leniently, a YAML list. */
    private static List<String> lines(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String text) {
            text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
        } else if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(s -> ((String) s).strip())
                    .filter(l -> !l.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
