package dev.easel.app.packs;

import dev.easel.app.config.EaselSettings;
import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.NodeRegistry;
import dev.easel.engine.node.PackEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds node packs with {@link ServiceLoader} on the classpath and in custom_nodes jars, keeps
 * those that are on by default or switched on, and builds the registry. A broken contract
 * (two packs of one name, a class type registered twice) fails start-up naming the culprits.
 */
public final class NodePacks {
    private static final Logger log = LoggerFactory.getLogger(NodePacks.class);

    /** The registry plus what was found, for logs and tests. */
    public record Loaded(NodeRegistry registry, List<String> enabled, List<String> skipped) {
        public Loaded {
            enabled = List.copyOf(enabled);
            skipped = List.copyOf(skipped);
        }
    }

    private NodePacks() {
    }

    public static Loaded load(EaselSettings settings) {
        return load(settings.customNodeDirs(), settings.enabledPacks(), settings.packEnvironment(),
                NodePacks.class.getClassLoader());
    }

    public static Loaded load(List<Path> jarFolders, Set<String> switchedOn, PackEnvironment env, ClassLoader parent) {
        ClassLoader loader = CustomNodeJars.loaderFor(CustomNodeJars.find(jarFolders), parent);
        Map<String, NodePack> packs = discover(loader);
        NodeRegistry.Builder registry = NodeRegistry.builder();
        List<String> enabled = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (NodePack pack : packs.values()) {
            if (pack.enabledByDefault() || switchedOn.contains(pack.name())) {
                registry.addPack(pack, env);
                enabled.add(pack.name());
            } else {
                skipped.add(pack.name());
            }
        }
        Set<String> unknown = new HashSet<>(switchedOn);
        unknown.removeAll(packs.keySet());
        unknown.forEach(name -> log.warn("no node pack named '{}' was found; nothing to enable", name));
        NodeRegistry built = registry.build();
        log.info("Node packs: {} ({} node types){}", enabled.isEmpty() ? "none" : String.join(", ", enabled),
                built.all().size(),
                skipped.isEmpty() ? "" : "; off: " + String.join(", ", skipped));
        return new Loaded(built, enabled, skipped);
    }

    private static Map<String, NodePack> discover(ClassLoader loader) {
        Map<String, NodePack> byName = new LinkedHashMap<>();
        try {
            for (NodePack pack : ServiceLoader.load(NodePack.class, loader)) {
                NodePack previous = byName.putIfAbsent(pack.name(), pack);
                if (previous != null && previous.getClass() != pack.getClass()) {
                    throw new IllegalStateException("two node packs are named '" + pack.name() + "': "
                            + previous.getClass().getName() + " and " + pack.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a node pack could not be loaded: " + e.getMessage(), e);
        }
        return byName;
    }
}
