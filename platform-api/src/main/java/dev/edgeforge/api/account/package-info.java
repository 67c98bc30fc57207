/**
 * User accounts: registration (which an administrator can close), sign-in with email and password (browser form
 * login, or {@code POST /api/v1/auth/login} for scripts, which answers a bearer token), personal access tokens,
 * the first administrator created on first start, and platform settings.
 *
 * <p>Passwords are stored with Spring Security's {@code DelegatingPasswordEncoder} (bcrypt); tokens are stored
 * as SHA-256 hashes only. Other features look people up through {@link dev.edgeforge.api.account.UserDirectory}.
 */
package dev.edgeforge.api.account;
