package dev.edgeforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.security.MatrixHttp.Answer;
import dev.edgeforge.api.security.MatrixHttp.Body;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.SoftmaxOptions;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.core.tflite.TfliteWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The one setup the whole matrix shares, made through the real API: project A with a member of every role, an API
 * key of every scope and one of everything a route can point at (sample, saved impulse, imported model, deployment
 * and its job, dataset version, HMAC key, personal token of A's owner, and an invite to A for B's owner with its
 * link); project B with its owner and a key. Targets for destructive calls ({@link Fresh}) are made anew for each call
 * that is expected to succeed, so no call destroys what the next one needs.
 */
final class MatrixWorld {

    /** What a destructive call gets a fresh one of. */
    enum Fresh {
        PROJECT,
        SAMPLE,
        MODEL,
        MEMBER,
        API_KEY,
        HMAC_KEY,
        TOKEN,
        /** An invite to A for a new email, by id. */
        INVITE,
        /**
         * The link token of an invite for the caller, to a project of its own: accepting it adds the caller there, so
         * the members of A stay as they are.
         */
        INVITE_FOR_CALLER,
        /**
         * A fresh account of the caller's kind (a user; an administrator for the platform administrator) that makes
         * the call in the caller's stead: a password change signs the account's other sign-ins out, which would end
         * the matrix's own ones.
         */
        ACCOUNT
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final MatrixHttp http;
    private final int port;
    private final Map<Caller, List<String>> credentials = new EnumMap<>(Caller.class);
    private final Map<Caller, String[]> passwords = new EnumMap<>(Caller.class);
    private final Map<Caller, BrowserSession> sessions = new EnumMap<>(Caller.class);
    /** The passwords of the accounts made for {@link Fresh#ACCOUNT}, by email. */
    private final Map<String, String> standIns = new HashMap<>();
    /** Path variables pointing at A's things, by name. */
    final Map<String, String> vars = new LinkedHashMap<>();
    /** Text of A that no answer to a caller of B may contain (ids in the request's own path excepted). */
    final Map<String, String> secrets = new LinkedHashMap<>();

    final String projectName;
    final String projectDescription;
    private final byte[] model = tinyInt8Model();

