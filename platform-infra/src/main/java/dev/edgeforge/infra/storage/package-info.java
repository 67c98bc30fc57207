/**
 * The object store: the bytes of samples, features, models and firmware, addressed by key.
 *
 * <p>{@link dev.edgeforge.infra.storage.ObjectStore} is the one interface; {@link
 * dev.edgeforge.infra.storage.FileSystemObjectStore} (the embedded default, {@code ./data/objects}) and
 * {@link dev.edgeforge.infra.storage.S3ObjectStore} (MinIO or any S3 server) implement it, and
 * {@link dev.edgeforge.infra.storage.ObjectStores#create} picks one from
 * {@link dev.edgeforge.infra.storage.ObjectStoreSettings}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Writes are atomic: a reader sees the old object or the whole new one, never part of one; a failed write
 *       changes nothing.</li>
 *   <li>Every store accepts exactly the same keys ({@link dev.edgeforge.infra.storage.ObjectKeys}); nothing can
 *       escape the store's root or bucket.</li>
 *   <li>Keys are content-addressed or run-scoped ({@code projects/{id}/samples/{sha256}},
 *       {@code .../models/{modelId}/...}) so a retried job writes the same bytes to the same key or to a new key,
 *       and never overwrites what another run produced. PostgreSQL rows point at keys; a row never points at a
 *       missing object (write the object first, then the row); an object without a row is garbage for a
 *       sweeper.</li>
 * </ul>
 */
package dev.edgeforge.infra.storage;
