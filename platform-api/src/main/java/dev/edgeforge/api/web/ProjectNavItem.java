package dev.edgeforge.api.web;

import java.util.Objects;

/**
 * An entry of the project sidebar, contributed by a feature as a bean.
 *
 * @param key   stable id, also the value of the {@code activeNav} model attribute on the item's pages
 * @param label text shown
 * @param order position, ascending (dashboard 10, data 20, impulse 30, training 40, models 50, deployment 60,
 *              members 80, keys 90)
 * @param path  path below {@code /projects/{projectId}}, empty or starting with {@code /}
 * @param adminOnly shown only to the project's admins and owners (the page itself checks the role too)
 */
public record ProjectNavItem(String key, String label, int order, String path, boolean adminOnly) {

    /** An entry every member sees. */
    public ProjectNavItem(String key, String label, int order, String path) {
        this(key, label, order, path, false);
    }

    /** An entry only the project's admins and owners see. */
    public static ProjectNavItem forAdmins(String key, String label, int order, String path) {
        return new ProjectNavItem(key, label, order, path, true);
    }

    public ProjectNavItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(path, "path");
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("path must be empty or start with '/': " + path);
        }
    }
}
