package dev.edgeforge.infra.storage;

/** Creates the {@link ObjectStore} that {@link ObjectStoreSettings} describe. */
public final class ObjectStores {
    private ObjectStores() {}

    /**
     * A {@link FileSystemObjectStore} (directory created when missing) or an {@link S3ObjectStore} (bucket created
     * when missing). The caller owns the store and closes it.
     */
    public static ObjectStore create(ObjectStoreSettings settings) {
        return switch (settings.type()) {
            case FILESYSTEM -> new FileSystemObjectStore(settings.root());
            case S3 -> S3ObjectStore.connect(settings);
        };
    }
}
