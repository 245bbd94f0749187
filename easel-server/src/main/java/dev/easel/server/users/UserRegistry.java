package dev.easel.server.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.easel.server.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The users ComfyUI knows: with {@code --multi-user} those of {@code <user dir>/users.json}
 * (id to display name), otherwise only {@code default}. New users get the id
 * {@code <name with runs of other characters as '-'>_<uuid4>} and the file is rewritten.
 */
public final class UserRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(UserRegistry.class);
    public static final String DEFAULT_USER = "default";
    /** Ids with this prefix belong to the server itself and are never a request's user. */
    public static final String SYSTEM_PREFIX = "__";
    private static final Pattern NOT_ID = Pattern.compile("[^a-zA-Z0-9_-]+");

    private final Path file;
    private final boolean multiUser;
    private final Map<String, String> users = new LinkedHashMap<>();

    private UserRegistry(Path file, boolean multiUser) {
        this.file = file;
        this.multiUser = multiUser;
    }

    /** Reads {@code users.json} in multi-user mode; a file that is not an object of strings stops the start. */
    public static UserRegistry open(Path userDir, boolean multiUser) {
        UserRegistry registry = new UserRegistry(userDir.resolve("users.json"), multiUser);
        if (!multiUser) {
            registry.users.put(DEFAULT_USER, DEFAULT_USER);
        } else if (Files.isRegularFile(registry.file)) {
            registry.read();
        }
        return registry;
    }

    private void read() {
        JsonNode root;
        try {
            root = Json.parse(Files.readString(file));
        } catch (JsonProcessingException malformed) {
            throw new IllegalStateException(file + " is not valid JSON (" + malformed.getOriginalMessage()
                    + "); fix or remove it", malformed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!root.isObject()) throw new IllegalStateException(file + " must be an object of user ids to names");
        root.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalStateException(file + ": the name of user '" + e.getKey() + "' is not a string");
            }
            users.put(e.getKey(), e.getValue().asText());
        });
    }

    public boolean multiUser() {
        return multiUser;
    }

    /** Whether {@code id} may be a request's user: known, and not a system user. */
    public synchronized boolean isUser(String id) {
        return !id.startsWith(SYSTEM_PREFIX) && users.containsKey(id);
    }

    /** Id to display name, in the order they were added. */
    public synchronized Map<String, String> all() {
        return new LinkedHashMap<>(users);
    }

    /**
     * Adds a user under {@code name} and saves the file.
     *
     * @throws UserRejected with ComfyUI's reason: a name already taken, empty, or of the system prefix
     */
    public synchronized String add(String name) {
        if (users.containsValue(name)) throw new UserRejected("Duplicate username.");
        String stripped = name.strip();
        if (stripped.isEmpty()) throw new UserRejected("username not provided");
        String id = NOT_ID.matcher(stripped).replaceAll("-");
        if (stripped.startsWith(SYSTEM_PREFIX) || id.startsWith(SYSTEM_PREFIX)) {
            throw new UserRejected("System User prefix not allowed");
        }
        id = id + "_" + UUID.randomUUID();
        users.put(id, stripped);
        try {
            AtomicFiles.write(file, Json.bytes(users));
        } catch (IOException e) {
            users.remove(id);
            throw new UncheckedIOException("cannot save " + file, e);
        }
        LOG.info("Added user '{}' with id {}", stripped, id);
        return id;
    }

    /** A user that cannot be added, with the reason a client is shown. */
    public static final class UserRejected extends RuntimeException {
        UserRejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
