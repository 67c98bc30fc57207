package dev.edgeforge.api.project;

import java.time.Instant;

/**
 * What an invite link offers, for the person who opened it.
 *
 * @param accountExists whether {@code email} already has an account (then accepting needs that account signed in;
 *                      otherwise accepting creates it)
 */
public record InviteDetails(
        String projectName, String email, ProjectRole role, Instant expiresAt, boolean accountExists) {}
