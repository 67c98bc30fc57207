package dev.edgeforge.training.job;

import dev.edgeforge.core.learning.eval.ClassificationReport;
import java.util.Locale;

/**
 * The log lines of classification figures, worded as the model page words them: the top-1 accuracy first, then the
 * uncertain rate with the accuracy of the confident windows, the per-sample vote and macro F1.
 */
final class ReportLines {

    private ReportLines() {}

    /**
     * e.g. {@code Validation accuracy 0.3600 (top-1; int8 0.3500) on 25 windows; uncertain (top score below 0.60)
     * 100.0 %, confident accuracy n/a; per-sample accuracy 0.4000 of 10 samples; macro F1 0.2900}.
     *
     * @param int8 the int8 report, or {@code null}
     */
    static String classification(String what, ClassificationReport f, ClassificationReport int8) {
        StringBuilder line =
                new StringBuilder(String.format(Locale.ROOT, "%s accuracy %.4f (top-1", what, f.accuracy()));
        if (int8 != null) {
            line.append(String.format(Locale.ROOT, "; int8 %.4f", int8.accuracy()));
        }
        line.append(String.format(Locale.ROOT, ") on %d windows", f.samples()));
        line.append(String.format(
                Locale.ROOT,
                "; uncertain (top score below %.2f) %.1f %%, confident accuracy %s",
                f.uncertainThreshold(),
                100 * f.uncertainRate(),
                f.confidentAccuracy() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", f.confidentAccuracy())));
        if (f.sampleVote() != null) {
            line.append(String.format(
                    Locale.ROOT,
                    "; per-sample accuracy %.4f of %d samples",
                    f.sampleVote().accuracy(),
                    f.sampleVote().samples()));
        }
        line.append(String.format(Locale.ROOT, "; macro F1 %.4f", f.macroF1()));
        return line.toString();
    }
}
