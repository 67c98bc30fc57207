package dev.edgeforge.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemTypeTest {

    @Test
    void codesAreKebabCaseAndNameTheTypeUri() {
        ProblemType type = new ProblemType("sample-not-found", HttpStatus.NOT_FOUND, "Sample not found");
        assertThat(type.uri().toString()).isEqualTo("tag:edgeforge.dev,2025:problem:sample-not-found");
        assertThatThrownBy(() -> new ProblemType("SampleNotFound", HttpStatus.NOT_FOUND, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionsBecomeProblemsWithTheirFixedTitle() {
        EdgeForgeException e = new ValidationViolation("row[3].label", "must not be empty");
        ProblemDetail body = e.getBody();
        assertThat(body.getStatus()).isEqualTo(400);
        assertThat(body.getTitle()).isEqualTo("Request is not valid");
        assertThat(body.getDetail()).isEqualTo("The field 'row[3].label' is not valid: must not be empty.");
        assertThat(Problems.asMap(body))
                .containsEntry("code", "validation-failed")
                .containsKey("errors");
    }

    @Test
    void bareStatusesMapToCommonTypes() {
        assertThat(CommonProblems.forStatus(404)).isEqualTo(CommonProblems.NOT_FOUND);
        assertThat(CommonProblems.forStatus(500)).isEqualTo(CommonProblems.INTERNAL_ERROR);
        assertThat(CommonProblems.forStatus(503).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(CommonProblems.forStatus(429).code()).isEqualTo("too-many-requests");
    }
}
