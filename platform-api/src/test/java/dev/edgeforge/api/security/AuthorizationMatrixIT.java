package dev.edgeforge.api.security;

import static dev.edgeforge.api.project.ProjectRole.ADMIN;
import static dev.edgeforge.api.project.ProjectRole.MEMBER;
import static dev.edgeforge.api.project.ProjectRole.OWNER;
import static dev.edgeforge.api.project.ProjectRole.VIEWER;
import static dev.edgeforge.api.security.Access.device;
import static dev.edgeforge.api.security.Access.invitee;
import static dev.edgeforge.api.security.Access.open;
import static dev.edgeforge.api.security.Access.platformAdmin;
import static dev.edgeforge.api.security.Access.project;
import static dev.edgeforge.api.security.Access.signedIn;
import static dev.edgeforge.api.security.Access.tokenOwner;
import static dev.edgeforge.api.security.Access.user;
import static dev.edgeforge.api.security.ApiKeyScope.INGEST;
import static dev.edgeforge.api.security.ApiKeyScope.READ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.project.InviteNotFoundException;
import dev.edgeforge.api.security.Access.Expected;
import dev.edgeforge.api.security.MatrixHttp.Answer;
import dev.edgeforge.api.security.MatrixHttp.Body;
import dev.edgeforge.api.security.MatrixWorld.Fresh;
import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.SecurityTestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Issue #10, item 6: every operation of the OpenAPI document and every page, called by every kind of {@link Caller},
 * answers as the table below says, and no answer to a caller of another project carries project A's data.
 *
 * <p><b>The table</b> has one line per operation: who may call it ({@link Access}: the minimum role in the project and
 * the API key scopes that may, or open / signed-in / user / platform admin / device key / invitee), and, where the call
 * needs one, a body, a query or a fresh target. An operation in {@code /v3/api-docs} (or a page controller) without a
 * line fails {@link #everyOperationAndPageHasALine()}, which prints the line to add; a line without an operation fails
 * too.
 *
 * <p><b>What is checked.</b> Denied callers get exactly 401 (anonymous, a user on a device endpoint, a key accepting an
 * invite: that knows people only), 403 (a role below the minimum, a key without the scope, a key where a person is
 * needed) or 404 (not a member of A, or B's key: the same answer, code included, as for ids that exist nowhere).
 * Allowed callers get anything but 401, 403, 404 and 5xx: the request may still be 400, 409 or 422 for its minimal
 * body, which is fine, the point is authorization. Pages answer anonymous callers and API keys (pages know only the
 * browser session) with a redirect to sign in.
 *
 * <p><b>Invite links and password changes.</b> An invite link's token is its holder's credential: whoever holds it is
 * told what the invite offers, so for those lines a caller of B is checked on a token that exists nowhere instead (see
 * {@link Line#bearerSecret()}). A call that would sign the caller's other sign-ins out (a password change) is made by a
 * fresh account of the caller's kind ({@link Fresh#ACCOUNT}), so the matrix's own callers keep working.
 *
 * <p><b>Speed.</b> One server (workers off: jobs stay queued, so the deployment and its job stay as set up), one
 * setup, every caller reused; destructive calls expected to succeed get a fresh target each.
 */
@SecurityTestServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    /** The admin scope, named apart from the admin role. */
    private static final ApiKeyScope ADMIN_SCOPE = ApiKeyScope.ADMIN;

    /** The API: one line per operation of {@code /v3/api-docs}. */
    private static final List<Line> API = List.of(
            // accounts and tokens
            line("POST /api/v1/auth/register", open())
                    .json("{\"email\":\"${fresh-email}\",\"password\":" + "\"matrix-password-1\",\"name\":\"matrix\"}")
                    .allowing(403, "registration-closed", "registration is closed by default"),
            line("POST /api/v1/auth/login", open())
                    .json("{\"email\":\"nobody@it.edgeforge.test\",\"password\":" + "\"wrong-password\"}")
                    .allowing(401, "invalid-credentials", "wrong credentials, on purpose"),
            line("GET /api/v1/auth/me", user()),
            // it signs the account's other sign-ins out: a fresh account of the caller's kind changes its password
            line("POST /api/v1/auth/password", user())
                    .fresh(Fresh.ACCOUNT)
                    .json("{\"currentPassword\":\"${password}\",\"newPassword\":\"${new-password}\"}"),
            line("GET /api/v1/tokens", user()),
            line("POST /api/v1/tokens", user()).json("{\"name\":\"matrix\"}"),
            line("DELETE /api/v1/tokens/{tokenId}", tokenOwner()).fresh(Fresh.TOKEN),
            // administration
            line("GET /api/v1/admin/settings", platformAdmin()),
            line("PUT /api/v1/admin/settings", platformAdmin()).json("{\"registrationOpen\":false}"),
            line("GET /api/v1/admin/projects", platformAdmin()),
            line("GET /api/v1/admin/accounts", platformAdmin()),
            line("POST /api/v1/admin/accounts", platformAdmin())
                    .json("{\"email\":\"${fresh-email}\",\"password\":\"matrix-password-1\",\"name\":\"matrix\"}"),
            line("PUT /api/v1/admin/projects/{projectId}/quota", platformAdmin())
                    .json("{\"quotaBytes\":null}"),
            // catalogues
            line("GET /api/v1/targets", signedIn()),
            line("GET /api/v1/dsp-blocks", signedIn()),
            line("GET /api/v1/impulse/cost-targets", signedIn()),
            line("POST /api/v1/learning-blocks/defaults", signedIn())
                    .query("kind=classification")
                    .json("{}"),
            // projects, members, keys
            line("GET /api/v1/projects", signedIn()),
            line("POST /api/v1/projects", user()).json("{\"name\":\"matrix created\"}"),
            line("POST /api/v1/projects/demo", user()),
            line("GET /api/v1/projects/{projectId}", project(VIEWER, READ, ADMIN_SCOPE)),
            line("PATCH /api/v1/projects/{projectId}", project(ADMIN, ADMIN_SCOPE))
                    .json("{\"description\":" + "\"${projectDescription}\"}"),
            line("DELETE /api/v1/projects/{projectId}", project(OWNER)).fresh(Fresh.PROJECT),
            line("GET /api/v1/projects/{projectId}/members", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/members", project(ADMIN, ADMIN_SCOPE))
                    .json("{\"email\":\"${fresh-email}\",\"role\":\"viewer\"}"),
            line("PATCH /api/v1/projects/{projectId}/members/{userId}", project(ADMIN, ADMIN_SCOPE))
                    .json("{\"role\":\"viewer\"}"),
            line("DELETE /api/v1/projects/{projectId}/members/{userId}", project(ADMIN, ADMIN_SCOPE))
                    .fresh(Fresh.MEMBER),
            line("GET /api/v1/projects/{projectId}/api-keys", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/api-keys", project(ADMIN, ADMIN_SCOPE))
                    .json("{\"name\":\"matrix\",\"scopes\":[\"read\"]}"),
            line("DELETE /api/v1/projects/{projectId}/api-keys/{keyId}", project(ADMIN, ADMIN_SCOPE))
                    .fresh(Fresh.API_KEY),
            line("GET /api/v1/projects/{projectId}/hmac-keys", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/hmac-keys", project(ADMIN, ADMIN_SCOPE))
                    .json("{\"name\":\"matrix\"}"),
            line("DELETE /api/v1/projects/{projectId}/hmac-keys/{keyId}", project(ADMIN, ADMIN_SCOPE))
                    .fresh(Fresh.HMAC_KEY),
            line("GET /api/v1/projects/{projectId}/storage", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/audit", project(ADMIN, ADMIN_SCOPE)),
            // invites: made, listed and revoked by admins; the link's token is the credential of whoever holds it
            line("GET /api/v1/projects/{projectId}/invites", project(ADMIN, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/invites", project(ADMIN, ADMIN_SCOPE))
                    .json("{\"email\":\"${fresh-email}\",\"role\":\"viewer\"}"),
            line("DELETE /api/v1/projects/{projectId}/invites/{inviteId}", project(ADMIN, ADMIN_SCOPE))
                    .fresh(Fresh.INVITE),
            line("GET /api/v1/invites/{token}", open()).bearerSecret(),
            line("POST /api/v1/invites/{token}/accept", invitee())
                    .fresh(Fresh.INVITE_FOR_CALLER)
                    .json("{}"),
            // samples and datasets
            line("POST /api/v1/projects/{projectId}/samples", project(MEMBER, INGEST, ADMIN_SCOPE))
                    .multipart("files"),
            line("POST /api/v1/projects/{projectId}/samples/label-preview", project(MEMBER, INGEST, ADMIN_SCOPE))
                    .json("{\"fileNames\":[\"idle.01.json\"]}"),
            line("GET /api/v1/projects/{projectId}/samples", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/samples/bulk", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/samples/{sampleId}", project(VIEWER, READ, ADMIN_SCOPE)),
            line("PATCH /api/v1/projects/{projectId}/samples/{sampleId}", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("DELETE /api/v1/projects/{projectId}/samples/{sampleId}", project(MEMBER, ADMIN_SCOPE))
                    .fresh(Fresh.SAMPLE),
            line("GET /api/v1/projects/{projectId}/samples/{sampleId}/raw", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/samples/{sampleId}/data", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/samples/{sampleId}/spectrogram", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/samples/{sampleId}/preview", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/samples/{sampleId}/audio", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/samples/{sampleId}/crop", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("POST /api/v1/projects/{projectId}/samples/{sampleId}/split", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/dataset/summary", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/dataset/rebalance", project(MEMBER, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/dataset/export", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/dataset/versions", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/dataset/versions", project(MEMBER, ADMIN_SCOPE))
                    .json("{\"name\":\"matrix\"}"),
            line(
                    "GET /api/v1/projects/{projectId}/dataset/versions/{versionId}/compare",
                    project(VIEWER, READ, ADMIN_SCOPE)),
            line(
                    "POST /api/v1/projects/{projectId}/dataset/versions/{versionId}/restore",
                    project(MEMBER, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/dataset/imports", project(MEMBER, ADMIN_SCOPE))
                    .json("{\"sourceProjectId\":\"6b0f3c52-0d5e-4a55-9f3e-5c1f4f0e2a11\","
                            + "\"versionId\":\"0e1d6a7b-3f8e-4c1b-8d2a-9a6b5c4d3e21\"}")
                    .allowing(404, "project-not-found", "the source project is one no caller can read"),
            // impulse, features, training
            line("GET /api/v1/projects/{projectId}/impulse", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/impulse/suggestion", project(VIEWER, READ, ADMIN_SCOPE)),
            line("PUT /api/v1/projects/{projectId}/impulse", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/impulse/versions", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/impulse/versions/{version}", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/impulse/costs", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/impulse/costs", project(VIEWER, READ, ADMIN_SCOPE))
                    .json("{}"),
            line("POST /api/v1/projects/{projectId}/jobs/features", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/features", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/features/explorer", project(VIEWER, READ, ADMIN_SCOPE))
                    .allowing(404, "features-not-found", "no features were generated: the workers are off"),
            line("POST /api/v1/projects/{projectId}/jobs/tune", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/jobs/tune/{jobId}", project(VIEWER, READ, ADMIN_SCOPE))
                    .allowing(404, "tune-not-found", "the world's job is a deployment, not a tune job"),
            line("POST /api/v1/projects/{projectId}/jobs/tune/{jobId}/apply", project(MEMBER, ADMIN_SCOPE))
                    .json("{\"candidateId\":\"c01\"}")
                    .allowing(404, "tune-not-found", "the world's job is a deployment, not a tune job"),
            line("POST /api/v1/projects/{projectId}/jobs/train", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("POST /api/v1/projects/{projectId}/jobs/test", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/training/defaults", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/training/architecture-check", project(VIEWER, READ, ADMIN_SCOPE))
                    .json("{}"),
            // jobs
            line("GET /api/v1/projects/{projectId}/jobs", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/jobs/{jobId}", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/jobs/{jobId}/logs", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/jobs/{jobId}/payload", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/jobs/{jobId}/result", project(VIEWER, READ, ADMIN_SCOPE))
                    .allowing(404, "job-result-not-found", "the job has not run: the workers are off"),
            line("POST /api/v1/jobs/{jobId}/cancel", project(MEMBER, ADMIN_SCOPE)),
            // models, compression, deployment
            line("GET /api/v1/projects/{projectId}/models", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/models/import", project(MEMBER, ADMIN_SCOPE))
                    .multipart("file"),
            line("GET /api/v1/projects/{projectId}/models/{modelId}", project(VIEWER, READ, ADMIN_SCOPE)),
            line("PATCH /api/v1/projects/{projectId}/models/{modelId}", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("DELETE /api/v1/projects/{projectId}/models/{modelId}", project(MEMBER, ADMIN_SCOPE))
                    .fresh(Fresh.MODEL),
            line("GET /api/v1/projects/{projectId}/models/{modelId}/tflite", project(VIEWER, READ, ADMIN_SCOPE)),
            line("GET /api/v1/projects/{projectId}/models/{modelId}/predictions", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/models/{modelId}/classify", project(VIEWER, READ, ADMIN_SCOPE))
                    .json("{\"sampleId\":\"${sampleId}\"}"),
            line("GET /api/v1/projects/{projectId}/models/{modelId}/estimates", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/jobs/compress", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/models/{modelId}/compression", project(VIEWER, READ, ADMIN_SCOPE)),
            line(
                            "GET /api/v1/projects/{projectId}/models/{modelId}/variants/{variant}/tflite",
                            project(VIEWER, READ, ADMIN_SCOPE))
                    .allowing(404, "compression-report-not-found", "no compression ran: the workers are off"),
            line("POST /api/v1/projects/{projectId}/models/{modelId}/deploy-variant", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/deployments", project(VIEWER, READ, ADMIN_SCOPE)),
            line("POST /api/v1/projects/{projectId}/deployments", project(MEMBER, ADMIN_SCOPE))
                    .json("{}"),
            line("GET /api/v1/projects/{projectId}/deployments/{deploymentId}", project(VIEWER, READ, ADMIN_SCOPE)),
            line(
                    "GET /api/v1/projects/{projectId}/deployments/{deploymentId}/download",
                    project(VIEWER, READ, ADMIN_SCOPE)),
            // Edge Impulse device endpoints: the project is the key's
            line("POST /api/{category}/files", device(INGEST, ADMIN_SCOPE)).multipart("data"),
            line("POST /api/{category}/data", device(INGEST, ADMIN_SCOPE)).json("{}"));

    /** The pages: one line per page controller method ({@code RequestMappingHandlerMapping}). */
    private static final List<Line> PAGES = List.of(
            line("GET /login", open()),
            line("GET /register", open()),
            line("POST /register", open())
                    .form("email", "${fresh-email}", "password", "matrix-password-1", "name", "matrix"),
            // an invite link: open to whoever holds it; joining as an existing account needs that account signed in
            line("GET /invites/{token}", open()).bearerSecret(),
            // the matrix's invite is for an account that exists: the form answers "sign in, then join" (a flash)
            line("POST /invites/{token}", open())
                    .form("name", "matrix", "password", "matrix-password-1", "repeatPassword", "matrix-password-1"),
            line("GET /invites/{token}/join", user()).bearerSecret(),
            line("POST /invites/{token}/join", invitee()).fresh(Fresh.INVITE_FOR_CALLER),
            line("GET /v3/api-docs", open()).accept("application/json"),
            line("GET /v3/api-docs.yaml", open()).accept("application/vnd.oai.openapi"),
            line("GET /v3/api-docs/swagger-config", open()).accept("application/json"),
            line("GET /swagger-ui.html", open()),
            line("GET /account", user()),
            // it signs the account's other sign-ins out: a fresh account of the caller's kind changes its password
            line("POST /account/password", user())
                    .fresh(Fresh.ACCOUNT)
                    .form(
                            "currentPassword",
                            "${password}",
                            "newPassword",
                            "${new-password}",
                            "repeatPassword",
                            "${new-password}"),
            line("GET /account/tokens", user()),
            line("POST /account/tokens", user()).form("name", "matrix"),
            line("POST /account/tokens/{tokenId}/revoke", tokenOwner()).fresh(Fresh.TOKEN),
            line("GET /admin/settings", platformAdmin()),
            line("POST /admin/settings", platformAdmin()).form("registrationOpen", "false"),
            line("POST /admin/accounts", platformAdmin())
                    .form("email", "${fresh-email}", "password", "matrix-password-1", "name", "matrix"),
            line("GET /projects", user()),
            line("POST /projects", user()).form("name", "matrix page project", "description", ""),
            line("POST /projects/demo", user()).form(),
            line("GET /projects/{projectId}", project(VIEWER)),
            line("POST /projects/{projectId}/settings", project(ADMIN))
                    .form("name", "${projectName}", "description", "${projectDescription}"),
            line("POST /projects/{projectId}/delete", project(OWNER)).fresh(Fresh.PROJECT),
            line("GET /projects/{projectId}/members", project(VIEWER)),
            line("POST /projects/{projectId}/members", project(ADMIN))
                    .form("email", "${fresh-email}", "role", "viewer"),
            // refused in the page itself, not with a 403: the form's page comes back with the reason
            line("POST /projects/{projectId}/members/{userId}/remove", project(ADMIN))
                    .fresh(Fresh.MEMBER)
                    .refusedOn("/projects/{projectId}/members"),
            line("POST /projects/{projectId}/invites", project(ADMIN))
                    .form("email", "${fresh-email}", "role", "viewer"),
            line("POST /projects/{projectId}/invites/{inviteId}/revoke", project(ADMIN))
                    .fresh(Fresh.INVITE),
            line("GET /projects/{projectId}/audit", project(ADMIN)),
            line("GET /projects/{projectId}/keys", project(VIEWER)),
            line("GET /projects/{projectId}/hmac-keys", project(VIEWER)),
            line("POST /projects/{projectId}/hmac-keys", project(ADMIN)).form("name", "matrix"),
            line("POST /projects/{projectId}/hmac-keys/{keyId}/delete", project(ADMIN))
                    .fresh(Fresh.HMAC_KEY),
            line("GET /projects/{projectId}/data", project(VIEWER)),
            line("GET /projects/{projectId}/data/samples/{sampleId}", project(VIEWER)),
            line("GET /projects/{projectId}/data/dataset", project(VIEWER)),
            line("GET /projects/{projectId}/impulse", project(VIEWER)),
            line("GET /projects/{projectId}/training", project(VIEWER)),
            line("GET /projects/{projectId}/tuner", project(VIEWER)),
            line("GET /projects/{projectId}/models", project(VIEWER)),
            line("GET /projects/{projectId}/models/{modelId}", project(VIEWER)),
            line("GET /projects/{projectId}/compression", project(VIEWER)),
            line("GET /projects/{projectId}/models/{modelId}/compression", project(VIEWER)),
            line("GET /projects/{projectId}/deployment", project(VIEWER)));

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z-]+)}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private MatrixWorld world;

    @BeforeAll
    void setUp() {
        long started = System.nanoTime();
        world = new MatrixWorld(port);
        System.out.printf("matrix setup: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @Test
    void everyOperationAndPageHasALine() {
        List<String> problems = new ArrayList<>();
        compare("operation of /v3/api-docs", apiOperations(), API, "API", problems);
        compare("page controller method", pageOperations(), PAGES, "PAGES", problems);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheTableSays() {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Line line : API) {
            for (Caller caller : Caller.values()) {
                calls += callApi(line, caller, failures);
            }
        }
        System.out.printf(
                "matrix API: %d lines, %d calls in %.1f s%n", API.size(), calls, (System.nanoTime() - started) / 1e9);
        assertThat(failures)
                .as(failures.size() + " answers differ from the table:\n" + String.join("\n", failures))
                .isEmpty();
    }

    @Test
    void everyPageAnswersEveryCallerAsTheTableSays() {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Line line : PAGES) {
            for (Caller caller : Caller.values()) {
                calls += callPage(line, caller, failures);
            }
        }
        System.out.printf(
                "matrix pages: %d lines, %d calls in %.1f s%n",
                PAGES.size(), calls, (System.nanoTime() - started) / 1e9);
        assertThat(failures)
                .as(failures.size() + " answers differ from the table:\n" + String.join("\n", failures))
                .isEmpty();
    }

    /** Calls one API operation as one caller and checks the answer; the number of calls made. */
    private int callApi(Line line, Caller caller, List<String> failures) {
        Expected expected = line.access().api(caller);
        Map<String, String> vars = variables(line, caller, expected);
        String path = fill(line.path(), vars) + (line.query() == null ? "" : "?" + line.query());
        String standIn = vars.get("stand-in");
        List<String> credentials = standIn == null ? world.credentials(caller) : world.standInCredentials(standIn);
        Answer answer = world.send(credentials, line.method(), path, line.body(vars));
        String what = line.method() + " " + path + " as " + caller + insteadBy(standIn) + " (" + line.access() + ")";
        check(what, line, expected, answer, false, failures);
        int calls = 1;
        if (caller.ofProjectB()) {
            if (line.isBearerSecret()) {
                String unknown = withUnknownToken(path, vars);
                checkUnknownSecret(
                        what,
                        unknown,
                        expected,
                        world.send(credentials, line.method(), unknown, line.body(vars)),
                        false,
                        failures);
                calls++;
            } else {
                checkNoLeak(what, path, answer, failures);
            }
            if (expected == Expected.HIDDEN) {
                // the answer must be the one for ids that exist nowhere: nothing tells A's ids apart
                String nowhere = withRandomIds(path);
                Answer twin = world.send(caller, line.method(), nowhere, line.body(vars));
                calls++;
                if (twin.status() != answer.status() || !twin.code().equals(answer.code())) {
                    failures.add(what + ": answered " + answer.status() + " " + answer.code() + ", but " + twin.status()
                            + " " + twin.code() + " for ids that exist nowhere");
                }
            }
        }
        return calls;
    }

    /** Calls one page as one caller and checks the answer; the number of calls made. */
    private int callPage(Line line, Caller caller, List<String> failures) {
        Expected expected = line.access().page(caller);
        Map<String, String> vars = variables(line, caller, expected);
        String path = fill(line.path(), vars);
        String standIn = vars.get("stand-in");
        String what =
                line.method() + " " + path + " (page) as " + caller + insteadBy(standIn) + " (" + line.access() + ")";
        Answer answer;
        if (line.accept() != null) {
            // a document for anyone (open): the caller's session changes nothing, so no session is sent
            answer = world.http.send("GET", path, List.of("Accept", line.accept()), null);
        } else if (caller.isKey()) {
            if (!line.method().equals("GET")) {
                return 0; // pages never read x-api-key: a key's POST is an anonymous one, checked as ANONYMOUS
            }
            answer = pageWithKey(caller, path);
        } else {
            BrowserSession browser = standIn == null ? world.session(caller) : world.standInSession(standIn);
            ApiClient.Response response;
            if (line.method().equals("GET")) {
                response = browser.page(path);
            } else {
                browser.page(caller == Caller.ANONYMOUS ? "/login" : "/account/tokens"); // a form's CSRF token
                response = browser.submit(path, line.form(vars));
            }
            answer = new Answer(response.status(), response.contentType(), response.body(), response.headers());
            if (expected == Expected.FORBIDDEN && line.refusedOn() != null) {
                String page = fill(line.refusedOn(), vars);
                boolean shown = response.status() == 302
                        && answer.location().endsWith(page)
                        && browser.follow(response).body().contains("class=\"alert alert-error\"");
                if (!shown) {
                    failures.add(what + ": expected the refusal shown on " + page + ", got " + answer);
                }
                return 1;
            }
        }
        check(what, line, expected, answer, true, failures);
        if (caller.ofProjectB()) {
            if (line.isBearerSecret()) {
                String unknown = withUnknownToken(path, vars);
                Answer guess = caller.isKey() ? pageWithKey(caller, unknown) : page(world.session(caller), unknown);
                checkUnknownSecret(what, unknown, expected, guess, true, failures);
                return 2;
            }
            checkNoLeak(what, path, answer, failures);
        }
        return 1;
    }

    /** A page asked for with an API key, which pages do not read. */
    private Answer pageWithKey(Caller caller, String path) {
        List<String> headers = new ArrayList<>(world.credentials(caller));
        headers.addAll(List.of("Accept", "text/html"));
        return world.http.send("GET", path, headers, null);
    }

    private static Answer page(BrowserSession browser, String path) {
        ApiClient.Response response = browser.page(path);
        return new Answer(response.status(), response.contentType(), response.body(), response.headers());
    }

    private static String insteadBy(String standIn) {
        return standIn == null ? "" : ", through a fresh account of its kind (" + standIn + ")";
    }

    /**
     * The path's token with one that exists nowhere, of the same kind (an invite link's secret): a caller who does
     * not hold the secret.
     */
    private static String withUnknownToken(String path, Map<String, String> vars) {
        String token = vars.get("token");
        return path.replace(token, SecretTokens.generate(token.substring(0, token.indexOf('_') + 1)));
    }

    /**
     * A caller of B who does not hold the secret in the path learns nothing of A from it, and where the caller got in
     * (past sign-in), a token that exists nowhere is simply not found.
     */
    private void checkUnknownSecret(
            String what, String path, Expected expected, Answer answer, boolean page, List<String> failures) {
        checkNoLeak(what + ", with a token that exists nowhere", path, answer, failures);
        String code = InviteNotFoundException.TYPE.code();
        if (expected == Expected.ALLOWED
                && (answer.status() != 404 || !page && !answer.code().equals(code))) {
            failures.add(what + ": with a token that exists nowhere, expected 404" + (page ? "" : " " + code) + ", got "
                    + answer);
        }
    }

    private void check(String what, Line line, Expected expected, Answer answer, boolean page, List<String> failures) {
        int status = answer.status();
        boolean toLogin = status == 302 && answer.location().endsWith("/login");
        boolean ok = switch (expected) {
            case ALLOWED ->
                page
                        ? (status == 200 || status == 302) && !toLogin
                        : status < 500
                                && (status != 401 && status != 403 && status != 404
                                        || line.allowedStatus() == status
                                                && line.allowedCode().equals(answer.code()));
            case UNAUTHENTICATED ->
                page
                        ? toLogin
                        : status == 401
                                && answer.contentType().startsWith("application/problem+json")
                                && !answer.code().isEmpty();
            case FORBIDDEN, HIDDEN ->
                status == expected.status() && (page || answer.contentType().startsWith("application/problem+json"));
        };
        if (!ok) {
            failures.add(what + ": expected "
                    + (expected == Expected.ALLOWED
                            ? "an answer past authorization"
                                    + (line.allowedStatus() == 0
                                            ? ""
                                            : " (or " + line.allowedStatus() + " " + line.allowedCode() + ": "
                                                    + line.allowedWhy() + ")")
                            : page && expected == Expected.UNAUTHENTICATED
                                    ? "a redirect to /login"
                                    : String.valueOf(expected.status()))
                    + ", got " + answer);
        }
    }

    /** No answer to a caller of B carries A's data (ids the caller sent in the path itself excepted). */
    private void checkNoLeak(String what, String path, Answer answer, List<String> failures) {
        for (Map.Entry<String, String> secret : world.secrets.entrySet()) {
            if (!path.contains(secret.getValue()) && answer.body().contains(secret.getValue())) {
                failures.add(what + ": the answer carries " + secret.getKey() + " (" + secret.getValue() + ")");
            }
        }
    }

    /** A's path variables, with a fresh target for a destructive call expected to succeed. */
    private Map<String, String> variables(Line line, Caller caller, Expected expected) {
        Map<String, String> vars = new LinkedHashMap<>(world.vars);
        vars.put("keyId", line.path().contains("/hmac-keys/") ? vars.get("hmacKeyId") : vars.get("apiKeyId"));
        vars.put("projectName", world.projectName);
        vars.put("projectDescription", world.projectDescription);
        vars.put("fresh-email", "matrix-new-" + UUID.randomUUID() + "@it.edgeforge.test");
        vars.put("password", "not-the-password-1"); // a request that is refused before it is read
        vars.put("new-password", "matrix-new-password-" + UUID.randomUUID());
        if (line.fresh() != null && expected == Expected.ALLOWED) {
            String id = world.fresh(line.fresh(), caller);
            switch (line.fresh()) {
                case PROJECT -> vars.put("projectId", id);
                case SAMPLE -> vars.put("sampleId", id);
                case MODEL -> vars.put("modelId", id);
                case MEMBER -> vars.put("userId", id);
                case API_KEY, HMAC_KEY -> vars.put("keyId", id);
                case TOKEN -> vars.put("tokenId", id);
                case INVITE -> vars.put("inviteId", id);
                case INVITE_FOR_CALLER -> vars.put("token", id);
                case ACCOUNT -> {
                    vars.put("stand-in", id);
                    vars.put("password", world.standInPassword(id));
                }
                default -> throw new IllegalStateException(line.fresh().name());
            }
        }
        return vars;
    }

    private static String fill(String template, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private String withRandomIds(String path) {
        String nowhere = path;
        for (String id : world.vars.values()) {
            if (id.length() == 36) {
                nowhere = nowhere.replace(id, UUID.randomUUID().toString());
            }
        }
        return nowhere;
    }

    /** Every (method, path) of the OpenAPI document, as "METHOD /path". */
    private Set<String> apiOperations() {
        Answer docs = world.http.send("GET", "/v3/api-docs", List.of("Accept", "application/json"), null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : docs.json().path("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        return operations;
    }

    /** Every page controller method (all handler methods outside {@code /api} and {@code /error}). */
    private Set<String> pageOperations() {
        Set<String> operations = new TreeSet<>();
        for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.equals("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    operations.add(method.name() + " " + pattern);
                }
            }
        }
        return operations;
    }

    private static void compare(
            String kind, Set<String> found, List<Line> table, String tableName, List<String> problems) {
        Set<String> listed = new TreeSet<>();
        for (Line line : table) {
            listed.add(line.method() + " " + line.path());
        }
        for (String operation : found) {
            if (!listed.contains(operation)) {
                problems.add("The " + kind + " " + operation + " has no line in " + tableName + "; add, with who may "
                        + "call it: line(\"" + operation + "\", project(VIEWER, READ, ADMIN_SCOPE)),");
            }
        }
        for (String operation : listed) {
            if (!found.contains(operation)) {
                problems.add("The line " + operation + " of " + tableName + " matches no " + kind + "; remove it");
            }
        }
    }

    private static Line line(String operation, Access access) {
        String[] parts = operation.split(" ", 2);
        return new Line(parts[0], parts[1], access);
    }

    /**
     * One line of the table: an operation, who may call it, and what a call needs. Built once, when the table is;
     * never changed after.
     */
    private static final class Line {

        private final String method;
        private final String path;
        private final Access access;
        private String json;
        private String multipartField;
        private String query;
        private Fresh fresh;
        private int allowedStatus;
        private String allowedCode = "";
        private String allowedWhy = "";
        private List<String> formFields = List.of();
        private String accept;
        private String refusedOn;
        private boolean bearerSecret;

        Line(String method, String path, Access access) {
            this.method = method;
            this.path = path;
            this.access = access;
        }

        String method() {
            return method;
        }

        String path() {
            return path;
        }

        Access access() {
            return access;
        }

        String query() {
            return query;
        }

        Fresh fresh() {
            return fresh;
        }

        int allowedStatus() {
            return allowedStatus;
        }

        String allowedCode() {
            return allowedCode;
        }

        String accept() {
            return accept;
        }

        /** Why {@link #allowedStatus()} still means "past authorization", for the failure message. */
        String allowedWhy() {
            return allowedWhy;
        }

        String refusedOn() {
            return refusedOn;
        }

        boolean isBearerSecret() {
            return bearerSecret;
        }

        /**
         * A JSON body; {@code ${name}} takes a path variable, {@code fresh-email} (a new unregistered address), or
         * {@code password} and {@code new-password} (those of a {@link Fresh#ACCOUNT} stand-in).
         */
        Line json(String body) {
            json = body;
            return this;
        }

        /** A multipart upload whose one file ({@code {}}, readable as no sample) is in {@code field}. */
        Line multipart(String field) {
            multipartField = field;
            return this;
        }

        Line query(String q) {
            query = q;
            return this;
        }

        /** A call expected to succeed gets a fresh target of this kind (it deletes or revokes it). */
        Line fresh(Fresh kind) {
            fresh = kind;
            return this;
        }

        /** An answer that still means "past authorization" for this operation, and why it comes. */
        Line allowing(int status, String code, String why) {
            allowedStatus = status;
            allowedCode = code;
            allowedWhy = why;
            return this;
        }

        /** Form fields of a page's POST, name, value, name, value…; values may hold {@code ${name}}. */
        Line form(String... fields) {
            formFields = List.of(fields);
            return this;
        }

        /** An Accept header other than a page's {@code text/html} (for documents a page link serves). */
        Line accept(String type) {
            accept = type;
            return this;
        }

        /** A caller whose role is too low gets the form's page back (302 to {@code page}) showing why, not a 403. */
        Line refusedOn(String page) {
            refusedOn = page;
            return this;
        }

        /**
         * The path's {@code {token}} is a bearer secret (an invite link), the caller's credential: whoever holds it is
         * told what it offers, A's name included, so a caller of B is held to the no-leak rule on a token that exists
         * nowhere instead (answered 404 where the caller got in). For the API and GET pages.
         */
        Line bearerSecret() {
            bearerSecret = true;
            return this;
        }

        Body body(Map<String, String> vars) {
            if (multipartField != null) {
                return Body.multipart(multipartField, "matrix.json", "{}".getBytes(StandardCharsets.UTF_8));
            }
            return json == null ? null : Body.json(placeholders(json, vars));
        }

        String[] form(Map<String, String> vars) {
            return formFields.stream().map(f -> placeholders(f, vars)).toArray(String[]::new);
        }

        private static String placeholders(String text, Map<String, String> vars) {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(vars.get(m.group(1))));
            }
            return m.appendTail(out).toString();
        }
    }
}
