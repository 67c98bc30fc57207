package dev.edgeforge.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.cli.http.ServerSentEvents.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    @Test
    void readsNamedEventsWithIdsAndMultiLineDataSkippingComments() throws IOException {
        String stream = ":comment\n" + "id:1\nevent:log\ndata:epoch 1\n\n"
                + "id: 2\nevent: log\ndata: first\ndata: second\n\n"
                + "data:{\"state\":\"running\"}\n\n"
                + "event:end\ndata:{}\n";
        List<Event> events = new ArrayList<>();

        boolean stopped = ServerSentEvents.read(new BufferedReader(new StringReader(stream)), events::add);

        assertThat(stopped).isFalse();
        // the last event has no blank line after it: the stream broke before it was complete; the third event
        // carries the id of the second, as the standard's "last event ID buffer" is kept until an id: replaces it
        assertThat(events)
                .containsExactly(
                        new Event("log", "1", "epoch 1"),
                        new Event("log", "2", "first\nsecond"),
                        new Event("message", "2", "{\"state\":\"running\"}"));
    }

    @Test
    void theHandlerStopsTheReading() throws IOException {
        String stream = "event:end\ndata:{}\n\nevent:log\ndata:after\n\n";
        List<Event> events = new ArrayList<>();

        boolean stopped = ServerSentEvents.read(new BufferedReader(new StringReader(stream)), event -> {
            events.add(event);
            return !event.name().equals("end");
        });

        assertThat(stopped).isTrue();
        assertThat(events).extracting(Event::name).containsExactly("end");
    }
}
