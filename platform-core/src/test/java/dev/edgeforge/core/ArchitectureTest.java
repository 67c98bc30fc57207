package dev.edgeforge.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** platform-core is plain Java: the server and the workers wrap it, never the other way round. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.edgeforge.core");

    @Test
    void coreDoesNotDependOnFrameworks() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "ai.djl..", "org.hibernate..")
                .allowEmptyShould(true)
                .check(core);
    }

    @Test
    void coreDoesNotDependOnOtherModules() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.edgeforge.api..",
                        "dev.edgeforge.infra..",
                        "dev.edgeforge.training..",
                        "dev.edgeforge.firmware..",
                        "dev.edgeforge.web..")
                .allowEmptyShould(true)
                .check(core);
    }
}
