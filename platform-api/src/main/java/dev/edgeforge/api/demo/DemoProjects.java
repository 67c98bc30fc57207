package dev.edgeforge.api.demo;

import dev.edgeforge.api.impulse.ImpulseService;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.project.ProjectService;
import dev.edgeforge.api.project.ProjectView;
import dev.edgeforge.api.sample.FileResult;
import dev.edgeforge.api.sample.IncomingFile;
import dev.edgeforge.api.sample.IngestOptions;
import dev.edgeforge.api.sample.LabelChoice;
import dev.edgeforge.api.sample.SampleIngestion;
import dev.edgeforge.api.sample.ServerBusyViolation;
import dev.edgeforge.api.sample.UploadCategory;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Makes demo projects: a project owned by the caller, the {@link DemoDataset} stored through the ingestion every
 * upload takes (so the samples are ordinary samples: hashed, content-addressed, counted against quotas), and the
 * {@link DemoImpulse} saved as version 1. Nothing half-made is left: when a step fails the project is deleted with
 * whatever it already held, and the failure is answered.
 */
@Service
public class DemoProjects {

    static final String NAME = "Gesture demo";
    static final String DESCRIPTION = "A demo of accelerometer gestures (idle, wave, circle, updown) recorded by "
            + DemoDataset.PERSONS + " generated persons; the last " + DemoDataset.TEST_PERSONS
            + " are the test set. Generate features on Impulse design, train, then deploy.";

    private final ProjectService projects;
    private final ProjectAccess access;
    private final SampleIngestion ingestion;
    private final ImpulseService impulses;

    DemoProjects(ProjectService projects, ProjectAccess access, SampleIngestion ingestion, ImpulseService impulses) {
        this.projects = projects;
        this.access = access;
        this.ingestion = ingestion;
        this.impulses = impulses;
    }

    /** Creates a demo project owned by {@code owner}, with its samples and impulse. */
    public ProjectView create(UserPrincipal owner) {
        ProjectView project = projects.create(owner, NAME, DESCRIPTION);
        try {
            DemoDataset.Files files = DemoDataset.generate();
            store(project.id(), UploadCategory.TRAINING, files.training());
            store(project.id(), UploadCategory.TESTING, files.testing());
            impulses.save(project.id(), DemoImpulse.create(), owner.id());
            return project;
        } catch (RuntimeException e) {
            projects.delete(access.requireRole(project.id(), ProjectRole.OWNER));
            throw e;
        }
    }

    private void store(UUID projectId, UploadCategory category, List<IncomingFile> files) {
        IngestOptions options = new IngestOptions(
                category, new LabelChoice.FromFileName(), false, false, Map.of("source", "demo"), Optional.empty());
        for (FileResult result : ingestion.ingestBatch(projectId, options, files)) {
            if (result.stored()) {
                continue;
            }
            if (ServerBusyViolation.TYPE.code().equals(result.code())) {
                throw new ServerBusyViolation("The server is busy storing other uploads; create the demo again.", 5);
            }
            // generated files always parse: anything else is a fault of this server
            throw new IllegalStateException("demo file " + result.fileName() + " not stored: " + result.error());
        }
    }
}
