package dev.edgeforge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The Maven modules' boundaries, checked here because this module sees them all. The layers, bottom up:
 * platform-core (domain, no frameworks) → platform-infra (queue, object store) and platform-jobs (the contracts
 * server and workers share) → the server (platform-api) and the two workers, which never import each other → this
 * assembly. DJL stays inside the training worker. The command line (platform-cli) stands apart: it reaches the
 * platform over HTTP only, and nothing of the platform imports it.
 */
class ModuleBoundariesTest {

    private static final String CORE = "dev.edgeforge.core..";
    private static final String INFRA = "dev.edgeforge.infra..";
    private static final String JOBS = "dev.edgeforge.jobs..";
    private static final String API = "dev.edgeforge.api..";
    private static final String APP = "dev.edgeforge.app..";
    private static final String TRAINING = "dev.edgeforge.training..";
    private static final String FIRMWARE = "dev.edgeforge.firmware..";
    private static final String DJL = "ai.djl..";
    private static final String CLI = "dev.edgeforge.cli..";

    private final JavaClasses modules = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.edgeforge");

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INFRA, JOBS, API, APP, TRAINING, FIRMWARE, DJL, "org.springframework..")
                .check(modules);
    }

    @Test
    void theSharedModulesDependOnlyOnCore() {
        noClasses()
                .that()
                .resideInAnyPackage(INFRA, JOBS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(API, APP, TRAINING, FIRMWARE, DJL, "org.springframework..")
                .check(modules);
        noClasses()
                .that()
                .resideInAPackage(JOBS)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(INFRA)
                .check(modules);
    }

    @Test
    void theServerKnowsNoWorker() {
        noClasses()
                .that()
                .resideInAPackage(API)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(APP, TRAINING, FIRMWARE, DJL)
                .check(modules);
    }

    @Test
    void theWorkersKnowNeitherTheServerNorEachOther() {
        noClasses()
                .that()
                .resideInAPackage(TRAINING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(API, APP, FIRMWARE)
                .check(modules);
        noClasses()
                .that()
                .resideInAPackage(FIRMWARE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(API, APP, TRAINING, DJL)
                .check(modules);
    }

    @Test
    void theCommandLineKnowsOnlyHttp() {
        noClasses()
                .that()
                .resideInAPackage(CLI)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CORE, INFRA, JOBS, API, APP, TRAINING, FIRMWARE, DJL, "org.springframework..")
                .check(modules);
        noClasses()
                .that()
                .resideOutsideOfPackage(CLI)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(CLI)
                .check(modules);
    }
}
