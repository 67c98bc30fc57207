package dev.edgeforge.jobs.deploy;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a deployment produces. */
public enum DeploymentFormat {
    /** Portable C99 sources of the compiled model (no interpreter), its DSP block and the API; builds on any host. */
    C_LIBRARY("c-library"),
    /** A ready-to-flash image (.elf, .bin, .hex) for a board, with the sources that rebuild it. */
    FIRMWARE("firmware"),
    /** A TensorFlow Lite Micro project: the .tflite as a C array, an application, a Makefile expecting TFLM_DIR. */
    TFLM("tflm"),
    /**
     * STM32Cube.AI-compatible sources: network.c/.h, network_data(_params).c/.h, the application template
     * app_x-cube-ai.c/.h, the ai_platform.h API they use, and an Example/ that builds the verified image.
     */
    STM32CUBEAI("stm32cubeai");

    /**
     * The formats the firmware builder of this version produces; the server refuses the others when a deployment is
     * requested, so no job is queued that its worker would fail.
     */
    public static final Set<DeploymentFormat> AVAILABLE =
            Collections.unmodifiableSet(EnumSet.allOf(DeploymentFormat.class));

    private final String id;

    DeploymentFormat(String id) {
        this.id = id;
    }

    /** The id used in the REST API and in file names. */
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the known formats when {@code id} is none of them */
    public static DeploymentFormat fromId(String id) {
        return Arrays.stream(values())
                .filter(format -> format.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown deployment format '" + id + "'; known: "
                        + Arrays.stream(values()).map(DeploymentFormat::id).collect(Collectors.joining(", "))));
    }
}