    MatrixWorld(int port) {
        this.port = port;
        this.http = new MatrixHttp(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        credentials.put(Caller.ANONYMOUS, List.of());
        // registration is closed by default: the platform administrator creates every account
        passwords.put(
                Caller.PLATFORM_ADMIN, new String[] {IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD});
        credentials.put(Caller.PLATFORM_ADMIN, bearer(login(Caller.PLATFORM_ADMIN)));
        register(Caller.OWNER, "owner");
        credentials.put(Caller.OWNER, bearer(login(Caller.OWNER)));
        projectName = "Matrix A " + tag;
        projectDescription = "A's private description " + tag;
        String projectId = created(post(
                        Caller.OWNER,
                        "/api/v1/projects",
                        "{\"name\":\"" + projectName + "\",\"description\":\"" + projectDescription + "\"}"))
                .path("id")
                .asString();
        vars.put("projectId", projectId);
        secrets.put("A's id", projectId);
        secrets.put("A's name", projectName);
        secrets.put("A's description", projectDescription);
        for (Caller member : List.of(Caller.ADMIN, Caller.MEMBER, Caller.VIEWER)) {
            String email = register(member, member.role().orElseThrow().value());
            credentials.put(member, bearer(login(member)));
            created(post(
                    Caller.OWNER,
                    base() + "/members",
                    "{\"email\":\"" + email + "\",\"role\":\""
                            + member.role().orElseThrow().value() + "\"}"));
        }
        for (Caller key : List.of(Caller.READ_KEY, Caller.INGEST_KEY, Caller.ADMIN_KEY)) {
            JsonNode created = created(post(
                    Caller.OWNER,
                    base() + "/api-keys",
                    "{\"name\":\"matrix "
                            + key.scope().orElseThrow().value() + "\",\"scopes\":[\""
                            + key.scope().orElseThrow().value()
                            + "\"]}"));
            credentials.put(key, List.of("x-api-key", created.path("key").asString()));
            secrets.put(key + " id", created.path("id").asString());
        }
        vars.put("apiKeyId", secrets.get(Caller.READ_KEY + " id"));

        register(Caller.STRANGER, "stranger");
        credentials.put(Caller.STRANGER, bearer(login(Caller.STRANGER)));
        String projectB = created(post(Caller.STRANGER, "/api/v1/projects", "{\"name\":\"Matrix B " + tag + "\"}"))
                .path("id")
                .asString();
        JsonNode otherKey = created(post(
                Caller.STRANGER,
                "/api/v1/projects/" + projectB + "/api-keys",
                "{\"name\":\"B admin\",\"scopes\":[\"admin\"]}"));
        credentials.put(
                Caller.OTHER_KEY, List.of("x-api-key", otherKey.path("key").asString()));

        String sampleName = "matrix-secret-sample-" + tag;
        vars.put("sampleId", uploadSample(sampleName, 300));
        secrets.put("A's sample id", vars.get("sampleId"));
        secrets.put("A's sample name", sampleName);
        JsonNode impulse = ok(get(Caller.OWNER, base() + "/impulse")).path("impulse");
        ok(send(Caller.OWNER, "PUT", base() + "/impulse", Body.json(impulse.toString())));
        vars.put("version", "1");
        String modelName = "matrix-secret-model-" + tag;
        vars.put("modelId", importModel(modelName));
        secrets.put("A's model id", vars.get("modelId"));
        secrets.put("A's model name", modelName);
        String target =
                ok(get(Caller.OWNER, "/api/v1/targets")).get(0).path("id").asString();
        Answer queued = post(
                Caller.OWNER,
                base() + "/deployments",
                "{\"modelId\":\"" + vars.get("modelId") + "\",\"variant\":\"int8\",\"target\":\"" + target
                        + "\",\"format\":\"c-library\"}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        JsonNode deployment = queued.json();
        vars.put("deploymentId", deployment.path("id").asString());
        vars.put("jobId", deployment.path("jobId").asString());
        secrets.put("A's deployment id", vars.get("deploymentId"));
        secrets.put("A's job id", vars.get("jobId"));
        JsonNode version =
                created(post(Caller.OWNER, base() + "/dataset/versions", "{\"name\":\"matrix v1 " + tag + "\"}"));
        vars.put("versionId", version.path("id").asString());
        secrets.put("A's dataset version id", vars.get("versionId"));
        JsonNode hmac = created(post(Caller.OWNER, base() + "/hmac-keys", "{\"name\":\"matrix hmac\"}"));
        vars.put("hmacKeyId", hmac.path("id").asString());
        secrets.put("A's HMAC key id", vars.get("hmacKeyId"));
        secrets.put("A's HMAC secret", hmac.path("secret").asString());
        // an invite to A for B's owner, which no call accepts (the calls that should, accept one of their own)
        JsonNode invite = created(invite(Caller.OWNER, base(), passwords.get(Access.INVITED)[0]));
        vars.put("inviteId", invite.path("id").asString());
        vars.put("token", token(invite));
        secrets.put("A's invite id", vars.get("inviteId"));
        secrets.put("A's invite link token", vars.get("token"));
        vars.put("userId", fresh(Fresh.MEMBER, Caller.OWNER));
        vars.put("tokenId", fresh(Fresh.TOKEN, Caller.OWNER));
        vars.put("category", "training");
        vars.put("variant", "structured-pruning-int8");
    }

    String base() {
        return "/api/v1/projects/" + vars.get("projectId");
    }

    List<String> credentials(Caller caller) {
        return credentials.get(caller);
    }

    /** A signed-in browser of a user caller; anonymous (a browser that has not signed in) for the others. */
    BrowserSession session(Caller caller) {
        return sessions.computeIfAbsent(caller, c -> {
            String[] login = passwords.get(c);
            return login == null ? BrowserSession.anonymous(port) : BrowserSession.signIn(port, login[0], login[1]);
        });
    }

    /** A new target of {@code kind} for a destructive call by {@code caller}; its id. */
    String fresh(Fresh kind, Caller caller) {
        int n = COUNTER.incrementAndGet();
        return switch (kind) {
            case PROJECT -> {
                // only owners delete projects: a project of the caller's own
                assertThat(caller).as("fresh projects are for owners").isEqualTo(Caller.OWNER);
                yield created(post(caller, "/api/v1/projects", "{\"name\":\"Matrix fresh " + n + "\"}"))
                        .path("id")
                        .asString();
            }
            case SAMPLE -> uploadSample("matrix-fresh-" + n, 20 + n);
            case MODEL -> importModel("matrix-fresh-" + n);
            case MEMBER -> {
                Caller bystander = Caller.VIEWER;
                String email = "matrix-bystander-" + n + "-"
                        + UUID.randomUUID().toString().substring(0, 6) + "@it.edgeforge.test";
                created(send(
                        Caller.PLATFORM_ADMIN,
                        "POST",
                        "/api/v1/admin/accounts",
                        Body.json("{\"email\":\"" + email + "\",\"password\":\"pw-" + UUID.randomUUID()
                                + "\",\"name\":\"bystander\"}")));
                yield created(post(
                                Caller.OWNER,
                                base() + "/members",
                                "{\"email\":\"" + email + "\",\"role\":\""
                                        + bystander.role().orElseThrow().value() + "\"}"))
                        .path("userId")
                        .asString();
            }
            case API_KEY ->
                created(post(
                                Caller.OWNER,
                                base() + "/api-keys",
                                "{\"name\":\"fresh " + n + "\",\"scopes\":[\"read\"]}"))
                        .path("id")
                        .asString();
            case HMAC_KEY ->
                created(post(Caller.OWNER, base() + "/hmac-keys", "{\"name\":\"fresh " + n + "\"}"))
                        .path("id")
                        .asString();
            case TOKEN ->
                created(post(Caller.OWNER, "/api/v1/tokens", "{\"name\":\"matrix " + n + "\"}"))
                        .path("id")
                        .asString();
            case INVITE ->
                created(invite(
                                Caller.OWNER,
                                base(),
                                "matrix-invited-" + n + "-" + UUID.randomUUID() + "@it.edgeforge.test"))
                        .path("id")
                        .asString();
            case INVITE_FOR_CALLER -> {
                assertThat(caller.isUser()).as("invites are for people").isTrue();
                Caller host = caller == Caller.OWNER ? Caller.ADMIN : Caller.OWNER;
                String project = created(post(host, "/api/v1/projects", "{\"name\":\"Matrix invite " + n + "\"}"))
                        .path("id")
                        .asString();
                yield token(created(
                        invite(host, "/api/v1/projects/" + project, passwords.get(caller)[0])));
            }
            case ACCOUNT -> {
                assertThat(caller.isUser()).as("stand-ins are for people").isTrue();
                String email = "matrix-stand-in-" + n + "-"
                        + UUID.randomUUID().toString().substring(0, 6) + "@it.edgeforge.test";
                String password = "pw-" + UUID.randomUUID();
                created(send(
                        Caller.PLATFORM_ADMIN,
                        "POST",
                        "/api/v1/admin/accounts",
                        Body.json("{\"email\":\"" + email + "\",\"password\":\"" + password
                                + "\",\"name\":\"stand-in\",\"admin\":" + (caller == Caller.PLATFORM_ADMIN) + "}")));
                standIns.put(email, password);
                yield email;
            }
        };
    }

    /** The current password of a {@link Fresh#ACCOUNT} stand-in. */
    String standInPassword(String email) {
        return standIns.get(email);
    }

    /** A login token of a {@link Fresh#ACCOUNT} stand-in, as request headers. */
    List<String> standInCredentials(String email) {
        return bearer(login(email, standIns.get(email)));
    }

    /** A browser signed in as a {@link Fresh#ACCOUNT} stand-in. */
    BrowserSession standInSession(String email) {
        return BrowserSession.signIn(port, email, standIns.get(email));
    }

    Answer send(Caller caller, String method, String path, Body body) {
        return send(credentials.get(caller), method, path, body);
    }

    /** A request with these credentials (header name, value, …), as a JSON client sends it. */
    Answer send(List<String> credentials, String method, String path, Body body) {
        List<String> headers = new ArrayList<>(credentials);
        headers.add("Accept");
        headers.add("application/json, */*;q=0.5");
        return http.send(method, path, headers, body);
    }

    private Answer get(Caller caller, String path) {
        return send(caller, "GET", path, null);
    }

    private Answer post(Caller caller, String path, String json) {
        return send(caller, "POST", path, Body.json(json));
    }

    /** An invite to the project at {@code projectPath} for {@code email}, as viewer. */
    private Answer invite(Caller inviter, String projectPath, String email) {
        return post(inviter, projectPath + "/invites", "{\"email\":\"" + email + "\",\"role\":\"viewer\"}");
    }

    /** The secret of an invite's one-time link: the link's last segment. */
    private static String token(JsonNode invite) {
        String link = invite.path("link").asString();
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private String uploadSample(String name, int length) {
        Random random = new Random(length);
        float[][] values = new float[3][length];
        for (float[] axis : values) {
            for (int i = 0; i < length; i++) {
                axis[i] = Math.round(random.nextGaussian() * 100) / 10f;
            }
        }
        SampleData data = SampleData.builder()
                .setSensors(List.of(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), new Sensor("accZ", "m/s2")))
                .setIntervalMs(16)
                .setValues(values)
                .build();
        Answer stored = send(
                Caller.OWNER,
                "POST",
                base() + "/samples?label=idle",
                Body.multipart("files", name + ".json", EiAcquisitionWriter.writeJson(data, EiSigning.none())));
        return ok(stored).path("files").get(0).path("id").asString();
    }

    private String importModel(String name) {
        return created(send(
                        Caller.OWNER,
                        "POST",
                        base() + "/models/import",
                        Body.multipart("file", name + ".tflite", model)))
                .path("id")
                .asString();
    }

    private String register(Caller caller, String label) {
        String email = "matrix-" + label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.edgeforge.test";
        String password = "pw-" + UUID.randomUUID();
        created(send(
                Caller.PLATFORM_ADMIN,
                "POST",
                "/api/v1/admin/accounts",
                Body.json(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + label + "\"}")));
        passwords.put(caller, new String[] {email, password});
        if (caller.role().isPresent()) {
            secrets.put(caller + "'s email", email);
        }
        return email;
    }

    private String login(Caller caller) {
        String[] login = passwords.get(caller);
        return login(login[0], login[1]);
    }

    private String login(String email, String password) {
        return ok(send(
                        Caller.ANONYMOUS,
                        "POST",
                        "/api/v1/auth/login",
                        Body.json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")))
                .path("token")
                .asString();
    }

    private static List<String> bearer(String token) {
        return List.of("Authorization", "Bearer " + token);
    }

    private static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode created(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    /** Eight features to three classes (FULLY_CONNECTED, SOFTMAX), quantized to int8: a deployable model. */
    private static byte[] tinyInt8Model() {
        Random random = new Random(7);
        float[] weights = new float[3 * 8];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        ModelGraph.Builder g = ModelGraph.builder();
        int in = g.addTensor("features", DataType.FLOAT32, new int[] {1, 8});
        int w = g.addFloatConstant("weights", new int[] {3, 8}, weights);
        int c = g.addFloatConstant("bias", new int[] {3}, new float[] {0.1f, -0.2f, 0.3f});
        int logits = g.addTensor("logits", DataType.FLOAT32, new int[] {1, 3});
        int out = g.addTensor("probabilities", DataType.FLOAT32, new int[] {1, 3});
        g.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, c}, new int[] {
                    logits
                });
        g.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, new int[] {out});
        ModelGraph floatGraph = g.setInputs(in)
                .setOutputs(out)
                .optLabels(List.of("idle", "wave", "shake"))
                .build();
        List<float[]> calibration = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            float[] window = new float[8];
            for (int f = 0; f < 8; f++) {
                window[f] = (float) random.nextGaussian() * 2;
            }
            calibration.add(window);
        }
        return new TfliteWriter().write(new PostTrainingQuantizer().quantize(floatGraph, calibration));
    }

    /** Bytes of a minimal but not valid upload, for calls whose success would store something. */
    static byte[] emptyJson() {
        return "{}".getBytes(StandardCharsets.UTF_8);
    }
}
