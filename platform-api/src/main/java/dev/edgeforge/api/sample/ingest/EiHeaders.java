package dev.edgeforge.api.sample.ingest;

import dev.edgeforge.api.sample.IngestOptions;
import dev.edgeforge.api.sample.LabelChoice;
import dev.edgeforge.api.sample.SampleRequestViolation;
import dev.edgeforge.api.sample.UploadCategory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request headers of Edge Impulse's ingestion API, read as Edge Impulse reads them: {@code x-label},
 * {@code x-no-label}, {@code x-disallow-duplicates}, {@code x-add-date-id} (flags count as set unless they are
 * {@code 0} or {@code false}), {@code x-metadata} (a JSON object) and {@code x-file-name}; and EdgeForge's
 * {@code x-label-rule} (how labels come from file names when no label is given, see {@code FileNameLabelRule}).
 */
final class EiHeaders {

    static final String LABEL = "x-label";
    static final String NO_LABEL = "x-no-label";
    static final String DISALLOW_DUPLICATES = "x-disallow-duplicates";
    static final String ADD_DATE_ID = "x-add-date-id";
    static final String METADATA = "x-metadata";
    static final String FILE_NAME = "x-file-name";
    /** EdgeForge's own: how labels come from file names ({@code first-dot}, {@code separator:_}, {@code regex:...}). */
    static final String LABEL_RULE = "x-label-rule";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EiHeaders() {}

    static IngestOptions options(HttpHeaders headers, UploadCategory category) {
        LabelChoice choice = LabelChoice.of(
                headers.getFirst(LABEL), flag(headers, NO_LABEL), headers.getFirst(LABEL_RULE), LABEL_RULE);
        return new IngestOptions(
                category,
                choice,
                flag(headers, DISALLOW_DUPLICATES),
                flag(headers, ADD_DATE_ID),
                metadata(headers.getFirst(METADATA)),
                Optional.empty());
    }

    static Optional<String> fileName(HttpHeaders headers) {
        String name = headers.getFirst(FILE_NAME);
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
    }

    static boolean flag(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return !(v.equals("0") || v.equals("false") || v.equals("no"));
    }

    /** {@code x-metadata}: a JSON object whose values are strings (numbers and booleans are kept as text). */
    static Map<String, String> metadata(String header) {
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(header);
        } catch (JacksonException e) {
            throw new SampleRequestViolation(METADATA, "is not valid JSON; send an object such as {\"site\": \"A\"}");
        }
        if (node == null || !node.isObject()) {
            throw new SampleRequestViolation(METADATA, "must be a JSON object such as {\"site\": \"A\"}");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (!(v.isString() || v.isNumber() || v.isBoolean())) {
                throw new SampleRequestViolation(
                        METADATA, "value of '" + e.getKey() + "' must be a string, number or boolean");
            }
            metadata.put(e.getKey(), v.asString());
        }
        return metadata;
    }
}
