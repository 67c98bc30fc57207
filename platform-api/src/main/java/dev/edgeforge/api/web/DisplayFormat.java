package dev.edgeforge.api.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formatting helpers for templates, used as {@code ${@fmt.instant(x)}}. Times are shown in UTC. */
@Component("fmt")
public class DisplayFormat {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String instant(Instant instant) {
        return instant == null ? "" : INSTANT.format(instant);
    }

    public String instantOr(Instant instant, String fallback) {
        return instant == null ? fallback : INSTANT.format(instant);
    }
}
