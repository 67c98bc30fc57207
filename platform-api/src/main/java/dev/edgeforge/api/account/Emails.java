package dev.edgeforge.api.account;

import java.util.Locale;

/** Email addresses are compared case-insensitively: stored trimmed and lower-cased. */
final class Emails {

    private Emails() {}

    static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** A cheap shape check for input that did not pass Bean Validation (forms): one {@code @}, no blanks. */
    static boolean looksValid(String normalizedEmail) {
        return normalizedEmail.matches("[^@\\s]+@[^@\\s]+") && normalizedEmail.length() <= 320;
    }

    /** The part before the {@code @}, used as display name when none is given. */
    static String localPart(String normalizedEmail) {
        int at = normalizedEmail.indexOf('@');
        return at > 0 ? normalizedEmail.substring(0, at) : normalizedEmail;
    }
}
