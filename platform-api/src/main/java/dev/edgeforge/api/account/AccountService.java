package dev.edgeforge.api.account;

import dev.edgeforge.api.security.UserPrincipal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration and password sign-in. */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final PlatformSettingsService settings;
    private final PasswordEncoder passwords;
    private final Clock clock;
    /** Compared against when the email is unknown, so a wrong email costs as much time as a wrong password. */
    private final String dummyHash;

    AccountService(
            UserAccountRepository users, PlatformSettingsService settings, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.passwords = passwords;
        this.clock = clock;
        this.dummyHash = passwords.encode("edgeforge-timing-equaliser");
    }

    /**
     * Creates an ordinary account through self-registration.
     *
     * @throws RegistrationClosedViolation when an administrator closed registration
     * @throws EmailTakenViolation         when the email already has an account
     */
    @Transactional
    public UserSummary register(String email, String password, String displayName) {
        if (!settings.registrationOpen()) {
            throw new RegistrationClosedViolation();
        }
        return create(email, password, displayName, false).toSummary();
    }

    /** Creates an account without the registration check (first administrator). */
    @Transactional
    UserAccount create(String email, String password, String displayName, boolean admin) {
        String normalized = Emails.normalize(email);
        PasswordPolicy.check("password", password);
        if (users.existsByEmail(normalized)) {
            throw new EmailTakenViolation(normalized);
        }
        String name = displayName == null || displayName.isBlank() ? Emails.localPart(normalized) : displayName.trim();
        UserAccount account = new UserAccount(normalized, name, passwords.encode(password), admin, clock.instant());
        return users.saveAndFlush(account);
    }

    /**
     * Checks an email and password; re-hashes the password when its stored hash uses an outdated algorithm.
     *
     * @return the user, or empty when the email is unknown or the password wrong
     */
    @Transactional
    public Optional<UserPrincipal> authenticate(String email, String password) {
        Optional<UserAccount> account = users.findByEmail(Emails.normalize(email));
        if (account.isEmpty() || password == null) {
            passwords.matches(password == null ? "" : password, dummyHash);
            return Optional.empty();
        }
        UserAccount user = account.get();
        if (!passwords.matches(password, user.passwordHash())) {
            return Optional.empty();
        }
        if (passwords.upgradeEncoding(user.passwordHash())) {
            user.changePasswordHash(passwords.encode(password));
        }
        return Optional.of(user.toPrincipal());
    }

    /** All accounts, oldest first, for the administrator's overview. */
    @Transactional(readOnly = true)
    public List<AccountOverview> listAccounts() {
        return users.findAll().stream()
                .sorted(Comparator.comparing(UserAccount::createdAt))
                .map(u -> new AccountOverview(u.id(), u.email(), u.displayName(), u.admin(), u.createdAt()))
                .toList();
    }
}
