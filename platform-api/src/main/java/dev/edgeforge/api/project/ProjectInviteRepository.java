package dev.edgeforge.api.project;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProjectInviteRepository extends JpaRepository<ProjectInvite, UUID> {

    /** The invites nobody accepted yet, newest first (expired ones included, to be revoked or renewed). */
    List<ProjectInvite> findByProjectIdAndAcceptedAtIsNullOrderByCreatedAtDesc(UUID projectId);

    List<ProjectInvite> findByProjectIdAndEmailAndAcceptedAtIsNull(UUID projectId, String email);

    Optional<ProjectInvite> findByIdAndProjectIdAndAcceptedAtIsNull(UUID id, UUID projectId);

    Optional<ProjectInvite> findByTokenHash(String tokenHash);

    /** Locks the invite, so two clicks on one link cannot both accept it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from ProjectInvite i where i.tokenHash = :tokenHash")
    Optional<ProjectInvite> lockByTokenHash(String tokenHash);
}
