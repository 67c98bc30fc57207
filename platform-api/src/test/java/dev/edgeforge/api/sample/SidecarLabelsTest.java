package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.labels.LabelsFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SidecarLabelsTest {

    private static final String INFO = """
            {"version": 1, "files": [
              {"path": "training/a.json", "category": "training", "label": {"type": "label", "label": "x"}},
              {"path": "testing/a.json", "category": "testing", "label": {"type": "label", "label": "y"}},
              {"path": "testing/b.json", "category": "split", "label": {"type": "multi-label", "labels": [
                 {"label": "z", "startIndex": 0, "endIndex": 10}, {"label": "z", "startIndex": 10, "endIndex": 20}]}},
              {"path": "testing/c.json", "category": "testing", "label": {"type": "multi-label", "labels": [
                 {"label": "z", "startIndex": 0, "endIndex": 10}, {"label": "w", "startIndex": 10, "endIndex": 20}]}}
            ]}""";

    private static SidecarLabels sidecars(String path) {
        SidecarLabels labels = new SidecarLabels();
        labels.add(path, LabelsFiles.read(INFO.getBytes(StandardCharsets.UTF_8)));
        return labels;
    }

    @Test
    void filesAreFoundByPathRelativeToTheSidecarOrByAnUnambiguousBaseName() {
        SidecarLabels labels = sidecars("export/info.labels");
        assertThat(labels.find("export/testing/a.json")
                        .orElseThrow()
                        .label()
                        .orElseThrow()
                        .labelFor("a.json"))
                .isEqualTo("y");
        assertThat(labels.find("a.json")).as("two files are named a.json").isEmpty();
        assertThat(labels.find("b.json").orElseThrow().category()).contains(UploadCategory.SPLIT);
        assertThat(labels.find("other.json")).isEmpty();
    }

    @Test
    void multiLabelSamplesKeepTheirLabelOnlyWhenThereIsOne() {
        SidecarLabels labels = sidecars("info.labels");
        assertThat(labels.find("testing/b.json")
                        .orElseThrow()
                        .label()
                        .orElseThrow()
                        .labelFor("b.json"))
                .isEqualTo("z");
        assertThat(labels.find("testing/c.json")
                        .orElseThrow()
                        .label()
                        .orElseThrow()
                        .labelFor("c.json"))
                .isNull();
    }
}
