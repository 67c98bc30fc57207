package dev.edgeforge.api.account;

import java.util.UUID;

/**
 * What other features may know about a user.
 *
 * @param id          user id
 * @param email       normalised email address
 * @param displayName name to show
 */
public record UserSummary(UUID id, String email, String displayName) {}
