package dev.edgeforge.infra.storage;

/** A key or prefix breaks the rules in {@link ObjectKeys}; the message names the key and the rule. */
public class ObjectKeyViolation extends IllegalArgumentException {
    private final String key;

    public ObjectKeyViolation(String key, String problem) {
        super("invalid object key '" + printable(key) + "': " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }

    private static String printable(String key) {
        if (key == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        key.codePoints().limit(200).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return key.length() > 200 ? sb + "…" : sb.toString();
    }
}
