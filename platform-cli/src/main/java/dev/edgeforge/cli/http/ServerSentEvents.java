package dev.edgeforge.cli.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Predicate;

/** A reader of {@code text/event-stream} bodies (the HTML Living Standard's event stream format). */
public final class ServerSentEvents {

    private ServerSentEvents() {}

    /**
     * One event.
     *
     * @param name the {@code event:} field, {@code message} when absent
     * @param id   the last {@code id:} field seen on the stream (the standard keeps it across events), or null
     * @param data the {@code data:} lines joined by newlines
     */
    public record Event(String name, String id, String data) {}

    /**
     * Reads events and hands each to {@code handler} until the stream ends or the handler answers false.
     *
     * @return whether the handler stopped the reading (false: the stream ended first)
     */
    public static boolean read(BufferedReader reader, Predicate<Event> handler) throws IOException {
        String name = null;
        String id = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null && !handler.test(new Event(name == null ? "message" : name, id, data.toString()))) {
                    return true;
                }
                name = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" ->
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                default -> {
                    // retry and unknown fields: nothing to do for a client that reconnects on its own terms
                }
            }
        }
        return false;
    }
}
