package dev.edgeforge.jobs.tune;

import java.util.UUID;

/**
 * Object keys of a tune job's finalists: their int8 networks and the raw windows the firmware builder measures them
 * on. They live under {@code projects/{projectId}/tune/{jobId}/}; no row owns them, so the sweeper leaves them while
 * the project exists and they go with it.
 */
public final class TuneObjects {

    private TuneObjects() {}

    public static String prefix(UUID projectId, UUID jobId) {
        return "projects/" + projectId + "/tune/" + jobId + "/";
    }

    /** The finalist's int8 .tflite. */
    public static String model(UUID projectId, UUID jobId, String candidateId) {
        return prefix(projectId, jobId) + candidateId + ".tflite";
    }

    /** The finalist's raw windows, in the firmware builder's test-window JSON ({@code {"windows":[{"raw":…}]}}). */
    public static String windows(UUID projectId, UUID jobId, String candidateId) {
        return prefix(projectId, jobId) + candidateId + "-windows.json";
    }
}
