package dev.edgeforge.api.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectApiKeyRepository extends JpaRepository<ProjectApiKey, UUID> {

    Optional<ProjectApiKey> findByKeyHash(String keyHash);

    List<ProjectApiKey> findByProjectIdOrderByCreatedAtDesc(UUID projectId);

    Optional<ProjectApiKey> findByIdAndProjectId(UUID id, UUID projectId);

    long countByProjectId(UUID projectId);
}
