package dev.edgeforge.api.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings.
 *
 * @param admin the first administrator ({@code edgeforge.admin.email/password}, from the environment as
 *              {@code EDGEFORGE_ADMIN_EMAIL}/{@code EDGEFORGE_ADMIN_PASSWORD}); used only while no account exists
 * @param auth  token settings ({@code edgeforge.auth.*})
 */
@ConfigurationProperties(prefix = "edgeforge")
record AccountProperties(
        @DefaultValue Admin admin, @DefaultValue Auth auth) {

    /**
     * @param email    email of the first administrator; {@code admin@edgeforge.local} when unset
     * @param password password of the first administrator; generated and logged once when unset
     */
    record Admin(@DefaultValue("admin@edgeforge.local") String email, String password) {}

    /** @param loginTokenTtl how long a token from {@code POST /api/v1/auth/login} stays valid */
    record Auth(@DefaultValue("30d") Duration loginTokenTtl) {}
}
