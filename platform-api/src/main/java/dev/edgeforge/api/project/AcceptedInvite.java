package dev.edgeforge.api.project;

import java.util.UUID;

/**
 * The result of accepting an invite.
 *
 * @param accountCreated whether accepting created the account
 * @param alreadyMember  whether the account was a member before (its role then stays as it was)
 */
public record AcceptedInvite(
        UUID projectId,
        String projectName,
        UUID userId,
        String email,
        ProjectRole role,
        boolean accountCreated,
        boolean alreadyMember) {}
