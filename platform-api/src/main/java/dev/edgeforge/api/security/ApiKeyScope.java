package dev.edgeforge.api.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a project API key may do inside its own project. {@link #ADMIN} includes the other two.
 * <ul>
 *   <li>{@link #INGEST}: add data (the Edge Impulse-compatible ingestion endpoints, sample uploads);</li>
 *   <li>{@link #READ}: every read-only (GET) endpoint of the project;</li>
 *   <li>{@link #ADMIN}: everything a project admin can do in that project.</li>
 * </ul>
 */
public enum ApiKeyScope {
    INGEST,
    READ,
    ADMIN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ApiKeyScope fromValue(String value) {
        for (ApiKeyScope scope : values()) {
            if (scope.value().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return scope;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowedValues() + ", got '" + value + "'");
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(ApiKeyScope::value).collect(Collectors.joining(", "));
    }
}
