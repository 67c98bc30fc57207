package dev.edgeforge.infra.storage;

/** The stream given to a put held more or fewer bytes than the declared length; nothing was stored. */
public class ObjectLengthViolation extends IllegalArgumentException {
    public ObjectLengthViolation(String key, String problem) {
        super("object '" + key + "' not stored: " + problem);
    }
}
