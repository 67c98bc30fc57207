/**
 * User accounts: registration (closed unless an administrator opens it), accounts created by an administrator,
 * sign-in with email and password (browser form login, or {@code POST /api/v1/auth/login} for scripts, which answers
 * a bearer token) throttled per account and per address ({@link dev.edgeforge.api.account.LoginThrottle}), password
 * changes that sign out the account's other sign-ins, login and personal access tokens (all expiring, listed with
 * their last use, revocable), the first administrator created on first start, and platform settings.
 *
 * <p>Passwords are stored with Spring Security's {@code DelegatingPasswordEncoder} (bcrypt); tokens are stored
 * as SHA-256 hashes only. Other features look people up through {@link dev.edgeforge.api.account.UserDirectory}.
 */
package dev.edgeforge.api.account;
