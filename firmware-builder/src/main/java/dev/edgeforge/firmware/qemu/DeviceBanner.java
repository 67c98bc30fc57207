package dev.edgeforge.firmware.qemu;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the firmware announced at boot.
 *
 * @param board the board id it was built for
 * @param model the model name, decoded from the banner's percent-encoded token
 * @param inputBytes size of the int8 input tensor
 * @param outputBytes size of the int8 output tensor
 * @param counterUnit {@code instr}, {@code ns} (QEMU without {@code -icount}) or {@code cycles}
 * @param fields every {@code key=value} of the banner, including ones this version does not know
 * @param bootResult the result of the built-in test window, when the image has one
 */
public record DeviceBanner(
        String board,
        String model,
        int inputBytes,
        int outputBytes,
        String counterUnit,
        Map<String, String> fields,
        Optional<InferenceResult> bootResult) {

    public DeviceBanner {
        fields = Map.copyOf(fields);
    }

    /**
     * Bytes of the tensor arena the image's runtime really uses ({@code arena=}), when it reports them (TFLM images
     * do: {@code arena_used_bytes()} after {@code AllocateTensors()}).
     */
    public OptionalInt arenaUsedBytes() {
        return intField("arena");
    }

    /** Bytes of one raw window for the {@code window} command, when the image was built with an impulse. */
    public OptionalInt windowBytes() {
        return intField("window");
    }

    /**
     * Payload bytes per acknowledged chunk of a binary frame ({@code frame=}), when the image takes binary frames;
     * empty for images that only read hex lines.
     */
    public OptionalInt frameChunk() {
        OptionalInt chunk = intField("frame");
        if (chunk.isPresent() && chunk.getAsInt() < 1) {
            throw new SerialProtocolViolation("a positive 'frame='", "frame=" + fields.get("frame"));
        }
        return chunk;
    }

    /** Bytes of free flash the image's {@code batch} command reads a batch from ({@code batch=}), when it has any. */
    public OptionalLong batchBytes() {
        String value = fields.get("batch");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new SerialProtocolViolation("a number in 'batch='", "batch=" + value);
        }
    }

    /** The banner's {@code key=} as a number, empty when the image does not announce it. */
    private OptionalInt intField(String key) {
        String value = fields.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new SerialProtocolViolation("a number in '" + key + "='", key + "=" + value);
        }
    }
}
