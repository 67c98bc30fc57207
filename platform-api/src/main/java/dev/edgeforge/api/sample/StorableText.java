package dev.edgeforge.api.sample;

import dev.edgeforge.core.format.labels.BoundingBox;
import dev.edgeforge.core.sample.Sensor;
import java.util.List;
import java.util.Map;

/**
 * Text a sample row can hold. PostgreSQL's {@code text} and {@code jsonb} refuse U+0000 (NUL), so a file whose
 * names, units, device or labels hold one is refused as malformed before anything of it is stored, instead of
 * failing at the insert after its object was written (which answered 409 "conflict" and left the object behind).
 * No sensor, device, label or sample name needs a NUL.
 */
final class StorableText {

    private StorableText() {}

    /** @throws SampleFileViolation {@code sample-malformed} naming the file, the field and the value */
    static void require(String fileName, String what, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new SampleFileViolation(
                    SampleFileViolation.MALFORMED,
                    fileName + ": " + what + " '" + value.replace("\0", "\\u0000")
                            + "' holds a NUL character (U+0000), which cannot be stored");
        }
    }

    /** Every text of a new sample row. */
    static void requireAll(
            String fileName,
            String name,
            String label,
            List<Sensor> sensors,
            String deviceName,
            String deviceType,
            Map<String, String> metadata,
            List<BoundingBox> boxes) {
        require(fileName, "the sample name", name);
        require(fileName, "the label", label);
        for (Sensor sensor : sensors) {
            require(fileName, "the sensor name", sensor.name());
            require(fileName, "the units of sensor '" + sensor.name() + "'", sensor.units());
        }
        require(fileName, "the device name", deviceName);
        require(fileName, "the device type", deviceType);
        metadata.forEach((key, value) -> {
            require(fileName, "the metadata key", key);
            require(fileName, "the metadata value of '" + key + "'", value);
        });
        for (BoundingBox box : boxes) {
            require(fileName, "the bounding box label", box.label());
        }
    }
}
