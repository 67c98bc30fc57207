package dev.edgeforge.cli.account;

import dev.edgeforge.cli.http.ApiProblem;
import dev.edgeforge.cli.http.Credentials;
import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.session.CliConfig;
import dev.edgeforge.cli.session.ConfigFile;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.Terminal;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Revokes the stored token on the platform and deletes the configuration file. */
@Command(name = "logout", description = "Revoke the token login stored and delete the configuration file.")
public final class LogoutCommand implements Callable<Integer> {

    private final Terminal terminal;

    public LogoutCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        ConfigFile file = ConfigFile.of(terminal);
        Optional<CliConfig> config = file.read();
        if (config.isEmpty()) {
            terminal.err().println("not signed in (no " + file.path() + ")");
            return 0;
        }
        CliConfig stored = config.get();
        if (stored.token() != null && stored.tokenId() != null) {
            RestClient client =
                    new RestClient(Connection.normalize(stored.url()), new Credentials.Bearer(stored.token()));
            try {
                client.delete("/api/v1/tokens/" + stored.tokenId());
            } catch (ApiProblem e) {
                if (e.status() != 401) {
                    throw e;
                }
                // already revoked or expired: nothing left to revoke
            }
        }
        file.delete();
        terminal.err().println("signed out of " + stored.url() + "; deleted " + file.path());
        return 0;
    }
}
