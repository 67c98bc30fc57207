/**
 * The audit log of each project: who created or revoked its keys, changed its members, roles and invites, changed its
 * settings, and downloaded its deployments. Features publish a {@link dev.edgeforge.api.project.ProjectActivity} in
 * the transaction of the change; {@link dev.edgeforge.api.audit.AuditLog} writes it in that same transaction, so a
 * change is never without its entry and an entry never without its change. Project admins and owners read the log
 * over REST ({@code GET /api/v1/projects/{projectId}/audit}) and on the project's "Audit log" page.
 *
 * <p>Entries are only ever inserted; they keep the actor's email or key name as it was, so they stay readable after
 * the account or key is gone. They are deleted with their project.
 */
package dev.edgeforge.api.audit;
