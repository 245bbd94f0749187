package dev.easel.engine.node;

import java.util.List;

/**
 * A set of node types, found through {@link java.util.ServiceLoader}. Packs that are off by
 * default ({@link #enabledByDefault()} false) are loaded only when the server is told to.
 */
public interface NodePack {

    /** A short unique name, used in logs and to enable the pack. */
    String name();

    List<NodeDefinition> nodes(PackEnvironment env);

    default boolean enabledByDefault() {
        return true;
    }

    /**
     * Releases every model this pack holds loaded ({@code POST /free} with {@code unload_models});
     * packs that load nothing keep the default, which does nothing.
     */
    default void unloadModels() {
    }
}
