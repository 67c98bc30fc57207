package dev.edgeforge.cli.session;

import picocli.CommandLine.Option;

/** The project a command works on. */
public final class ProjectOption {

    @Option(
            names = {"-p", "--project"},
            paramLabel = "ID",
            description = "The project's id (env EDGEFORGE_PROJECT; default: the one stored by login, or the "
                    + "project of an API key with the read or admin scope).")
    String project;
}
