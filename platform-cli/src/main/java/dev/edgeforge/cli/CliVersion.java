package dev.edgeforge.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (the Maven project version); "development" when run from classes. */
final class CliVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return new String[] {"edgeforge cli " + (version == null ? "development" : version)};
    }
}
