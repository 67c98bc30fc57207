package dev.edgeforge.api.account;

import dev.edgeforge.api.security.BrowserSessions;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A password change and what must follow it: whoever signed in with the old password is signed out. The caller's own
 * token or browser session stays; personal access tokens stay too (listed on the account page, revocable one by one).
 */
@Service
class PasswordChange {

    /**
     * What the change ended.
     *
     * @param loginTokensRevoked other login tokens ({@code POST /api/v1/auth/login}) revoked
     * @param sessionsEnded      other browser sessions ended
     */
    record Result(int loginTokensRevoked, int sessionsEnded) {}

    private final AccountService accounts;
    private final TokenService tokens;
    private final BrowserSessions sessions;
    private final TransactionTemplate transaction;

    PasswordChange(
            AccountService accounts, TokenService tokens, BrowserSessions sessions, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.transaction = transaction;
    }

    /**
     * @param address        the client's address, for the sign-in throttle
     * @param keepToken      the bearer token of the request, which keeps working
     * @param keepSessionId  the browser session of the request, which stays signed in; null for none
     */
    Result change(
            UserPrincipal user,
            String currentPassword,
            String newPassword,
            String address,
            Optional<UUID> keepToken,
            String keepSessionId) {
        Integer revoked = transaction.execute(status -> {
            accounts.changePassword(user, currentPassword, newPassword, address);
            return tokens.revokeLoginTokens(user, keepToken);
        });
        // sessions live in memory, not in the transaction: end them once the new password is committed
        int ended = sessions.endOtherSessions(user, keepSessionId);
        return new Result(revoked == null ? 0 : revoked, ended);
    }
}
