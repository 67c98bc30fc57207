/**
 * Who is calling: authentication for the browser (form login, session, CSRF) and for scripts and devices
 * ({@code Authorization: Bearer} user tokens, {@code x-api-key} project API keys), and the principal types the
 * rest of the server reasons about.
 *
 * <p>Use {@link dev.edgeforge.api.security.CurrentPrincipal} to get the caller: a
 * {@link dev.edgeforge.api.security.UserPrincipal} (session or bearer token) or an
 * {@link dev.edgeforge.api.security.ApiKeyPrincipal} (project API key). Project-level decisions (roles, key
 * scopes) are made by {@code dev.edgeforge.api.project.ProjectAccess}, not here.
 *
 * <p>Two filter chains ({@link dev.edgeforge.api.security.SecurityConfiguration}): {@code /api/**} is stateless
 * for header credentials (it never creates or writes a session), also accepts the browser's session (CSRF-checked
 * then), and answers 401/403 as problem details; everything else is the browser UI with form login, CSRF on every
 * form, and a registry of signed-in sessions ({@link dev.edgeforge.api.security.BrowserSessions}) so a password change
 * ends the others. The actuator is open only on its own management port. The token and key lookups
 * are plugged in through {@link dev.edgeforge.api.security.BearerTokenVerifier} and
 * {@link dev.edgeforge.api.security.ApiKeyVerifier}, implemented by the account and project features.
 */
package dev.edgeforge.api.security;
