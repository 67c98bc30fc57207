package dev.edgeforge.api.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserTokenRepository extends JpaRepository<UserToken, UUID> {

    Optional<UserToken> findByTokenHash(String tokenHash);

    List<UserToken> findByUserIdOrderByCreatedAtDesc(UUID userId);

    Optional<UserToken> findByIdAndUserId(UUID id, UUID userId);

    @Modifying
    @Query("delete from UserToken t where t.userId = :userId and t.expiresAt <= :now")
    int deleteExpired(UUID userId, Instant now);

    @Modifying
    @Query("delete from UserToken t where t.userId = :userId and t.kind = :kind")
    int deleteOfKind(UUID userId, TokenKind kind);

    @Modifying
    @Query("delete from UserToken t where t.userId = :userId and t.kind = :kind and t.id <> :keep")
    int deleteOfKindExcept(UUID userId, TokenKind kind, UUID keep);
}
