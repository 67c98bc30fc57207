package dev.edgeforge.api.project;

import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Project list, creation and the project dashboard. */
@Controller
class ProjectPageController {

    private final ProjectService projects;
    private final ProjectAccess access;
    private final ProjectPages pages;
    private final CurrentPrincipal current;

    ProjectPageController(ProjectService projects, ProjectAccess access, ProjectPages pages, CurrentPrincipal current) {
        this.projects = projects;
        this.access = access;
        this.pages = pages;
        this.current = current;
    }

    /** @param requireSignedData the settings form's checkbox: absent (null) when not ticked */
    record ProjectForm(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            Boolean requireSignedData) {}

    @GetMapping("/projects")
    String list(Model model) {
        model.addAttribute("projects", projects.listVisibleTo(current.requireUser()));
        model.addAttribute("form", new ProjectForm("", "", null));
        model.addAttribute("fieldErrors", Map.of());
        return "project/list";
    }

    @PostMapping("/projects")
    String create(@Valid @ModelAttribute("form") ProjectForm form, BindingResult result, Model model) {
        if (result.hasErrors()) {
            model.addAttribute("projects", projects.listVisibleTo(current.requireUser()));
            model.addAttribute("fieldErrors", FormErrors.of(result));
            return "project/list";
        }
        ProjectView project = projects.create(current.requireUser(), form.name(), form.description());
        return "redirect:/projects/" + project.id();
    }

    @GetMapping("/projects/{projectId}")
    String dashboard(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, ProjectNavConfiguration.DASHBOARD, model);
        model.addAttribute("counts", projects.counts(grant));
        model.addAttribute("canEdit", grant.atLeast(ProjectRole.ADMIN));
        model.addAttribute("canDelete", grant.atLeast(ProjectRole.OWNER));
        return "project/dashboard";
    }

    @PostMapping("/projects/{projectId}/settings")
    String update(
            @PathVariable UUID projectId,
            @Valid @ModelAttribute ProjectForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.ADMIN);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("flashError", "The project needs a name of at most 200 characters.");
        } else {
            projects.update(
                    grant,
                    form.name(),
                    form.description() == null ? "" : form.description(),
                    Boolean.TRUE.equals(form.requireSignedData()));
            redirect.addFlashAttribute("flashSuccess", "Project saved.");
        }
        return "redirect:/projects/" + projectId;
    }

    @PostMapping("/projects/{projectId}/delete")
    String delete(@PathVariable UUID projectId, RedirectAttributes redirect) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.OWNER);
        String name = projects.get(grant).name();
        projects.delete(grant);
        redirect.addFlashAttribute("flashSuccess", "Project \u201c" + name + "\u201d deleted.");
        return "redirect:/projects";
    }
}
