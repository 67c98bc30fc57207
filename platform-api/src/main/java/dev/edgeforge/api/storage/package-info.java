/**
 * The object store as a Spring bean: bytes of samples, features, models and firmware. Filesystem under
 * {@code <edgeforge.data-dir>/objects} by default; {@code edgeforge.storage.kind=s3} switches to S3/MinIO. Key layout
 * and the no-dangling-rows rule are in docs/DESIGN.md (Storage).
 */
package dev.edgeforge.api.storage;
