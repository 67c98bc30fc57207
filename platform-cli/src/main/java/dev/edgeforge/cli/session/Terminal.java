package dev.edgeforge.cli.session;

import java.io.Console;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What a command reads and writes: the environment, standard input, output (results scripts read) and error (logs,
 * progress, messages), and whether a person watches (a terminal: progress bars, password prompts). Tests build one
 * with their own streams and variables; {@link #system()} is the process's.
 */
public final class Terminal {

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Console console;

    public Terminal(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
        this(env, in, out, err, null);
    }

    private Terminal(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err, Console console) {
        this.env = Map.copyOf(env);
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    /** The process's environment and streams; interactive when a console is attached and TERM is not "dumb". */
    public static Terminal system() {
        Console console = System.console();
        boolean interactive = console != null && !"dumb".equals(System.getenv("TERM"));
        return new Terminal(
                System.getenv(),
                System.in,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                interactive ? console : null);
    }

    /** A variable's value, when it is set and not blank. */
    public Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public InputStream in() {
        return in;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Whether a person watches: progress bars redraw in place, passwords may be asked for. */
    public boolean interactive() {
        return console != null;
    }

    /** Asks for a secret without echo; empty when no person is there to ask. */
    public Optional<char[]> readSecret(String prompt) {
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    }
}
