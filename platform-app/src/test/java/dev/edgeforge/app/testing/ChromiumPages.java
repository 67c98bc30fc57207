package dev.edgeforge.app.testing;

import java.time.Duration;

/**
 * The server's browser-test base ({@link dev.edgeforge.api.support.ChromiumPages}) under the name the app's browser
 * tests import; they may extend the server's directly.
 */
// fully qualified: the same simple name as this class, which the app's browser tests import
public abstract class ChromiumPages extends dev.edgeforge.api.support.ChromiumPages {

    protected ChromiumPages(int width, int height, Duration patience) {
        super(width, height, patience);
    }
}
