/**
 * Samples: the data files of a project and their metadata. Every way in ends in
 * {@link dev.edgeforge.api.sample.SampleIngestion} (the REST upload {@code POST /api/v1/projects/{id}/samples}, the
 * Edge Impulse-compatible endpoints in {@code sample.ingest}, the browser's drag and drop), which spools and hashes
 * each file, reads it with platform-core's parsers, checks HMAC signatures, stores the bytes under
 * {@code projects/{projectId}/samples/{sha256}} and only then inserts the row
 * ({@link dev.edgeforge.api.sample.SampleStorage} holds the protocol that keeps rows from pointing at missing
 * objects; {@link dev.edgeforge.api.sample.OrphanSampleSweeper} removes objects no row points at). A request is
 * bounded as a whole before anything of it is stored ({@link dev.edgeforge.api.sample.UploadAllowance}: bytes once
 * unpacked, ZIP entries, compression bombs; the project's storage quota in {@code sample.quota}), and files are
 * parsed within the server-wide {@link dev.edgeforge.api.sample.ParseMemoryBudget}.
 *
 * <p>{@link dev.edgeforge.api.sample.SampleService} lists (filters, keyset paging), edits, plots, crops and splits
 * single samples, {@link dev.edgeforge.api.sample.SampleBulkService} acts on selections; the data acquisition pages
 * ({@code /projects/{id}/data}) are served by {@link dev.edgeforge.api.sample.SamplePageController}. Limits are
 * {@link dev.edgeforge.api.sample.DatasetProperties} ({@code edgeforge.datasets.*}).
 *
 * <p>Access: reading needs viewer (or a read-scope key), uploading needs member or an ingest-scope key, every other
 * change needs member (or an admin-scope key).
 */
package dev.edgeforge.api.sample;
