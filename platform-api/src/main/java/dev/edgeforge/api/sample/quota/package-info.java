/**
 * Per-project storage quotas: a platform administrator sets one (bytes; none means unlimited) with
 * {@code PUT /api/v1/admin/projects/{projectId}/quota} or on the administration page, and every upload whose new
 * content would pass it is refused whole with 413 before anything is stored. Usage is the size of the distinct
 * sample contents (sha256) the project's rows point at; the data page shows it against the quota
 * ({@code GET /api/v1/projects/{projectId}/storage}).
 */
package dev.edgeforge.api.sample.quota;
