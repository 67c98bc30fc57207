package dev.edgeforge.api.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row of platform-wide settings (id 1, created by the migration). */
@Entity
@Table(name = "platform_settings")
class PlatformSettings {

    static final short THE_ROW = 1;

    @Id
    private Short id;

    @Column(name = "registration_open", nullable = false)
    private boolean registrationOpen;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PlatformSettings() {}

    boolean registrationOpen() {
        return registrationOpen;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void changeRegistrationOpen(boolean open, Instant now) {
        this.registrationOpen = open;
        this.updatedAt = now;
    }
}
