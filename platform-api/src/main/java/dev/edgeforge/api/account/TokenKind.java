package dev.edgeforge.api.account;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a user token came from. */
public enum TokenKind {
    /** Issued by {@code POST /api/v1/auth/login}; expires after {@code edgeforge.auth.login-token-ttl}. */
    LOGIN,
    /** Created by the user as a personal access token; expires when its creator chose (at most a year). */
    PERSONAL;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
