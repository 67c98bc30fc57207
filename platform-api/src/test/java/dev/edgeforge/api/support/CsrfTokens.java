package dev.edgeforge.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the CSRF token out of rendered pages, as a browser's form or script would use it. */
public final class CsrfTokens {

    private CsrfTokens() {}

    /** The hidden {@code _csrf} input Spring adds to every {@code th:action} form. */
    public static String fromForm(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("hidden _csrf input in the page").isTrue();
        return matcher.group(1);
    }

    /** The {@code <meta name="_csrf">} the layout renders for scripts. */
    public static String fromMeta(String html) {
        Matcher matcher =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("_csrf meta tag in the page").isTrue();
        return matcher.group(1);
    }
}
