package dev.easel.server.ws;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which user each client id belongs to: the first to use it, by connecting with it or by
 * queueing a prompt with it. Nobody else may then connect with it or queue for it, so no one can
 * take over another's socket or have their messages sent there. Without authentication every
 * caller is the same user and nothing is ever refused. The oldest unused ids are forgotten past
 * {@code capacity}, which bounds the memory that many clients cost.
 */
public final class ClientIdOwners {
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, String> owners;

    public ClientIdOwners(int capacity) {
        this.owners = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Binds the id to {@code user} if it is free; true when it is (now) theirs, false when another user holds it. */
    public synchronized boolean claim(String clientId, String user) {
        return owners.computeIfAbsent(clientId, id -> user).equals(user);
    }
}
