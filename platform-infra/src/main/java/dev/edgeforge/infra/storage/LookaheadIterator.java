package dev.edgeforge.infra.storage;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over a listing that finds its next element only when asked: the stores' listings page or walk lazily,
 * so a large listing never sits in memory.
 *
 * @param <T> the element
 */
abstract class LookaheadIterator<T> implements Iterator<T> {

    private T next;

    /** The next element, or null when there is none left. */
    protected abstract T advance();

    /** Forgets the element found but not yet returned (after closing the source). */
    protected final void drop() {
        next = null;
    }

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T result = next;
        next = null;
        return result;
    }
}
