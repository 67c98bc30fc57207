package dev.edgeforge.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuperuserPasswordTest {

    @TempDir
    Path parent;

    private Path dataDirectory() throws IOException {
        return Files.createDirectories(parent.resolve("postgres"));
    }

    @Test
    void rewritesTrustingRulesAndLeavesCommentsAlone() throws IOException {
        Path data = dataDirectory();
        Files.write(
                data.resolve("pg_hba.conf"),
                List.of(
                        "# METHOD can be \"trust\", \"reject\", \"md5\", \"password\", \"scram-sha-256\"",
                        "",
                        "local   all             all                                     trust",
                        "host    all             all             127.0.0.1/32            trust   # loopback",
                        "host    replication     all             ::1/128                 trust"));
        assertThat(SuperuserPassword.demandsPassword(data)).isFalse();

        SuperuserPassword.demandPassword(data);

        List<String> lines = Files.readAllLines(data.resolve("pg_hba.conf"));
        assertThat(lines.get(0))
                .isEqualTo("# METHOD can be \"trust\", \"reject\", \"md5\", \"password\", " + "\"scram-sha-256\"");
        assertThat(lines.subList(2, 5))
                .allSatisfy(line -> assertThat(line).contains("scram-sha-256").doesNotContain("trust"));
        assertThat(lines.get(3)).startsWith("host").contains("127.0.0.1/32");
        assertThat(SuperuserPassword.demandsPassword(data)).isTrue();
    }

    @Test
    void generatesAnOwnerOnlyPasswordBesideTheDirectoryAndReadsItBack() throws IOException {
        Path data = dataDirectory();
        SuperuserPassword created = SuperuserPassword.prepare(data, false);
        assertThat(created.file()).isEqualTo(parent.resolve("postgres.password"));
        assertThat(created.value()).matches("[0-9a-f]{32}");
        assertThat(Files.getPosixFilePermissions(created.file()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // a copy restored with a loose mode is tightened again
        Files.setPosixFilePermissions(created.file(), PosixFilePermissions.fromString("rw-r--r--"));
        SuperuserPassword read = SuperuserPassword.prepare(data, true);
        assertThat(read.value()).isEqualTo(created.value());
        assertThat(Files.getPosixFilePermissions(created.file()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void refusesToInventAPasswordForADatabaseThatAlreadyDemandsOne() throws IOException {
        Path data = dataDirectory();
        Files.write(data.resolve("pg_hba.conf"), List.of("local all all scram-sha-256"));
        assertThatThrownBy(() -> SuperuserPassword.prepare(data, true))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining(parent.resolve("postgres.password").toString())
                .hasMessageContaining("'trust'");
        assertThat(parent.resolve("postgres.password")).doesNotExist();

        Files.writeString(parent.resolve("postgres.password"), "not a password\n");
        assertThatThrownBy(() -> SuperuserPassword.prepare(data, true))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("32 hexadecimal characters");
    }
}
