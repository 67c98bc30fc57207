package dev.edgeforge.api.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectRoleTest {

    @Test
    void eachRoleIncludesItselfAndEveryLowerRole() {
        assertThat(ProjectRole.OWNER.includes(ProjectRole.VIEWER)).isTrue();
        assertThat(ProjectRole.ADMIN.includes(ProjectRole.ADMIN)).isTrue();
        assertThat(ProjectRole.ADMIN.includes(ProjectRole.OWNER)).isFalse();
        assertThat(ProjectRole.MEMBER.includes(ProjectRole.ADMIN)).isFalse();
        assertThat(ProjectRole.VIEWER.includes(ProjectRole.MEMBER)).isFalse();
        assertThat(ProjectRole.VIEWER.includes(ProjectRole.VIEWER)).isTrue();
    }

    @Test
    void parsesLowerCaseValuesAndNamesTheAllowedOnesOtherwise() {
        assertThat(ProjectRole.fromValue(" Admin ")).isEqualTo(ProjectRole.ADMIN);
        assertThat(ProjectRole.VIEWER.value()).isEqualTo("viewer");
        assertThatThrownBy(() -> ProjectRole.fromValue("boss"))
                .hasMessage("must be one of owner, admin, member, viewer, got 'boss'");
    }
}
