package dev.edgeforge.firmware.qemu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Host side of the EdgeForge serial line protocol ({@code src/main/c/boards/PROTOCOL.md}) over a
 * {@link QemuSession}: wait for the banner, run inputs, quit.
 */
public final class SerialProtocolClient {

    private final QemuSession session;
    private final Duration answerTimeout;
    private DeviceBanner banner;
    private boolean frames = true;

    /** @param answerTimeout how long one answer (one inference) may take */
    public SerialProtocolClient(QemuSession session, Duration answerTimeout) {
        this.session = session;
        this.answerTimeout = answerTimeout;
    }

    /**
     * Sends inputs and windows as hex text lines even to images that take binary frames: the protocol before frames,
     * for comparisons (benchmarks) and for tests of the text commands.
     */
    public SerialProtocolClient textLinesOnly() {
        frames = false;
        return this;
    }

    /**
     * Reads the banner, the optional {@code boot} result and {@code ready}.
     *
     * @throws SerialProtocolViolation when the firmware prints something else
     */
    public DeviceBanner awaitReady() {
        String first = session.readLine(answerTimeout);
        Map<String, String> fields = fields(first, "edgeforge");
        Optional<InferenceResult> boot = Optional.empty();
        String line = session.readLine(answerTimeout);
        if (line.startsWith("boot ")) {
            boot = Optional.of(parseResult(line, "boot", fields.get("counter")));
            line = session.readLine(answerTimeout);
        }
        if (line.startsWith("error ")) {
            throw deviceError(line);
        }
        if (!line.equals("ready")) {
            throw new SerialProtocolViolation("'ready'", line);
        }
        banner = new DeviceBanner(
                required(fields, "board", first),
                decodeToken(required(fields, "model", first)),
                integer(fields, "input", first),
                integer(fields, "output", first),
                required(fields, "counter", first),
                fields,
                boot);
        return banner;
    }

    /**
     * Runs the model on one int8 input tensor.
     *
     * @throws DeviceErrorException when the firmware answers with an error
     */
    public InferenceResult run(byte[] input) {
        requireReady();
        String answer = frames && banner.frameChunk().isPresent()
                ? sendFrame(BinaryFrame.INPUT, input, banner.frameChunk().getAsInt())
                : exchange("run " + HexFormat.of().formatHex(input));
        if (answer.startsWith("error ")) {
            throw deviceError(answer);
        }
        InferenceResult result = parseResult(answer, "result", banner.counterUnit());
        if (result.output().length != banner.outputBytes()) {
            throw new SerialProtocolViolation(banner.outputBytes() + " output values", answer);
        }
        return result;
    }

    /**
     * Runs the impulse (DSP block and model) on one raw window, in the bytes the banner's {@code window=} size
     * announces (float32 little-endian values, or the camera frame).
     *
     * @throws DeviceErrorException when the firmware answers with an error (e.g. it was built without an impulse)
     */
    public InferenceResult classifyWindow(byte[] window) {
        requireReady();
        String answer = frames && banner.frameChunk().isPresent()
                ? sendFrame(BinaryFrame.WINDOW, window, banner.frameChunk().getAsInt())
                : exchange("window " + HexFormat.of().formatHex(window));
        if (answer.startsWith("error ")) {
            throw deviceError(answer);
        }
        InferenceResult result = parseResult(answer, "result", banner.counterUnit());
        if (result.output().length != banner.outputBytes()) {
            throw new SerialProtocolViolation(banner.outputBytes() + " output values", answer);
        }
        return result;
    }

    /**
     * Runs the batch QEMU's loader wrote into the image's free flash ({@code batch}, PROTOCOL.md "Batches in flash"):
     * gives each item's result to {@code results} as it arrives, in the batch's order, so the items answered before a
     * failure are kept.
     *
     * @throws DeviceErrorException when the device refuses the batch (none, damaged, wrong size) or an item fails
     */
    public void batch(int count, Consumer<InferenceResult> results) {
        requireReady();
        String answer = exchange("batch");
        if (answer.startsWith("error ")) {
            throw deviceError(answer);
        }
        if (!answer.equals("batch " + count)) {
            throw new SerialProtocolViolation("'batch " + count + "'", answer);
        }
        for (int i = 0; i < count; i++) {
            String line = session.readLine(answerTimeout);
            if (line.startsWith("error ")) {
                throw deviceError(line);
            }
            InferenceResult result = parseResult(line, "result", banner.counterUnit());
            if (result.output().length != banner.outputBytes()) {
                throw new SerialProtocolViolation(banner.outputBytes() + " output values", line);
            }
            results.accept(result);
        }
    }

