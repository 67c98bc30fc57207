package dev.edgeforge.api.deploy;

import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentChecklist;
import dev.edgeforge.jobs.deploy.MemoryReport;
import java.time.Instant;
import java.util.UUID;

/**
 * A deployment as the API shows it.
 *
 * @param id                the deployment
 * @param projectId         its project
 * @param modelId           the model deployed
 * @param modelName         its name when it was deployed
 * @param variant           {@code int8} (the model's own int8 file) or the compressed variant built, e.g.
 *                          {@code structured-pruning-int8}
 * @param target            the board id
 * @param targetName        the board's name
 * @param format            {@code firmware} or {@code c-library}
 * @param state             {@code queued}, {@code building}, {@code ready}, {@code failed} or {@code cancelled}
 * @param jobId             the deploy job: its log is {@code GET /api/v1/jobs/{jobId}/logs} (SSE), cancel with
 *                          {@code POST /api/v1/jobs/{jobId}/cancel}
 * @param progress          1 once ready, else 0: a running build's progress is its job's
 *                          ({@code GET /api/v1/jobs/{jobId}}, or the log stream)
 * @param error             why it failed, when it did
 * @param sizes             flash, RAM and arena once ready
 * @param memoryReport      flash and RAM by section, arena vs lower bound, once ready
 * @param verified          whether every test window's output on the emulated device equals the server's int8
 *                          reference, bit for bit
 * @param verification      the outcome ({@code status}: verified, mismatch, failed or not-emulated) and, for a run in
 *                          the emulator, windows, mismatches, device vs server accuracy, instructions per inference
 * @param checklist         the seed's checklist (flash &lt; 256 KB, latency &lt; 100 ms, peak RAM measured, verified),
 *                          each item pass, fail or not-measured with its figure, limit and whether it was measured or
 *                          estimated; null until ready and for deployments finished before it existed
 * @param bundle            the ZIP, once ready
 * @param downloadAvailable whether {@link #downloadUrl} answers with the ZIP now
 * @param downloadUrl       where to download the ZIP
 * @param createdAt         when it was requested
 * @param finishedAt        when it reached a final state
 * @param overBudget        when it was built although its estimate did not fit the board ({@code allowOverBudget}):
 *                          the figures; else null
 * @param warning           for people, when there is something to warn about (an over-budget build); else null
 */
public record DeploymentView(
        UUID id,
        UUID projectId,
        UUID modelId,
        String modelName,
        String variant,
        String target,
        String targetName,
        String format,
        DeploymentState state,
        UUID jobId,
        double progress,
        String error,
        DeployResult.Sizes sizes,
        MemoryReport memoryReport,
        boolean verified,
        DeployResult.Verification verification,
        DeploymentChecklist checklist,
        BundleView bundle,
        boolean downloadAvailable,
        String downloadUrl,
        Instant createdAt,
        Instant finishedAt,
        OverBudget overBudget,
        String warning) {

    /**
     * @param fileName the ZIP's file name
     * @param bytes    its size
     * @param sha256   its SHA-256, lower-case hex
     */
    public record BundleView(String fileName, long bytes, String sha256) {}
}
