package dev.edgeforge.core.format.labels;

/** A file name from which a label rule gets no label (the pattern does not match it, or takes too long on it). */
public class NoLabelInFileNameException extends RuntimeException {

    public NoLabelInFileNameException(String message) {
        super(message);
    }
}
