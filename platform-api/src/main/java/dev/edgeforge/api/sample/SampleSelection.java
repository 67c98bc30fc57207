package dev.edgeforge.api.sample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code WHERE} clause of a query on a project's samples: fixed SQL fragments joined with {@code AND}, every
 * value a named parameter (no value is ever spliced into the SQL text).
 */
final class SampleSelection {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    private SampleSelection(UUID projectId) {
        conditions.add("project_id = :projectId");
        params.put("projectId", projectId);
    }

    static SampleSelection of(UUID projectId, SampleFilter filter) {
        SampleSelection selection = new SampleSelection(projectId);
        if (filter.label() != null) {
            selection.add("label = :label", "label", filter.label());
        }
        if (filter.unlabeled() != null) {
            selection.conditions.add(filter.unlabeled() ? "label IS NULL" : "label IS NOT NULL");
        }
        if (filter.category() != null) {
            selection.add("category = :category", "category", filter.category().value());
        }
        if (filter.name() != null) {
            selection.add("name ILIKE :namePattern ESCAPE '\\'", "namePattern", "%" + escapeLike(filter.name()) + "%");
        }
        if (filter.device() != null) {
            selection.add("(device_name = :device OR device_type = :device)", "device", filter.device());
        }
        if (filter.enabled() != null) {
            selection.add("enabled = :enabled", "enabled", filter.enabled());
        }
        if (filter.signature() != null) {
            selection.add(
                    "signature_status = :signature",
                    "signature",
                    filter.signature().stored());
        }
        return selection;
    }

    static SampleSelection ofIds(UUID projectId, Collection<UUID> ids) {
        SampleSelection selection = new SampleSelection(projectId);
        selection.add("id IN (:ids)", "ids", List.copyOf(ids));
        return selection;
    }

    SampleSelection after(SampleCursor cursor) {
        if (cursor != null) {
            // a row comparison on the index columns: PostgreSQL turns it into an index range, whatever the depth
            add(
                    "(created_at, id) < (:cursorAt, :cursorId)",
                    "cursorAt",
                    SampleRepository.timestamp(cursor.createdAt()));
            params.put("cursorId", cursor.id());
        }
        return this;
    }

    /**
     * Narrows to the samples whose signature can be checked again (unverified or invalid), after {@code afterId} in
     * id order (null: from the start), for the signature re-check's pages.
     */
    SampleSelection toRecheck(UUID afterId) {
        conditions.add("signature_status IN ('NOT_VERIFIED', 'INVALID')");
        if (afterId != null) {
            add("id > :afterId", "afterId", afterId);
        }
        return this;
    }

    private void add(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
    }

    String where() {
        return " WHERE " + String.join(" AND ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
