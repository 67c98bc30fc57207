package dev.edgeforge.api.project;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProjectMemberRepository extends JpaRepository<ProjectMember, UUID> {

    Optional<ProjectMember> findByProjectIdAndUserId(UUID projectId, UUID userId);

    @Query("select m.role from ProjectMember m where m.projectId = :projectId and m.userId = :userId")
    Optional<ProjectRole> findRole(UUID projectId, UUID userId);

    List<ProjectMember> findByProjectIdOrderByCreatedAt(UUID projectId);

    /** Locks the project's owner rows, so two concurrent demotions cannot both leave the project ownerless. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from ProjectMember m where m.projectId = :projectId and m.role = :role")
    List<ProjectMember> lockByProjectIdAndRole(UUID projectId, ProjectRole role);

    long countByProjectId(UUID projectId);
}
