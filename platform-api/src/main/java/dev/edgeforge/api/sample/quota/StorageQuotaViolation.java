package dev.edgeforge.api.sample.quota;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import dev.edgeforge.api.sample.ByteSizes;
import org.springframework.http.HttpStatus;

/** Storing new content would take a project past the storage quota an administrator set (413). */
public class StorageQuotaViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("storage-quota-exceeded", HttpStatus.CONTENT_TOO_LARGE, "Project storage quota reached");

    public StorageQuotaViolation(long quotaBytes, long usedBytes, long addedBytes) {
        super(
                TYPE,
                "Project storage quota of " + ByteSizes.describe(quotaBytes) + " reached: "
                        + ByteSizes.describe(usedBytes) + " used, and this upload adds "
                        + ByteSizes.describe(addedBytes)
                        + " of new content; nothing of it was stored. Delete samples, or ask a platform "
                        + "administrator to raise the quota.");
    }
}
