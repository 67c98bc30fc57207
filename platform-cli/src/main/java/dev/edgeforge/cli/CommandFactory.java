package dev.edgeforge.cli;

import dev.edgeforge.cli.session.Terminal;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds commands through their constructor that takes the {@link Terminal}; picocli's default otherwise. */
final class CommandFactory implements CommandLine.IFactory {

    private final Terminal terminal;

    CommandFactory(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withTerminal;
        try {
            withTerminal = type.getDeclaredConstructor(Terminal.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        return withTerminal.newInstance(terminal);
    }
}
