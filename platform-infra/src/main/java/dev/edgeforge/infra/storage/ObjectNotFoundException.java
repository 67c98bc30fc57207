package dev.edgeforge.infra.storage;

/** No object is stored under the requested key. */
public class ObjectNotFoundException extends ObjectStoreException {
    private final String key;

    public ObjectNotFoundException(String key) {
        super("no object with key '" + key + "'");
        this.key = key;
    }

    public ObjectNotFoundException(String key, Throwable cause) {
        super("no object with key '" + key + "'", cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
