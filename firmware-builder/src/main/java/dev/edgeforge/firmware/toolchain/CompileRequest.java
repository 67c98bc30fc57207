package dev.edgeforge.firmware.toolchain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What to compile and link into one executable. Built with {@link #builder()}: {@code setX} for the required
 * output name, {@code addX}/{@code optX} for the rest, checked in {@link Builder#build()}.
 */
public final class CompileRequest {

    private final String outputName;
    private final List<Path> sources;
    private final List<Path> includeDirectories;
    private final List<String> flags;
    private final Optional<Path> linkerScript;
    private final List<Path> libraryDirectories;
    private final List<String> linkerFlags;
    private final List<String> libraries;
    private final boolean mapFile;

    private CompileRequest(Builder builder) {
        this.outputName = builder.outputName;
        this.sources = List.copyOf(builder.sources);
        this.includeDirectories = List.copyOf(builder.includeDirectories);
        this.flags = List.copyOf(builder.flags);
        this.linkerScript = Optional.ofNullable(builder.linkerScript);
        this.libraryDirectories = List.copyOf(builder.libraryDirectories);
        this.linkerFlags = List.copyOf(builder.linkerFlags);
        this.libraries = List.copyOf(builder.libraries);
        this.mapFile = builder.mapFile;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** File name of the executable inside the build directory (e.g. {@code firmware.elf}). */
    public String outputName() {
        return outputName;
    }

    public List<Path> sources() {
        return sources;
    }

    public List<Path> includeDirectories() {
        return includeDirectories;
    }

    /** Flags for compiling and linking alike (language, optimization, warnings, -mcpu …). */
    public List<String> flags() {
        return flags;
    }

    public Optional<Path> linkerScript() {
        return linkerScript;
    }

    /** {@code -L} directories: where the linker looks for libraries and for linker scripts INCLUDEd by name. */
    public List<Path> libraryDirectories() {
        return libraryDirectories;
    }

    public List<String> linkerFlags() {
        return linkerFlags;
    }

    /** Libraries by name, linked last ({@code m} for {@code -lm}). */
    public List<String> libraries() {
        return libraries;
    }

    /** Whether the linker writes {@code <outputName without extension>.map}. */
    public boolean mapFile() {
        return mapFile;
    }

    public static final class Builder {
        private String outputName;
        private final List<Path> sources = new ArrayList<>();
        private final List<Path> includeDirectories = new ArrayList<>();
        private final List<String> flags = new ArrayList<>();
        private Path linkerScript;
        private final List<Path> libraryDirectories = new ArrayList<>();
        private final List<String> linkerFlags = new ArrayList<>();
        private final List<String> libraries = new ArrayList<>();
        private boolean mapFile;

        private Builder() {}

        public Builder setOutputName(String outputName) {
            this.outputName = outputName;
            return this;
        }

        public Builder addSource(Path source) {
            sources.add(source);
            return this;
        }

        public Builder addSources(Collection<Path> more) {
            sources.addAll(more);
            return this;
        }

        public Builder addIncludeDirectory(Path directory) {
            includeDirectories.add(directory);
            return this;
        }

        public Builder addIncludeDirectories(Collection<Path> directories) {
            includeDirectories.addAll(directories);
            return this;
        }

        public Builder addFlags(Collection<String> more) {
            flags.addAll(more);
            return this;
        }

        public Builder optLinkerScript(Path script) {
            this.linkerScript = script;
            return this;
        }

        public Builder addLibraryDirectory(Path directory) {
            libraryDirectories.add(directory);
            return this;
        }

        public Builder addLinkerFlags(Collection<String> more) {
            linkerFlags.addAll(more);
            return this;
        }

        public Builder addLibrary(String library) {
            libraries.add(library);
            return this;
        }

        public Builder optMapFile(boolean write) {
            this.mapFile = write;
            return this;
        }

        public CompileRequest build() {
            if (outputName == null || outputName.isBlank()) {
                throw new IllegalArgumentException("a compile request needs an output name");
            }
            if (!outputName.matches("[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("output name must be a plain file name, got '" + outputName + "'");
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("a compile request needs at least one source file");
            }
            List<String> names =
                    sources.stream().map(CompileRequest::objectName).toList();
            for (int i = 0; i < names.size(); i++) {
                if (names.indexOf(names.get(i)) != i) {
                    throw new IllegalArgumentException("two sources would produce the same object file " + names.get(i)
                            + ": " + sources.get(names.indexOf(names.get(i))) + " and " + sources.get(i));
                }
            }
            return new CompileRequest(this);
        }
    }

    /** The object file gcc -c writes for a source: its file name with the extension replaced by .o. */
    static String objectName(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".o";
    }
}
