package dev.edgeforge.api.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project: the unit of data, models and access. Persistence only. */
@Entity
@Table(name = "project")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "require_signed_data", nullable = false)
    private boolean requireSignedData;

    protected Project() {}

    Project(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    void describe(String newDescription, Instant now) {
        this.description = newDescription;
        this.updatedAt = now;
    }

    boolean requireSignedData() {
        return requireSignedData;
    }

    void changeRequireSignedData(boolean required, Instant now) {
        this.requireSignedData = required;
        this.updatedAt = now;
    }

    ProjectView toView(ProjectRole callerRole) {
        return new ProjectView(id, name, description, createdAt, updatedAt, callerRole, requireSignedData);
    }
}
