package dev.edgeforge.cli.session;

import picocli.CommandLine.Option;

/** Where the platform is and who is asking; each falls back to its environment variable, then to {@code login}. */
public final class ConnectionOptions {

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The platform's address (env EDGEFORGE_URL; default: the one signed in to, else "
                    + "http://localhost:8080).")
    String url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "A personal access token (env EDGEFORGE_TOKEN; default: the one login stored).")
    String token;

    @Option(
            names = "--api-key",
            paramLabel = "KEY",
            description = "A project API key instead of a token (env EDGEFORGE_API_KEY); a key with the read or admin "
                    + "scope implies its project.")
    String apiKey;
}
