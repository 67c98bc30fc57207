package dev.edgeforge.bench.faults;

import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.SyntheticSample;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/**
 * The jobs of the benchmark, driven over the REST API as an MLOps script would: a project of gesture recordings, its
 * suggested impulse, one features job, {@code trains} training jobs, then a firmware deployment (built and verified
 * in QEMU) of each of the first {@code deploys} models that become ready. Requests are sent only while the server is
 * not being killed ({@code serverUp}), so every job asked for is either answered with its id or not created; an error
 * answer is sent again after a second.
 */
final class JobDriver {

    private final Api api;
    private final String token;
    private final DataSource database;
    private final Lock serverUp;
    private final Map<UUID, String> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private UUID projectId;

    JobDriver(Api api, String token, DataSource database, Lock serverUp) {
        this.api = api;
        this.token = token;
        this.database = database;
        this.serverUp = serverUp;
    }

    /** Every job asked for, by id, with its type. */
    Map<UUID, String> jobs() {
        synchronized (jobs) {
            return new LinkedHashMap<>(jobs);
        }
    }

    UUID projectId() {
        return projectId;
    }

    /** The project, its samples and impulse, and the features job (waited for). */
    void prepare() throws Exception {
        projectId = UUID.fromString(call("POST", "/api/v1/projects", "{\"name\": \"fault jobs\"}")
                .get("id")
                .asString());
        String base = "/api/v1/projects/" + projectId;
        String apiKey = call("POST", base + "/api-keys", "{\"name\": \"device\", \"scopes\": [\"ingest\"]}")
                .get("key")
                .asString();
        List<SyntheticSample> recordings = GestureDataset.builder()
                .optSeed(7)
                .optPersons(4)
                .optRecordingsPerGesture(2)
                .optLengthSeconds(8)
                .build()
                .generate();
        for (SyntheticSample recording : recordings) {
            String category = recording.person() == 3 ? "testing" : "training";
            byte[] body = EiAcquisitionWriter.writeJson(recording.data(), EiSigning.none());
            Api.Answer answer = api.ingest(apiKey, category, recording.label(), recording.name() + ".json", body);
            if (answer.status() != 200) {
                throw new IllegalStateException("uploading " + recording.name() + ": " + answer);
            }
        }
        JsonNode impulse = call("GET", base + "/impulse", null).get("impulse");
        call("PUT", base + "/impulse", impulse.toString());
        UUID features = UUID.fromString(
                call("POST", base + "/jobs/features", null).get("jobId").asString());
        jobs.put(features, "features");
        String state = awaitEnd(features, 600);
        if (!state.equals("succeeded")) {
            throw new IllegalStateException("the features job " + features + " ended " + state);
        }
    }

    /** Asks for the training jobs at once. */
    List<UUID> train(int trains, int epochs) throws Exception {
        List<UUID> models = new ArrayList<>();
        for (int i = 1; i <= trains; i++) {
            String body = "{\"name\": \"faults " + i + "\", \"hyperparameters\": {\"epochs\": " + epochs
                    + ", \"learningRate\": 0.005, \"seed\": " + i + "}}";
            JsonNode answer = call("POST", "/api/v1/projects/" + projectId + "/jobs/train", body);
            jobs.put(UUID.fromString(answer.get("jobId").asString()), "train");
            models.add(UUID.fromString(answer.get("modelId").asString()));
        }
        return models;
    }

    /**
     * Deploys the first {@code deploys} models whose training succeeds, as they do; returns when they are asked for
     * (or every training has ended).
     */
    void deployAsTrained(List<UUID> models, int deploys) throws Exception {
        List<UUID> deployed = new ArrayList<>();
        while (deployed.size() < deploys) {
            boolean anyTraining = false;
            for (UUID model : models) {
                if (deployed.contains(model) || deployed.size() >= deploys) {
                    continue;
                }
                String state = modelState(model).orElse("training");
                if (state.equals("ready")) {
                    String body = "{\"modelId\": \"" + model + "\", \"variant\": \"int8\", "
                            + "\"target\": \"netduinoplus2-qemu\", \"format\": \"firmware\"}";
                    JsonNode answer = call("POST", "/api/v1/projects/" + projectId + "/deployments", body);
                    jobs.put(UUID.fromString(answer.get("jobId").asString()), "deploy");
                    deployed.add(model);
                } else if (state.equals("training")) {
                    anyTraining = true;
                }
            }
            if (!anyTraining) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    /** Waits for the job's end (read from the database); its final state, or {@code "timeout"}. */
    String awaitEnd(UUID job, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<String> state = jobState(job);
            if (state.isPresent()
                    && !state.get().equals("queued")
                    && !state.get().equals("running")) {
                return state.get();
            }
            Thread.sleep(500);
        }
        return "timeout";
    }

    private Optional<String> jobState(UUID job) {
        return query("SELECT state FROM jobs WHERE id = ?", job);
    }

    private Optional<String> modelState(UUID model) {
        return query("SELECT state FROM model WHERE id = ?", model);
    }

    /** One text value, or empty (also while the database restarts: the caller asks again). */
    private Optional<String> query(String sql, UUID id) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** A request sent until it gets a 2xx answer, never while the server is being killed. */
    private JsonNode call(String method, String path, String json) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            serverUp.lock();
            Api.Answer answer;
            try {
                answer = api.send(method, path, json, token);
            } catch (IOException e) {
                answer = new Api.Answer(0, e.toString(), null);
            } finally {
                serverUp.unlock();
            }
            if (answer.ok()) {
                return answer.json();
            }
            if (attempt >= 600) {
                throw new IllegalStateException(method + " " + path + " kept failing: " + answer);
            }
            Thread.sleep(1000);
        }
    }
}
