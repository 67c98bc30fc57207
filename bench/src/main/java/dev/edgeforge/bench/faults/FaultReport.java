package dev.edgeforge.bench.faults;

import java.util.List;
import java.util.Map;

/**
 * What the checks found after the faults.
 *
 * @param acknowledged           samples devices got 200 for
 * @param lostSamples            acknowledged samples without their row or their object
 * @param orphanObjects          objects no row references, after the sweeper's grace period and a sweep
 * @param jobsExactlyOnce        jobs that succeeded with exactly one successful attempt and their row made ready
 * @param jobs                   jobs asked for
 * @param attemptsLostToDbRestart attempts of workers nobody killed that ended without success around the restart
 * @param runningAtDbRestart     jobs running when PostgreSQL was stopped
 * @param outageStatuses         how often each status was answered while the object store was away (0: no answer)
 * @param outageWithoutRetryAfter 503 answers during the outage that lacked {@code Retry-After}
 * @param notes                  one line per finding worth reading (failed attempts with their reasons, ...)
 */
record FaultReport(
        int acknowledged,
        int lostSamples,
        int orphanObjects,
        int jobsExactlyOnce,
        int jobs,
        int attemptsLostToDbRestart,
        int runningAtDbRestart,
        Map<Integer, Integer> outageStatuses,
        int outageWithoutRetryAfter,
        List<String> notes) {

    /** The status devices got most often while the store was away; -1 when none was sent. */
    int outageStatus() {
        return outageStatuses.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(-1);
    }

    /** The lines of issue #16, item 7. */
    List<String> resultLines() {
        return List.of(
                "RESULT lost_samples " + lostSamples,
                "RESULT orphan_objects " + orphanObjects,
                "RESULT jobs_exactly_once " + jobsExactlyOnce + "/" + jobs,
                "RESULT attempts_lost_to_db_restart " + attemptsLostToDbRestart,
                "RESULT outage_status " + outageStatus());
    }
}
