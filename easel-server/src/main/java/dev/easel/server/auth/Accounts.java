package dev.easel.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.server.users.AtomicFiles;
import dev.easel.server.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The users of {@code --auth} and the digests of their tokens, kept in {@code <user dir>/auth.json}
 * (owner-only, replaced atomically on each change). The server reads the file again when it
 * changes on disk, so a user added or revoked from the command line takes effect at once; a file
 * that has become unreadable lets nobody in until it is fixed.
 */
public final class Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    public static final String FILE = "auth.json";

    private final Path file;
    private List<Account> accounts = List.of();
    private Optional<Stamp> stamp = Optional.empty();

    private Accounts(Path file) {
        this.file = file;
    }

    /** The accounts under {@code userDir}, none when the file does not exist yet. */
    public static Accounts open(Path userDir) {
        Accounts opened = new Accounts(userDir.resolve(FILE));
        opened.reload();
        return opened;
    }

    public Path file() {
        return file;
    }

    public synchronized List<Account> all() {
        return accounts;
    }

    /**
     * Adds {@code name} with a new token and saves the file.
     *
     * @return the token, which exists nowhere else: the file keeps only its digest
     * @throws IllegalArgumentException for a name that breaks the rule of {@link Account} or is taken
     */
    public synchronized String add(String name, Identity.Role role) {
        Account.checkName(name);
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("user '" + name + "' already exists; revoke it first to give it a new token");
        }
        String token = Tokens.newToken();
        List<Account> next = new ArrayList<>(accounts);
        next.add(new Account(name, role, Instant.now(), Tokens.digest(token)));
        save(next);
        return token;
    }

    /** Removes {@code name} and its token; false when there is no such user. Its files stay. */
    public synchronized boolean revoke(String name) {
        if (find(name).isEmpty()) return false;
        save(accounts.stream().filter(a -> !a.name().equals(name)).toList());
        return true;
    }

    /** The user whose token this is. Every account is compared, each in constant time, so the answer's timing tells nothing. */
    public synchronized Optional<Identity> authenticate(String token) {
        refresh();
        byte[] presented = Tokens.sha256(token);
        Account found = null;
        for (Account account : accounts) {
            if (Tokens.matches(presented, account.tokenDigest())) found = account;
        }
        return Optional.ofNullable(found).map(Account::identity);
    }

    private Optional<Account> find(String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Reads the file again if it changed since it was read; an unusable file leaves no accounts. */
    private void refresh() {
        Optional<Stamp> now = Stamp.of(file);
        if (now.equals(stamp)) return;
        try {
            reload();
            LOG.info("Read {} user(s) from {}", accounts.size(), file);
        } catch (AccountsUnusable unusable) {
            accounts = List.of();
            stamp = now;
            LOG.error("Nobody can sign in until the accounts file is fixed: {}", unusable.getMessage());
        }
    }

    private void reload() {
        Optional<Stamp> now = Stamp.of(file);
        if (now.isEmpty()) {
            accounts = List.of();
        } else {
            accounts = parse(read());
        }
        stamp = now;
    }

    private String read() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AccountsUnusable("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private List<Account> parse(String text) {
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (JsonProcessingException malformed) {
            throw unusable("it is not valid JSON (" + malformed.getOriginalMessage() + ")", malformed);
        }
        JsonNode users = root.path("users");
        if (!root.isObject() || !users.isArray()) throw unusable("it has no \"users\" array", null);
        List<Account> parsed = new ArrayList<>();
        for (JsonNode user : users) {
            Account account = account(user);
            if (parsed.stream().anyMatch(a -> a.name().equals(account.name()))) {
                throw unusable("user '" + account.name() + "' is listed twice", null);
            }
            parsed.add(account);
        }
        return List.copyOf(parsed);
    }

    private Account account(JsonNode user) {
        String name = user.path("name").asText("");
        try {
            Identity.Role role = switch (user.path("role").asText("")) {
                case "admin" -> Identity.Role.ADMIN;
                case "user" -> Identity.Role.USER;
                default -> throw new IllegalArgumentException("role must be \"admin\" or \"user\"");
            };
            String digest = user.path("token_sha256").asText("");
            if (!digest.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("token_sha256 must be 64 hex digits");
            return new Account(name, role, Instant.parse(user.path("created").asText("")), digest);
        } catch (IllegalArgumentException | DateTimeParseException bad) {
            throw unusable("the entry of user '" + name + "' is invalid: " + bad.getMessage(), bad);
        }
    }

    private AccountsUnusable unusable(String why, Throwable cause) {
        return new AccountsUnusable(file + " cannot be used: " + why + "; fix it, or remove it and add the users again", cause);
    }

    private void save(List<Account> next) {
        ObjectNode root = Json.object().put("version", 1);
        ArrayNode users = root.putArray("users");
        for (Account a : next) {
            users.addObject().put("name", a.name()).put("role", a.role().name().toLowerCase(Locale.ROOT))
                    .put("created", a.created().toString()).put("token_sha256", a.tokenDigest());
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeOwnerOnly(file, Json.bytes(root));
        } catch (IOException e) {
            throw new AccountsUnusable("cannot save " + file + ": " + e.getMessage(), e);
        }
        accounts = List.copyOf(next);
        stamp = Stamp.of(file);
    }

    /**
     * What tells a changed file: an atomic replace gives a new file key, an edit in place a new
     * time or size. A file whose attributes cannot be read counts as absent: nobody gets in.
     */
    private record Stamp(Object key, long modifiedNanos, long size) {
        static Optional<Stamp> of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new Stamp(a.fileKey(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size()));
            } catch (IOException absentOrUnreadable) {
                return Optional.empty();
            }
        }
    }
}
