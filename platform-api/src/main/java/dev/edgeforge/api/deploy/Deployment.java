package dev.edgeforge.api.deploy;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code deployments}. The JSON columns are kept as text as stored: {@link DeploymentView} reads them.
 *
 * @param sizesJson        {@code DeployResult.Sizes}, once ready
 * @param memoryReportJson {@code MemoryReport}, once ready
 * @param verificationJson {@code DeployResult.Verification}, once ready
 * @param overBudgetJson   {@link OverBudget}, when it was built although its estimate did not fit; else null
 * @param checklistJson    {@code DeploymentChecklist}, once ready (null for deployments finished before it existed)
 */
record Deployment(
        UUID id,
        UUID projectId,
        UUID modelId,
        String modelName,
        String variant,
        String target,
        String format,
        DeploymentState state,
        UUID jobId,
        String sizesJson,
        String memoryReportJson,
        String verificationJson,
        boolean verified,
        String bundleObjectKey,
        String bundleFileName,
        Long bundleBytes,
        String sha256,
        String error,
        Instant createdAt,
        Instant finishedAt,
        String overBudgetJson,
        String checklistJson) {}
