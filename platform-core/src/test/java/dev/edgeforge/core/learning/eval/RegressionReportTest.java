package dev.edgeforge.core.learning.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionReportTest {

    @Test
    void handComputedErrors() {
        // target a: errors +1, -3 -> MAE 2, RMSE sqrt(5); target b: errors 0, +2 -> MAE 1, RMSE sqrt(2)
        float[][] actual = {{1, 10}, {5, 20}};
        float[][] predicted = {{2, 10}, {2, 22}};

        RegressionReport report = RegressionReport.of(actual, predicted, List.of("a", "b"));

        assertThat(report.samples()).isEqualTo(2);
        assertThat(report.perTarget().get(0).mae()).isEqualTo(2.0);
        assertThat(report.perTarget().get(0).rmse()).isCloseTo(Math.sqrt(5), within(1e-12));
        assertThat(report.perTarget().get(1).mae()).isEqualTo(1.0);
        assertThat(report.perTarget().get(1).rmse()).isCloseTo(Math.sqrt(2), within(1e-12));
        // overall: |errors| 1 3 0 2 -> MAE 1.5; squares 1 9 0 4 -> RMSE sqrt(3.5)
        assertThat(report.mae()).isEqualTo(1.5);
        assertThat(report.rmse()).isCloseTo(Math.sqrt(3.5), within(1e-12));
    }

    @Test
    void rejectsMismatchedRows() {
        assertThatThrownBy(() -> RegressionReport.of(new float[][] {{1}}, new float[][] {{1, 2}}, List.of("y")))
                .hasMessage("sample 0 must have 1 actual and predicted values");
    }
}
