package dev.edgeforge.infra.storage;

/**
 * The rules for object keys, shared by every {@link ObjectStore} so that a key valid in one store is valid in all.
 *
 * <p>A key is one or more segments joined by {@code /}. Each segment is 1 to {@value #MAX_SEGMENT_LENGTH}
 * characters from {@code A-Z a-z 0-9 . _ - = +} and does not start with a dot. Hence no {@code ..}, no absolute
 * path, no backslash, no empty segment, no trailing slash. Keys are at most {@value #MAX_KEY_LENGTH} characters.
 *
 * <p>Why so strict: keys become file paths in {@link FileSystemObjectStore} and must mean the same thing on
 * every filesystem; dot-prefixed names are reserved for in-progress writes; the segment limit leaves room for
 * the temporary-file suffix under the usual 255-byte file-name limit.
 */
public final class ObjectKeys {
    public static final int MAX_KEY_LENGTH = 1024;
    public static final int MAX_SEGMENT_LENGTH = 200;

    private ObjectKeys() {}

    /**
     * Returns {@code key} when it is valid.
     *
     * @throws ObjectKeyViolation naming the key and the broken rule
     */
    public static String requireValidKey(String key) {
        if (key == null) {
            throw new ObjectKeyViolation(null, "key is null");
        }
        if (key.isEmpty()) {
            throw new ObjectKeyViolation(key, "key is empty");
        }
        checkCommon(key);
        if (key.endsWith("/")) {
            throw new ObjectKeyViolation(key, "key ends with '/'");
        }
        int offset = 0;
        for (String segment : key.split("/", -1)) {
            checkSegment(key, segment, offset);
            offset += segment.length() + 1;
        }
        return key;
    }

    /**
     * Returns {@code prefix} when it can be used with {@link ObjectStore#list(String)}: empty, or the start of
     * a valid key (its last segment may be partial or empty, as in {@code projects/} or {@code projects/ab}).
     *
     * @throws ObjectKeyViolation naming the prefix and the broken rule
     */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null) {
            throw new ObjectKeyViolation(null, "prefix is null");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        checkCommon(prefix);
        String[] segments = prefix.split("/", -1);
        int offset = 0;
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (!(last && segments[i].isEmpty())) {
                checkSegment(prefix, segments[i], offset);
            }
            offset += segments[i].length() + 1;
        }
        return prefix;
    }

    /** Whether {@link #requireValidKey(String)} would accept the key. */
    public static boolean isValidKey(String key) {
        try {
            requireValidKey(key);
            return true;
        } catch (ObjectKeyViolation e) {
            return false;
        }
    }

    private static void checkCommon(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw new ObjectKeyViolation(key, "longer than " + MAX_KEY_LENGTH + " characters");
        }
        if (key.indexOf('\\') >= 0) {
            throw new ObjectKeyViolation(key, "contains a backslash; use '/' between segments");
        }
        if (key.startsWith("/")) {
            throw new ObjectKeyViolation(key, "starts with '/'; keys are relative");
        }
    }

    private static void checkSegment(String key, String segment, int offset) {
        if (segment.isEmpty()) {
            throw new ObjectKeyViolation(key, "contains an empty segment ('//')");
        }
        if (segment.equals("..") || segment.equals(".")) {
            throw new ObjectKeyViolation(key, "contains the segment '" + segment + "'");
        }
        if (segment.charAt(0) == '.') {
            throw new ObjectKeyViolation(key, "segment '" + segment + "' starts with '.' (reserved)");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new ObjectKeyViolation(key, "a segment is longer than " + MAX_SEGMENT_LENGTH + " characters");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!isAllowed(c)) {
                throw new ObjectKeyViolation(
                        key,
                        "character " + describe(c) + " at offset " + (offset + i)
                                + " is not allowed (use A-Z a-z 0-9 . _ - = +)");
            }
        }
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '-'
                || c == '='
                || c == '+';
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }
}
