package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.ValidationViolation;
import java.nio.charset.StandardCharsets;

/**
 * The rules a new password must meet. bcrypt only looks at the first 72 bytes, so longer passwords are refused
 * rather than silently truncated.
 */
final class PasswordPolicy {

    static final int MIN_CHARACTERS = 8;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    static void check(String field, String password) {
        if (password == null || password.length() < MIN_CHARACTERS) {
            throw new ValidationViolation(field, "must have at least " + MIN_CHARACTERS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ValidationViolation(field, "must be at most " + MAX_BYTES + " bytes long in UTF-8");
        }
    }
}
