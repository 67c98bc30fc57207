package dev.edgeforge.api.account;

/** Where a user token came from. */
enum TokenKind {
    /** Issued by {@code POST /api/v1/auth/login}; expires after {@code edgeforge.auth.login-token-ttl}. */
    LOGIN,
    /** Created by the user as a personal access token; valid until revoked. */
    PERSONAL
}
