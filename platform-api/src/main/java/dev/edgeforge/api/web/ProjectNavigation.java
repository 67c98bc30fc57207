package dev.edgeforge.api.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The project sidebar: contributed {@link ProjectNavItem}s plus placeholders for features still to come. */
@Component
public class ProjectNavigation {

    /** Features of the Edge Impulse-like workflow that will arrive later; shown as "coming" until they do. */
    static final List<ProjectNavItem> PLANNED = List.of(
            new ProjectNavItem("data", "Data acquisition", 20, "/data"),
            new ProjectNavItem("impulse", "Impulse design", 30, "/impulse"),
            new ProjectNavItem("training", "Training", 40, "/training"),
            new ProjectNavItem("models", "Models", 50, "/models"),
            new ProjectNavItem("deployment", "Deployment", 60, "/deployment"));

    /**
     * One sidebar line.
     *
     * @param available false for a placeholder that is not yet a page
     * @param adminOnly shown to the project's admins and owners only
     */
    public record Entry(String key, String label, String path, boolean available, boolean adminOnly) {}

    private final List<Entry> entries;

    ProjectNavigation(List<ProjectNavItem> items) {
        Set<String> keys = items.stream().map(ProjectNavItem::key).collect(Collectors.toSet());
        if (keys.size() != items.size()) {
            throw new IllegalStateException("Two ProjectNavItem beans share a key: " + items);
        }
        List<ProjectNavItem> all = new ArrayList<>(items);
        PLANNED.stream().filter(p -> !keys.contains(p.key())).forEach(all::add);
        all.sort(Comparator.comparingInt(ProjectNavItem::order).thenComparing(ProjectNavItem::label));
        this.entries = all.stream()
                .map(i -> new Entry(i.key(), i.label(), i.path(), keys.contains(i.key()), i.adminOnly()))
                .toList();
    }

    public List<Entry> entries() {
        return entries;
    }
}
