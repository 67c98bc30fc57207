/**
 * Projects, their members and roles, invites (one-time links that let people in while registration is closed),
 * project API keys and HMAC keys, the setting "require signed data"
 * ({@link dev.edgeforge.api.project.SignedDataPolicy}), and {@link dev.edgeforge.api.project.ProjectAccess}, the
 * single access check every {@code /api/v1/projects/{projectId}/**} route and every project page goes through.
 * Changes an admin must be able to trace are published as {@link dev.edgeforge.api.project.ProjectActivity} events
 * (the audit package writes them).
 *
 * <h2>Who may do what</h2>
 * <pre>
 *                                  owner  admin  member  viewer | key:admin  key:read  key:ingest
 *  see project, members, keys       yes    yes    yes     yes   |   yes        yes       -
 *  read project data (GET)          yes    yes    yes     yes   |   yes        yes       -
 *  add data (ingest, uploads)       yes    yes    yes     -     |   yes        -         yes
 *  edit data, run jobs              yes    yes    yes     -     |   yes        -         -
 *  rename project                   yes    yes    -       -     |   yes        -         -
 *  add/remove members, set roles    yes    yes*   -       -     |   yes*       -         -
 *  invite (link), revoke invites    yes    yes*   -       -     |   yes*       -         -
 *  settings, read the audit log     yes    yes    -       -     |   yes        -         -
 *  create/revoke API and HMAC keys  yes    yes    -       -     |   yes        -         -
 *  see HMAC secrets                 yes    yes    -       -     |   yes        -         -
 *  delete project                   yes    -      -       -     |   -          -         -
 *  leave the project                yes**  yes    yes     yes   |   n/a
 *
 *  *  not for the owner role: only owners make, change or remove owners
 *  ** not the last owner: a project always keeps one
 * </pre>
 * Anonymous callers get 401; users who are not members and API keys of other projects get 404 (the project's
 * existence is not revealed); members with too low a role and keys without the scope get 403.
 *
 * <h2>Using it from another feature</h2>
 * <pre>{@code
 * ProjectGrant grant = access.requireRole(projectId, ProjectRole.VIEWER);   // read endpoints
 * ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);   // edits, jobs
 * ProjectGrant grant = access.requireScope(projectId, ApiKeyScope.INGEST);  // data uploads (users: member)
 * ProjectGrant grant = access.requireApiKey(ApiKeyScope.INGEST);            // /api/training/files etc.
 * }</pre>
 */
package dev.edgeforge.api.project;
