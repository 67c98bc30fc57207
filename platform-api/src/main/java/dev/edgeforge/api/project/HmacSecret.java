package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.ValidationViolation;

/**
 * An HMAC secret a person brings (an Edge Impulse project's key, a fleet's existing key): checked for what devices can
 * be configured with and what signs safely. Devices sign with the secret's bytes as text, so it is kept exactly as
 * given: printable ASCII without spaces (Edge Impulse's keys are 32 hexadecimal characters), long enough to resist
 * guessing, short enough for the column.
 */
final class HmacSecret {

    /** Fewest characters: 16 printable characters carry at least 96 bits of a random key. */
    static final int MIN_LENGTH = 16;
    /** Most characters (the column's width). */
    static final int MAX_LENGTH = 128;

    private HmacSecret() {}

    /** @throws ValidationViolation naming the field {@code secret} and what is wrong, without repeating the secret */
    static String check(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new ValidationViolation("secret", "must not be empty; leave it out to have one generated");
        }
        if (secret.length() < MIN_LENGTH || secret.length() > MAX_LENGTH) {
            throw new ValidationViolation(
                    "secret",
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long, got " + secret.length());
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new ValidationViolation(
                        "secret",
                        "must be printable ASCII without spaces (as Edge Impulse's 32 hexadecimal characters are); "
                                + "character " + (i + 1) + " is not");
            }
        }
        return secret;
    }
}