    /**
     * Asks {@code info} for the deepest the stack has been so far ({@code stack=}); empty when the image does not
     * measure it.
     */
    public OptionalLong stackBytes() {
        requireReady();
        String answer = exchange("info");
        String value = fields(answer, "info").get("stack");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new SerialProtocolViolation("a number in 'stack='", answer);
        }
    }

    /**
     * Sends one binary frame (PROTOCOL.md): the header, then each chunk of the payload once the device has
     * acknowledged the bytes before it ({@code ack <n>}: flow control, so a device that reads slowly loses nothing),
     * then the CRC; returns the answer to the frame (a result or an error line).
     */
    String sendFrame(char kind, byte[] payload, int chunk) {
        session.send(BinaryFrame.header(kind, payload.length));
        int sent = 0;
        while (true) {
            String answer = session.readLine(answerTimeout);
            if (!answer.equals("ack " + sent)) {
                if (answer.startsWith("ack ")) {
                    throw new SerialProtocolViolation("'ack " + sent + "'", answer);
                }
                return answer; // an error for the header
            }
            int end = Math.min(payload.length, sent + chunk);
            byte[] part = Arrays.copyOfRange(payload, sent, end);
            sent = end;
            if (sent == payload.length) {
                byte[] trailer = BinaryFrame.trailer(payload);
                byte[] last = Arrays.copyOf(part, part.length + trailer.length);
                System.arraycopy(trailer, 0, last, part.length, trailer.length);
                session.send(last);
                return session.readLine(answerTimeout);
            }
            session.send(part);
        }
    }

    /** Sends a raw line and returns the one answer line (for diagnostics and protocol tests). */
    public String exchange(String line) {
        session.sendLine(line);
        return session.readLine(answerTimeout);
    }

    /** Sends {@code quit} and expects {@code bye}; the caller then awaits QEMU's exit. */
    public void quit() {
        String answer = exchange("quit");
        if (!answer.equals("bye")) {
            throw new SerialProtocolViolation("'bye'", answer);
        }
    }

    private void requireReady() {
        if (banner == null) {
            throw new IllegalStateException("awaitReady() first: the firmware has not announced itself yet");
        }
    }

    /**
     * {@code <label> <v0> … <unit>=<count> [dsp=<count>]}: the values, then {@code key=value} fields, the counter's
     * first (fields after it that this version does not know are ignored).
     */
    static InferenceResult parseResult(String line, String label, String counterUnit) {
        String[] tokens = line.trim().split(" ");
        if (tokens.length < 2 || !tokens[0].equals(label)) {
            throw new SerialProtocolViolation("'" + label + " <values> " + counterUnit + "=<count>'", line);
        }
        int firstField = 1;
        while (firstField < tokens.length && tokens[firstField].indexOf('=') < 0) {
            firstField++;
        }
        String prefix = counterUnit + "=";
        if (firstField == tokens.length || !tokens[firstField].startsWith(prefix)) {
            throw new SerialProtocolViolation("'" + prefix + "<count>' after the values", line);
        }
        byte[] output = new byte[firstField - 1];
        try {
            for (int i = 0; i < output.length; i++) {
                int value = Integer.parseInt(tokens[i + 1]);
                if (value < -128 || value > 127) {
                    throw new SerialProtocolViolation("int8 values", line);
                }
                output[i] = (byte) value;
            }
            long count = Long.parseLong(tokens[firstField].substring(prefix.length()));
            OptionalLong dsp = OptionalLong.empty();
            for (int i = firstField + 1; i < tokens.length; i++) {
                if (tokens[i].startsWith("dsp=")) {
                    long value = Long.parseLong(tokens[i].substring("dsp=".length()));
                    if (value < 0 || value > count) {
                        throw new SerialProtocolViolation("a 'dsp=' count within the total", line);
                    }
                    dsp = OptionalLong.of(value);
                }
            }
            return new InferenceResult(output, count, counterUnit, dsp);
        } catch (NumberFormatException e) {
            throw new SerialProtocolViolation("decimal numbers", line);
        }
    }

    private static Map<String, String> fields(String line, String label) {
        String[] tokens = line.trim().split(" ");
        if (!tokens[0].equals(label)) {
            throw new SerialProtocolViolation("the '" + label + " board=… model=…' banner", line);
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int equals = tokens[i].indexOf('=');
            if (equals > 0) {
                fields.put(tokens[i].substring(0, equals), tokens[i].substring(equals + 1));
            }
        }
        return fields;
    }

    /**
     * Undoes the device's token encoding of text (PROTOCOL.md): {@code %XX} is the byte XX; the bytes are UTF-8. A
     * {@code %} not followed by two hex digits stays as it is.
     */
    static String decodeToken(String token) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '%'
                    && i + 2 < token.length()
                    && hexDigit(token.charAt(i + 1)) >= 0
                    && hexDigit(token.charAt(i + 2)) >= 0) {
                bytes.write(hexDigit(token.charAt(i + 1)) * 16 + hexDigit(token.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c & 0xFF); // the line was read byte per char (ISO-8859-1)
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hexDigit(char c) {
        return Character.digit(c, 16);
    }

    private static String required(Map<String, String> fields, String key, String line) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new SerialProtocolViolation("a '" + key + "=' field in the banner", line);
        }
        return value;
    }

    private static int integer(Map<String, String> fields, String key, String line) {
        try {
            return Integer.parseInt(required(fields, key, line));
        } catch (NumberFormatException e) {
            throw new SerialProtocolViolation("a number in '" + key + "='", line);
        }
    }

    private static DeviceErrorException deviceError(String line) {
        String rest = line.substring("error ".length());
        int space = rest.indexOf(' ');
        return space < 0
                ? new DeviceErrorException(rest, "")
                : new DeviceErrorException(rest.substring(0, space), rest.substring(space + 1));
    }
}
