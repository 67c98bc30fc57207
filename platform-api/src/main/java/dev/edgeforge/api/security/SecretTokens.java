package dev.edgeforge.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (tokens, API keys, HMAC keys) and the one-way hash under which bearer secrets are stored.
 *
 * <p>SHA-256 without salt is the right hash here, unlike for passwords: the secrets carry 256 random bits, so
 * there is nothing to guess, and an unsalted hash lets a request be matched by a single indexed lookup.
 */
public final class SecretTokens {

    /** Prefix of project API keys, so they are recognisable in configs and by secret scanners. */
    public static final String API_KEY_PREFIX = "ef_";
    /** Prefix of personal access tokens. */
    public static final String PERSONAL_TOKEN_PREFIX = "efp_";
    /** Prefix of tokens issued by {@code POST /api/v1/auth/login}. */
    public static final String LOGIN_TOKEN_PREFIX = "efs_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    private SecretTokens() {}

    /** A new secret: the prefix followed by 256 random bits in URL-safe Base64 (43 characters). */
    public static String generate(String prefix) {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A new secret as lower-case hex of {@code bytes} random bytes (HMAC keys, generated passwords). */
    public static String generateHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code secret}: what the database stores and looks up. */
    public static String sha256Hex(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
