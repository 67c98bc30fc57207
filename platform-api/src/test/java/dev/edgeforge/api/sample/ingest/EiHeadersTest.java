package dev.edgeforge.api.sample.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.api.sample.IngestOptions;
import dev.edgeforge.api.sample.LabelChoice;
import dev.edgeforge.api.sample.SampleRequestViolation;
import dev.edgeforge.api.sample.UploadCategory;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class EiHeadersTest {

    @Test
    void readsTheHeadersAsEdgeImpulseDoes() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("x-label", " wave ");
        headers.add("x-disallow-duplicates", "1");
        headers.add("x-add-date-id", "false");
        headers.add("x-metadata", "{\"site\": \"A\", \"n\": 2, \"ok\": true}");
        IngestOptions options = EiHeaders.options(headers, UploadCategory.TESTING);
        assertThat(options.label()).isEqualTo(new LabelChoice.Given("wave"));
        assertThat(options.disallowDuplicates()).isTrue();
        assertThat(options.addDateId()).isFalse();
        assertThat(options.metadata())
                .containsEntry("site", "A")
                .containsEntry("n", "2")
                .containsEntry("ok", "true");
        assertThat(options.category()).isEqualTo(UploadCategory.TESTING);
    }

    @Test
    void withoutALabelTheFileNameDecidesUnlessNoLabelIsSet() {
        assertThat(EiHeaders.options(new HttpHeaders(), UploadCategory.TRAINING).label())
                .isInstanceOf(LabelChoice.FromFileName.class);
        HttpHeaders noLabel = new HttpHeaders();
        noLabel.add("x-no-label", "1");
        assertThat(EiHeaders.options(noLabel, UploadCategory.TRAINING).label()).isInstanceOf(LabelChoice.None.class);
    }

    @Test
    void metadataMustBeAFlatObject() {
        for (String bad : new String[] {"[1]", "{\"a\": {\"b\": 1}}", "not json"}) {
            assertThatThrownBy(() -> EiHeaders.metadata(bad))
                    .isInstanceOf(SampleRequestViolation.class)
                    .hasMessageContaining("x-metadata");
        }
    }
}
