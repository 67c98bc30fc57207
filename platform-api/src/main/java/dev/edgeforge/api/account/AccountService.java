package dev.edgeforge.api.account;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.security.AuthenticationRequiredException;
import dev.edgeforge.api.security.UserPrincipal;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: registration, creation by administrators and invites, password sign-in and password changes. */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final PlatformSettingsService settings;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Compared against when the email is unknown, so a wrong email costs as much time as a wrong password. */
    private final String dummyHash;

    AccountService(
            UserAccountRepository users,
            PlatformSettingsService settings,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            Clock clock) {
        this.users = users;
        this.settings = settings;
        this.passwords = passwords;
        this.throttle = throttle;
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

    /**
     * Creates an account whether or not registration is open: for an administrator, or for the person an invite was
     * sent to. The caller has checked that this account may be created.
     *
     * @throws EmailTakenViolation when the email already has an account
     */
    @Transactional
    public AccountOverview createAccount(String email, String password, String displayName, boolean admin) {
        UserAccount account = create(email, password, displayName, admin);
        return new AccountOverview(
                account.id(), account.email(), account.displayName(), account.admin(), account.createdAt());
    }

    /** Creates an account without the registration check (first administrator). */
    @Transactional
    UserAccount create(String email, String password, String displayName, boolean admin) {
        String normalized = Emails.normalize(email);
        if (!Emails.looksValid(normalized)) {
            throw new ValidationViolation("email", "must be an email address such as ada@example.com");
        }
        PasswordPolicy.check("password", password);
        if (users.existsByEmail(normalized)) {
            throw new EmailTakenViolation(normalized);
        }
        String name = displayName == null || displayName.isBlank() ? Emails.localPart(normalized) : displayName.trim();
        UserAccount account = new UserAccount(normalized, name, passwords.encode(password), admin, clock.instant());
        return users.saveAndFlush(account);
    }

    /**
     * Checks an email and password; re-hashes the password when its stored hash uses an outdated algorithm. Failures
     * count towards the {@link LoginThrottle}.
     *
     * @param address the client's address, for the throttle; null when unknown
     * @return the user, or empty when the email is unknown or the password wrong
     * @throws LoginThrottledViolation when too many sign-ins failed lately for this account or from this address
     */
    @Transactional
    public Optional<UserPrincipal> authenticate(String email, String password, String address) {
        throttle.check(email, address);
        Optional<UserPrincipal> user = checkPassword(email, password);
        if (user.isEmpty()) {
            throttle.recordFailure(email, address);
        } else {
            throttle.recordSuccess(email);
        }
        return user;
    }

    /**
     * Replaces the signed-in user's password after checking the current one (a wrong one counts towards the
     * throttle like a failed sign-in).
     *
     * @throws ValidationViolation     the current password is wrong, or the new one breaks {@link PasswordPolicy}
     * @throws LoginThrottledViolation too many failures lately
     */
    @Transactional
    void changePassword(UserPrincipal user, String currentPassword, String newPassword, String address) {
        throttle.check(user.email(), address);
        UserAccount account = users.findById(user.id()).orElseThrow(AuthenticationRequiredException::new);
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throttle.recordFailure(user.email(), address);
            throw new ValidationViolation("currentPassword", "is not your current password");
        }
        PasswordPolicy.check("newPassword", newPassword);
        account.changePasswordHash(passwords.encode(newPassword));
    }

    private Optional<UserPrincipal> checkPassword(String email, String password) {
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
