package dev.easel.server.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.wire.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A user's {@code comfy.settings.json}: one JSON object, read whole and written whole (atomically,
 * indented by four like ComfyUI's). Changes are read-modify-write under one lock, so two
 * clients setting different keys at once both keep theirs. A file that is not a JSON object
 * is reported and never overwritten.
 */
public final class UserSettings {
    public static final String FILE = "comfy.settings.json";
    private static final ObjectWriter PRETTY = Json.MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private final UserData data;

    public UserSettings(UserData data) {
        this.data = data;
    }

    /** A settings file that cannot be used, with the reason. */
    public static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public synchronized ObjectNode all(String user) throws Unreadable {
        return read(file(user));
    }

    public synchronized Optional<JsonNode> get(String user, String id) throws Unreadable {
        return Optional.ofNullable(read(file(user)).get(id));
    }

    /** Sets every key of {@code changes}, keeping the others. */
    public synchronized void merge(String user, ObjectNode changes) throws Unreadable, IOException {
        Path file = file(user);
        ObjectNode settings = read(file);
        settings.setAll(changes);
        data.write(file, PRETTY.writeValueAsString(settings).getBytes(StandardCharsets.UTF_8));
    }

    public synchronized void set(String user, String id, JsonNode value) throws Unreadable, IOException {
        merge(user, Json.object().set(id, value));
    }

    private Path file(String user) throws Unreadable {
        return data.resolve(user, FILE).orElseThrow(() -> new Unreadable("user '" + user + "' has no usable directory", null));
    }

    private static ObjectNode read(Path file) throws Unreadable {
        if (!Files.isRegularFile(file)) return Json.object();
        try {
            JsonNode node = Json.parse(Files.readString(file));
            if (node instanceof ObjectNode object) return object;
            throw new Unreadable(file.getFileName() + " holds " + node.getNodeType() + ", not a JSON object", null);
        } catch (JsonProcessingException malformed) {
            throw new Unreadable(file.getFileName() + " is not valid JSON: " + malformed.getOriginalMessage(), malformed);
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
