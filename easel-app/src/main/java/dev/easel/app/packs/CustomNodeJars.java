package dev.easel.app.packs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM's answer to ComfyUI's {@code custom_nodes/}: jars dropped into a folder, each free
 * to register node packs through {@code META-INF/services}.
 */
final class CustomNodeJars {
    private static final Logger log = LoggerFactory.getLogger(CustomNodeJars.class);

    private CustomNodeJars() {
    }

    /** The {@code *.jar} files directly inside each existing folder, each folder's in name order. */
    static List<Path> find(List<Path> folders) {
        List<Path> jars = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                List<Path> found = entries.filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .filter(Files::isRegularFile).sorted().toList();
                if (found.isEmpty()) {
                    log.info("custom_nodes folder {} holds no .jar node packs; ignored (Python custom nodes cannot run here)", folder);
                }
                jars.addAll(found);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list custom_nodes folder " + folder, e);
            }
        }
        return jars;
    }

    /** A loader over the jars that delegates to {@code parent} first, so built-in classes stay shared. */
    static ClassLoader loaderFor(List<Path> jars, ClassLoader parent) {
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = jars.stream().map(CustomNodeJars::toUrl).toArray(URL[]::new);
        return new URLClassLoader("custom_nodes", urls, parent);
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable jar path: " + jar, e);
        }
    }
}
