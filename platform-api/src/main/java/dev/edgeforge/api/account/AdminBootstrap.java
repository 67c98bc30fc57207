package dev.edgeforge.api.account;

import dev.edgeforge.api.security.SecretTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first administrator on the first start, when no account exists: from {@code EDGEFORGE_ADMIN_EMAIL}
 * and {@code EDGEFORGE_ADMIN_PASSWORD} when set, otherwise with a generated password that is logged once.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final String GENERATED_PASSWORD_BANNER = """

                ==================================================================
                  EdgeForge created the first administrator account:
                    email:    {}
                    password: {}
                  This password is shown only this once. To choose your own,
                  set EDGEFORGE_ADMIN_EMAIL and EDGEFORGE_ADMIN_PASSWORD before
                  the first start.
                ==================================================================""";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    /** Serialises the check-then-create across several server instances starting against one database. */
    private static final long ADVISORY_LOCK_KEY = 0x6564_6765_666F_7201L;

    private final AccountService accounts;
    private final UserAccountRepository users;
    private final AccountProperties properties;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    AdminBootstrap(
            AccountService accounts,
            UserAccountRepository users,
            AccountProperties properties,
            TransactionTemplate transaction,
            JdbcClient jdbc) {
        this.accounts = accounts;
        this.users = users;
        this.properties = properties;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> createFirstAdminIfNoAccountExists());
    }

    private void createFirstAdminIfNoAccountExists() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked")
                .param(ADVISORY_LOCK_KEY)
                .query(Integer.class)
                .single();
        if (users.count() > 0) {
            if (properties.admin().password() != null) {
                log.info("Accounts already exist; EDGEFORGE_ADMIN_EMAIL/EDGEFORGE_ADMIN_PASSWORD are ignored");
            }
            return;
        }
        String email = properties.admin().email();
        String configured = properties.admin().password();
        if (configured != null && !configured.isEmpty()) {
            try {
                PasswordPolicy.check("EDGEFORGE_ADMIN_PASSWORD", configured);
            } catch (RuntimeException weak) {
                throw new IllegalStateException("EDGEFORGE_ADMIN_PASSWORD is not accepted: " + weak.getMessage(), weak);
            }
            accounts.create(email, configured, "Administrator", true);
            log.info("Created the first administrator {} from the environment", Emails.normalize(email));
            return;
        }
        String generated = SecretTokens.generateHex(12);
        accounts.create(email, generated, "Administrator", true);
        // logged once, at creation; it is never stored in clear and cannot be shown again
        log.warn(GENERATED_PASSWORD_BANNER, Emails.normalize(email), generated);
    }
}
