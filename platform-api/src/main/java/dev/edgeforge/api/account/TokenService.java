package dev.edgeforge.api.account;

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

/** Bearer tokens of users: login tokens and personal access tokens. Secrets are returned once, stored hashed. */
@Service
public class TokenService implements BearerTokenVerifier {

    /** last_used_at is a hint for people, not an audit log: write it at most this often per token. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final UserTokenRepository tokens;
    private final UserAccountRepository users;
    private final Clock clock;
    private final Duration loginTokenTtl;

    TokenService(UserTokenRepository tokens, UserAccountRepository users, Clock clock, AccountProperties properties) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.loginTokenTtl = properties.auth().loginTokenTtl();
    }

    /** A token for a user who just proved their password; valid for {@code edgeforge.auth.login-token-ttl}. */
    @Transactional
    public IssuedToken issueLoginToken(UserPrincipal user) {
        Instant now = clock.instant();
        tokens.deleteExpired(user.id(), now);
        String secret = SecretTokens.generate(SecretTokens.LOGIN_TOKEN_PREFIX);
        UserToken token = tokens.save(new UserToken(
                user.id(), TokenKind.LOGIN, "login", SecretTokens.sha256Hex(secret), now, now.plus(loginTokenTtl)));
        return new IssuedToken(token.id(), secret, token.name(), token.createdAt(), token.expiresAt());
    }

    /** A personal access token that lives until revoked. */
    @Transactional
    public IssuedToken createPersonalToken(UserPrincipal user, String name) {
        String secret = SecretTokens.generate(SecretTokens.PERSONAL_TOKEN_PREFIX);
        UserToken token = tokens.save(new UserToken(
                user.id(), TokenKind.PERSONAL, name.trim(), SecretTokens.sha256Hex(secret), clock.instant(), null));
        return new IssuedToken(token.id(), secret, token.name(), token.createdAt(), null);
    }

    @Transactional(readOnly = true)
    public List<TokenView> listPersonalTokens(UserPrincipal user) {
        return tokens.findByUserIdAndKindOrderByCreatedAtDesc(user.id(), TokenKind.PERSONAL).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.createdAt(), t.lastUsedAt()))
                .toList();
    }

    /** Revokes one of the user's own tokens (personal or login). */
    @Transactional
    public void revoke(UserPrincipal user, UUID tokenId) {
        UserToken token =
                tokens.findByIdAndUserId(tokenId, user.id()).orElseThrow(() -> new TokenNotFoundException(tokenId));
        tokens.delete(token);
    }

    @Override
    @Transactional
    public Optional<UserPrincipal> verify(String secret) {
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
        return users.findById(token.userId()).map(UserAccount::toPrincipal);
    }
}
