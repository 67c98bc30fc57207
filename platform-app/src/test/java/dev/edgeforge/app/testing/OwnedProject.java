package dev.edgeforge.app.testing;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the API integration tests of the all-in-one server start from: before each test, a fresh user who owns a
 * fresh project, and a client without cookies to call the API as that user.
 */
public abstract class OwnedProject {

    private final String ownerLabel;
    private final String projectName;

    @LocalServerPort
    protected int port;

    protected ApiClient client;
    protected TestUsers.User owner;
    protected UUID projectId;
    /** The project's API path, {@code /api/v1/projects/{projectId}}. */
    protected String base;

    /**
     * @param ownerLabel  the start of the owner's e-mail address (it gets a random suffix)
     * @param projectName the project's name
     */
    protected OwnedProject(String ownerLabel, String projectName) {
        this.ownerLabel = ownerLabel;
        this.projectName = projectName;
    }

    @BeforeEach
    void createOwnedProject() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, ownerLabel);
        projectId = TestUsers.createProject(client, owner, projectName);
        base = "/api/v1/projects/" + projectId;
    }
}
