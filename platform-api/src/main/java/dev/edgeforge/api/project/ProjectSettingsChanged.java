package dev.edgeforge.api.project;

import dev.edgeforge.api.security.EdgeForgePrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Project settings changed (description, require signed data).
 *
 * @param changes per setting name, its value before and after
 */
public record ProjectSettingsChanged(UUID projectId, EdgeForgePrincipal actor, Map<String, Change> changes)
        implements ProjectActivity {

    /** One setting's value before and after. */
    public record Change(Object from, Object to) {}

    private static final Map<String, String> LABELS = Map.of("requireSignedData", "require signed data");

    public ProjectSettingsChanged {
        changes = Map.copyOf(changes);
    }

    @Override
    public String action() {
        return "project.settings-changed";
    }

    @Override
    public String target() {
        return "project/" + projectId;
    }

    @Override
    public String summary() {
        return "Settings changed: "
                + changes.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> describe(e.getKey(), e.getValue()))
                        .collect(Collectors.joining("; "));
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        changes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> details.put(
                        e.getKey(),
                        Map.of("from", e.getValue().from(), "to", e.getValue().to())));
        return details;
    }

    private static String describe(String setting, Change change) {
        String label = LABELS.getOrDefault(setting, setting);
        if (change.to() instanceof Boolean on) {
            return label + " " + (on ? "on" : "off");
        }
        return label + " changed";
    }
}
