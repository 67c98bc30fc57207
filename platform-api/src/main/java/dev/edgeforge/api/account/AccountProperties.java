package dev.edgeforge.api.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings.
 *
 * @param admin the first administrator ({@code edgeforge.admin.email/password}, from the environment as
 *              {@code EDGEFORGE_ADMIN_EMAIL}/{@code EDGEFORGE_ADMIN_PASSWORD}); used only while no account exists
 * @param auth  token and sign-in settings ({@code edgeforge.auth.*})
 */
@ConfigurationProperties(prefix = "edgeforge")
record AccountProperties(
        @DefaultValue Admin admin, @DefaultValue Auth auth) {

    /**
     * @param email    email of the first administrator; {@code admin@edgeforge.local} when unset
     * @param password password of the first administrator; generated and logged once when unset
     */
    record Admin(@DefaultValue("admin@edgeforge.local") String email, String password) {}

    /**
     * @param loginTokenTtl    how long a token from {@code POST /api/v1/auth/login} stays valid
     * @param personalTokenTtl how long a personal access token stays valid when its creator does not choose
     * @param throttle         how many failed sign-ins are tolerated
     */
    record Auth(
            @DefaultValue("30d") Duration loginTokenTtl,
            @DefaultValue("90d") Duration personalTokenTtl,
            @DefaultValue Throttle throttle) {}

    /**
     * Failed sign-ins tolerated within {@code window}; once a limit is reached, sign-ins for that account or from
     * that address are refused (429), even with the right password, until enough failures are older than the window.
     *
     * @param accountFailures per account (email), {@code edgeforge.auth.throttle.account-failures}
     * @param addressFailures per client address, {@code edgeforge.auth.throttle.address-failures}
     * @param window          {@code edgeforge.auth.throttle.window}
     */
    record Throttle(
            @DefaultValue("10") int accountFailures,
            @DefaultValue("50") int addressFailures,
            @DefaultValue("15m") Duration window) {}
}
