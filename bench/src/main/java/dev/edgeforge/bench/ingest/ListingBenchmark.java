package dev.edgeforge.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample list at scale: {@code rows} samples uploaded through the API (multipart batches of
 * {@value #BATCH} files, label from the file name, 80 % training, 10 % testing, 10 % anomaly, 20 devices, one in
 * twenty disabled through the bulk API), then the latency of {@code GET .../samples} for the first page, a deep page,
 * filtered pages and a name search.
 */
final class ListingBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] LABELS = {
        "idle", "wave", "snake", "updown", "circle", "tap", "shake", "walk", "run", "noise"
    };
    /**
     * Files per upload. Below the server's 1000 files per request: with 1000 files and a query parameter, Tomcat's
     * request parameter limit (1000, which counts multipart parts) answers 500.
     */
    private static final int BATCH = 500;
    /** Distinct message contents the rows use (rows share them, as duplicate uploads do). */
    private static final int CONTENTS = 200;

    private static final int DEVICES = 20;
    private static final int TIMED_REQUESTS = 200;
    private static final int WARMUP_REQUESTS = 100;

    private final PlatformClient client;
    private final String token;

    ListingBenchmark(PlatformClient client, String token) {
        this.client = client;
        this.token = token;
    }

    void run(UUID projectId, int rows) throws Exception {
        populate(projectId, rows);
        String samples = "/api/v1/projects/" + projectId + "/samples";
        report("first page (50)", time(samples + "?limit=50"));
        String deep = cursorAt(samples + "?limit=1000", (int) (rows * 0.9) / 1000);
        report(
                "page after " + String.format(Locale.ROOT, "%,d", rows * 9 / 10) + " rows (50)",
                time(samples + "?limit=50" + (deep == null ? "" : "&cursor=" + deep)));
        String filter = "label=wave&category=training";
        report("filtered first page (" + filter + ", 50)", time(samples + "?limit=50&" + filter));
        int filteredRows = countAll(samples + "?limit=1000&" + filter);
        int deepPages = Math.max(0, filteredRows / 1000 - 1);
        String deepFiltered = cursorAt(samples + "?limit=1000&" + filter, deepPages);
        report(
                "filtered page after " + String.format(Locale.ROOT, "%,d", deepPages * 1000) + " of "
                        + String.format(Locale.ROOT, "%,d", filteredRows) + " rows (50)",
                time(samples + "?limit=50&" + filter + (deepFiltered == null ? "" : "&cursor=" + deepFiltered)));
        report("name search (name=bench-4242, 50)", time(samples + "?limit=50&name=bench-4242"));
        report(
                "device + enabled filter (device=device-3&enabled=false, 50)",
                time(samples + "?limit=50&device=device-3&enabled=false"));
    }

    private void populate(UUID projectId, int rows) throws Exception {
        System.out.printf(Locale.ROOT, "%nListing: uploading %,d samples through the API%n", rows);
        long start = System.nanoTime();
        Random random = new Random(7);
        List<byte[]> contents = new ArrayList<>(CONTENTS);
        for (int i = 0; i < CONTENTS; i++) {
            contents.add(SampleMessages.message(random, "device-" + (i % DEVICES)));
        }
        List<String> toDisable = new ArrayList<>();
        int next = 0;
        while (next < rows) {
            int categoryDraw = (next / BATCH) % 10;
            String category = categoryDraw < 8 ? "training" : categoryDraw < 9 ? "testing" : "anomaly";
            List<PlatformClient.UploadFile> batch = new ArrayList<>(BATCH);
            for (int i = next; i < Math.min(rows, next + BATCH); i++) {
                batch.add(new PlatformClient.UploadFile(
                        LABELS[random.nextInt(LABELS.length)] + ".bench-" + i + ".json",
                        contents.get(random.nextInt(CONTENTS))));
            }
            for (JsonNode file :
                    client.upload(projectId, token, category, batch).get("files")) {
                if (!file.path("success").asBoolean()) {
                    throw new IllegalStateException("upload refused " + file);
                }
                if (random.nextInt(20) == 0) {
                    toDisable.add(file.get("id").asString());
                }
            }
            next += batch.size();
        }
        for (int from = 0; from < toDisable.size(); from += BATCH) { // ids per bulk request, kept small likewise
            ObjectNode bulk = JSON.createObjectNode().put("action", "disable");
            toDisable.subList(from, Math.min(toDisable.size(), from + BATCH)).forEach(bulk.putArray("ids")::add);
            client.post("/api/v1/projects/" + projectId + "/samples/bulk", token, JSON.writeValueAsString(bulk));
        }
        System.out.printf(
                Locale.ROOT,
                "  %,d samples (%,d disabled) in %.1f s: %.0f samples/s in batches of %d%n",
                rows,
                toDisable.size(),
                (System.nanoTime() - start) / 1e9,
                rows / ((System.nanoTime() - start) / 1e9),
                BATCH);
    }

    /** The cursor after {@code pages} pages of the query (null for 0 pages). */
    private String cursorAt(String query, int pages) throws Exception {
        String cursor = null;
        for (int p = 0; p < pages; p++) {
            JsonNode next = client.get(query + (cursor == null ? "" : "&cursor=" + cursor), token)
                    .get("next");
            if (next == null || next.isNull()) {
                break;
            }
            cursor = next.asString();
        }
        return cursor;
    }

    private int countAll(String query) throws Exception {
        int count = 0;
        String cursor = null;
        do {
            JsonNode page = client.get(query + (cursor == null ? "" : "&cursor=" + cursor), token);
            count += page.get("items").size();
            JsonNode next = page.get("next");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return count;
    }

    private long[] time(String path) throws Exception {
        for (int i = 0; i < WARMUP_REQUESTS; i++) {
            client.get(path, token);
        }
        long[] latencies = new long[TIMED_REQUESTS];
        for (int i = 0; i < TIMED_REQUESTS; i++) {
            long t = System.nanoTime();
            client.get(path, token);
            latencies[i] = System.nanoTime() - t;
        }
        return latencies;
    }

    private static void report(String what, long[] latencies) {
        System.out.printf(
                Locale.ROOT,
                "  %-62s p50 %6.2f ms   p95 %6.2f ms%n",
                what,
                Percentiles.millis(latencies, 50),
                Percentiles.millis(latencies, 95));
    }
}
