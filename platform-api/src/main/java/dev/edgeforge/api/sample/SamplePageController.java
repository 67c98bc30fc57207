package dev.edgeforge.api.sample;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectPages;
import dev.edgeforge.api.project.ProjectRole;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The data acquisition pages: the sample list with uploads and bulk actions, one sample, and the dataset (summary,
 * export, versions). The pages are shells; their scripts ({@code js/data-*.js}) work through the REST API.
 */
@Controller
class SamplePageController {

    private final ProjectPages pages;
    private final SampleService samples;
    private final DatasetProperties properties;

    SamplePageController(ProjectPages pages, SampleService samples, DatasetProperties properties) {
        this.pages = pages;
        this.samples = samples;
        this.properties = properties;
    }

    @GetMapping("/projects/{projectId}/data")
    String list(@PathVariable UUID projectId, Model model) {
        prepare(projectId, model);
        model.addAttribute("maxUploadBytes", properties.maxUploadBytes().toBytes());
        model.addAttribute("tab", "samples");
        return "data/samples";
    }

    @GetMapping("/projects/{projectId}/data/samples/{sampleId}")
    String sample(@PathVariable UUID projectId, @PathVariable UUID sampleId, Model model) {
        ProjectGrant grant = prepare(projectId, model);
        model.addAttribute("sample", SampleView.of(samples.get(grant, sampleId)));
        model.addAttribute("categories", SampleCategory.values());
        model.addAttribute("tab", "samples");
        return "data/sample";
    }

    @GetMapping("/projects/{projectId}/data/dataset")
    String dataset(@PathVariable UUID projectId, Model model) {
        prepare(projectId, model);
        model.addAttribute("tab", "dataset");
        return "data/dataset";
    }

    private ProjectGrant prepare(UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, SampleConfiguration.NAV_KEY, model);
        model.addAttribute("canEdit", grant.atLeast(ProjectRole.MEMBER));
        return grant;
    }
}
