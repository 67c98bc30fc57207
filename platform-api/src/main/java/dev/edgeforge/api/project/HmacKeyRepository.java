package dev.edgeforge.api.project;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HmacKeyRepository extends JpaRepository<HmacKey, UUID> {

    List<HmacKey> findByProjectIdOrderByCreatedAtDesc(UUID projectId);

    Optional<HmacKey> findByIdAndProjectId(UUID id, UUID projectId);

    long countByProjectId(UUID projectId);
}
