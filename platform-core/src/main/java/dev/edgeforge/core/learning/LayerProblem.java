package dev.edgeforge.core.learning;

/**
 * One problem found in a layer list: the 0-based layer index ({@code -1} when it concerns the whole list), the
 * layer's type name and a sentence saying what is wrong.
 */
public record LayerProblem(int layerIndex, String layerType, String message) {

    /** Problem that concerns the list as a whole, not one layer. */
    public static LayerProblem ofList(String message) {
        return new LayerProblem(-1, "", message);
    }

    @Override
    public String toString() {
        return layerIndex < 0 ? message : "layer " + layerIndex + " (" + layerType + "): " + message;
    }
}
