package dev.edgeforge.core.dsp;

/**
 * One refused setting: the field it concerns (dotted path, e.g. {@code mfe.fftLength}) and a sentence saying why.
 *
 * @param field   the parameter's path as a user sees it in the impulse JSON
 * @param message why the value is refused and, where possible, what would be accepted
 */
public record ParameterError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
