package dev.edgeforge.api.demo;

import dev.edgeforge.api.project.ProjectView;
import dev.edgeforge.api.security.CurrentPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The projects page's "Create demo project": makes one and opens its impulse, where features are generated. */
@Controller
class DemoProjectPageController {

    private final DemoProjects demos;
    private final CurrentPrincipal current;

    DemoProjectPageController(DemoProjects demos, CurrentPrincipal current) {
        this.demos = demos;
        this.current = current;
    }

    @PostMapping("/projects/demo")
    String create(RedirectAttributes redirect) {
        ProjectView project = demos.create(current.requireUser());
        redirect.addFlashAttribute(
                "flashSuccess",
                "Demo project created with " + DemoDataset.recordings()
                        + " recordings and a saved impulse: generate its features below, then train it.");
        return "redirect:/projects/" + project.id() + "/impulse";
    }
}
