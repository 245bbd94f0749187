package dev.easel.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens: 32 random bytes from {@link SecureRandom}, written as URL-safe base64 so that they
 * travel unchanged in a header or a query. Only their SHA-256 is kept: a token carries 256 bits
 * of chance, so a slow password hash would add nothing but cost on every request.
 */
public final class Tokens {
    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the token's text, in lower-case hex as it is stored. */
    public static String digest(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /**
     * Whether a presented token's {@link #sha256} is the stored digest, in time that does not
     * depend on where they differ.
     */
    public static boolean matches(byte[] presentedDigest, String storedDigest) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedDigest);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(presentedDigest, stored);
    }

    /** The SHA-256 of the token's text: taken once per request, then compared with each stored digest. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
