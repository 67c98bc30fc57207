package dev.edgeforge.api.account;

import dev.edgeforge.api.security.UserPrincipal;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who can sign in. Persistence only: never a JSON body or form object. */
@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UserAccount() {}

    UserAccount(String email, String displayName, String passwordHash, boolean admin, Instant createdAt) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean admin() {
        return admin;
    }

    Instant createdAt() {
        return createdAt;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    UserPrincipal toPrincipal() {
        return new UserPrincipal(id, email, displayName, admin);
    }

    UserSummary toSummary() {
        return new UserSummary(id, email, displayName);
    }
}
