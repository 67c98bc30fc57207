package dev.edgeforge.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectNavigationTest {

    @Test
    void plannedFeaturesShowAsComingUntilAFeatureContributesThem() {
        ProjectNavigation navigation = new ProjectNavigation(List.of(
                new ProjectNavItem("keys", "Keys", 90, "/keys"),
                new ProjectNavItem("dashboard", "Dashboard", 10, ""),
                new ProjectNavItem("data", "Data acquisition", 20, "/samples")));

        assertThat(navigation.entries())
                .extracting(ProjectNavigation.Entry::key)
                .containsExactly("dashboard", "data", "impulse", "training", "models", "deployment", "keys");
        assertThat(navigation.entries())
                .filteredOn(ProjectNavigation.Entry::available)
                .extracting(ProjectNavigation.Entry::key)
                .containsExactly("dashboard", "data", "keys");
        assertThat(navigation.entries().get(1).path()).isEqualTo("/samples");
    }

    @Test
    void twoItemsMayNotShareAKey() {
        assertThatThrownBy(() -> new ProjectNavigation(List.of(
                        new ProjectNavItem("keys", "Keys", 90, "/keys"),
                        new ProjectNavItem("keys", "More keys", 91, "/more"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pathsAreRelativeToTheProject() {
        assertThatThrownBy(() -> new ProjectNavItem("x", "X", 1, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
