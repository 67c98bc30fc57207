package dev.edgeforge.api.project;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A member's role in a project, from most to least powerful. Each role includes everything below it. */
public enum ProjectRole {
    OWNER,
    ADMIN,
    MEMBER,
    VIEWER;

    /** Whether this role may do what {@code minimum} may do. */
    public boolean includes(ProjectRole minimum) {
        return ordinal() <= minimum.ordinal();
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ProjectRole fromValue(String value) {
        for (ProjectRole role : values()) {
            if (role.value().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowedValues() + ", got '" + value + "'");
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(ProjectRole::value).collect(Collectors.joining(", "));
    }
}
