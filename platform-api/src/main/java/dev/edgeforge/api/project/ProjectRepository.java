package dev.edgeforge.api.project;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProjectRepository extends JpaRepository<Project, UUID> {

    // fully qualified: a JPQL constructor expression names the class in full
    @Query("select new dev.edgeforge.api.project.ProjectMembership(p, m.role)"
            + " from Project p join ProjectMember m on m.projectId = p.id"
            + " where m.userId = :userId order by lower(p.name), p.createdAt")
    List<ProjectMembership> findAllOfUser(UUID userId);
}
