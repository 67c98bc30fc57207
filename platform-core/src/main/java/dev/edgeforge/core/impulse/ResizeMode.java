package dev.edgeforge.core.impulse;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an image of another aspect ratio is brought to the input size. */
public enum ResizeMode {
    /** Scale each axis on its own: the whole picture, distorted. */
    @JsonProperty("squash")
    SQUASH,
    /** Scale so the shorter side fits, crop the centre of the longer one. */
    @JsonProperty("fit-shortest")
    FIT_SHORTEST,
    /** Scale so the longer side fits, pad the shorter one with black, centred (letterbox). */
    @JsonProperty("fit-longest")
    FIT_LONGEST
}
