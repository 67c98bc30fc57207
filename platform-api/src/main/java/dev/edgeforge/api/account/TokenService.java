package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.security.BearerTokenVerifier;
import dev.edgeforge.api.security.SecretTokens;
import dev.edgeforge.api.security.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens of users: login tokens and personal access tokens. Secrets are returned once, stored hashed; every
 * token expires; the owner lists and revokes them.
 */
@Service
public class TokenService implements BearerTokenVerifier {

    /** The longest a personal access token may live: it must be renewed at least once a year. */
    static final int MAX_PERSONAL_TOKEN_DAYS = 365;
    /** last_used_at is a hint for people, not an audit log: write it at most this often per token. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final UserTokenRepository tokens;
    private final UserAccountRepository users;
    private final Clock clock;
    private final Duration loginTokenTtl;
    private final Duration personalTokenTtl;

    TokenService(UserTokenRepository tokens, UserAccountRepository users, Clock clock, AccountProperties properties) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.loginTokenTtl = properties.auth().loginTokenTtl();
        this.personalTokenTtl = properties.auth().personalTokenTtl();
    }

    /**
     * A token for a user who just proved their password; valid for {@code edgeforge.auth.login-token-ttl}.
     *
     * @param address where the sign-in came from, shown in the token list so people recognise their sign-ins
     */
    @Transactional
    public IssuedToken issueLoginToken(UserPrincipal user, String address) {
        Instant now = clock.instant();
        tokens.deleteExpired(user.id(), now);
        String name = address == null ? "API sign-in" : truncate("API sign-in from " + address);
        return issue(user, TokenKind.LOGIN, name, SecretTokens.LOGIN_TOKEN_PREFIX, now, now.plus(loginTokenTtl));
    }

    /** The number of days a personal access token lives when its creator does not choose. */
    public long defaultPersonalTokenDays() {
        return personalTokenTtl.toDays();
    }

    /**
     * A personal access token.
     *
     * @param days how long it lives, 1 to {@value #MAX_PERSONAL_TOKEN_DAYS}; null for the default
     */
    @Transactional
    public IssuedToken createPersonalToken(UserPrincipal user, String name, Integer days) {
        long lifetime = days == null ? defaultPersonalTokenDays() : days;
        if (lifetime < 1 || lifetime > MAX_PERSONAL_TOKEN_DAYS) {
            throw new ValidationViolation(
                    "expiresInDays",
                    "must be between 1 and " + MAX_PERSONAL_TOKEN_DAYS + " (a token lives at most a year)");
        }
        Instant now = clock.instant();
        tokens.deleteExpired(user.id(), now);
        return issue(
                user,
                TokenKind.PERSONAL,
                name.trim(),
                SecretTokens.PERSONAL_TOKEN_PREFIX,
                now,
                now.plus(Duration.ofDays(lifetime)));
    }

    /**
     * The user's tokens that have not expired, newest first.
     *
     * @param currentTokenId the token the listing request came with, marked {@code current}
     */
    @Transactional(readOnly = true)
    public List<TokenView> list(UserPrincipal user, Optional<UUID> currentTokenId) {
        Instant now = clock.instant();
        return tokens.findByUserIdOrderByCreatedAtDesc(user.id()).stream()
                .filter(t -> !t.isExpiredAt(now))
                .map(t -> new TokenView(
                        t.id(),
                        t.kind(),
                        t.name(),
                        t.createdAt(),
                        t.expiresAt(),
                        t.lastUsedAt(),
                        currentTokenId.map(t.id()::equals).orElse(false)))
                .toList();
    }

    /** Revokes one of the user's own tokens (personal or login). */
    @Transactional
    public void revoke(UserPrincipal user, UUID tokenId) {
        UserToken token =
                tokens.findByIdAndUserId(tokenId, user.id()).orElseThrow(() -> new TokenNotFoundException(tokenId));
        tokens.delete(token);
    }

    /**
     * Revokes the user's login tokens (after a password change), except the one the request came with; personal
     * access tokens stay, their owner revokes them one by one.
     *
     * @return how many were revoked
     */
    @Transactional
    int revokeLoginTokens(UserPrincipal user, Optional<UUID> keep) {
        return keep.map(id -> tokens.deleteOfKindExcept(user.id(), TokenKind.LOGIN, id))
                .orElseGet(() -> tokens.deleteOfKind(user.id(), TokenKind.LOGIN));
    }

    @Override
    @Transactional
    public Optional<VerifiedToken> verify(String secret) {
        Optional<UserToken> found = tokens.findByTokenHash(SecretTokens.sha256Hex(secret));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UserToken token = found.get();
        Instant now = clock.instant();
        if (token.isExpiredAt(now)) {
            tokens.delete(token);
            return Optional.empty();
        }
        if (token.lastUsedAt() == null
                || token.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            token.markUsed(now);
        }
        return users.findById(token.userId()).map(u -> new VerifiedToken(token.id(), u.toPrincipal()));
    }

    private IssuedToken issue(
            UserPrincipal user, TokenKind kind, String name, String prefix, Instant now, Instant expiresAt) {
        String secret = SecretTokens.generate(prefix);
        UserToken token =
                tokens.save(new UserToken(user.id(), kind, name, SecretTokens.sha256Hex(secret), now, expiresAt));
        return new IssuedToken(token.id(), secret, token.name(), token.createdAt(), token.expiresAt());
    }

    private static String truncate(String name) {
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
