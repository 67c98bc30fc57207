package dev.edgeforge.core.format.ei;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.ParsedSample;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.hostile.Mutant;
import dev.edgeforge.core.hostile.Mutations;
import dev.edgeforge.core.hostile.ParseGuard;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile Edge Impulse messages, 10,000 JSON and 10,000 CBOR, through {@link SampleParsers} with an HMAC key (so
 * signed ones are verified): each is read or refused with a {@link SampleFormatException}, within a second of CPU
 * and a bounded allocation, and {@link EiSignatureVerifier#verify(byte[], String)} answers every one of them without
 * throwing. Besides byte-level mutations of valid signed and unsigned messages: nesting thousands of levels deep,
 * giant declared CBOR lengths (strings, byte strings, arrays, maps), long tag chains, invalid UTF-8, numbers beyond
 * every range, and broken signatures (empty with {@code alg: HS256}, escaped, wrong length, another algorithm).
 */
class EiHostileInputTest {

    static final String KEY = "hostile-hmac-key";
    private static final ParseGuard GUARD = ParseGuard.forParser(SampleFormatException.class);
    private static final SampleParseOptions OPTIONS =
            SampleParseOptions.defaults().withHmacKey(KEY);
    private static final SampleData ACC = SampleData.builder()
            .setSensors(List.of(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"), new Sensor("accZ", "m/s2")))
            .setIntervalMs(16)
            .setValues(new float[][] {{1, -2, 3.5f}, {0.25f, 9.81f, -1e-3f}, {7, 8, 9}})
            .optDeviceName("ac:87:a3:0a:2d:1b")
            .optDeviceType("NICLA_VISION")
            .build();
    private static final SampleData MONO = SampleData.builder()
            .setSensors(List.of(new Sensor("audio", "wav")))
            .setIntervalMs(0.0625)
            .setValues(new float[][] {{0, 300, -300, 32767, -32768}})
            .build();

    @Property(tries = 10_000)
    void everyHostileJsonMessageIsReadOrRefusedWithinBounds(@ForAll("hostileJson") Mutant message) {
        check("hostile.json", message);
    }

    @Property(tries = 10_000)
    void everyHostileCborMessageIsReadOrRefusedWithinBounds(@ForAll("hostileCbor") Mutant message) {
        check("hostile.cbor", message);
    }

    private static void check(String name, Mutant message) {
        ParseGuard.Outcome outcome = GUARD.run(message, bytes -> SampleParsers.parse(name, bytes, OPTIONS));
        if (outcome.accepted()) {
            ParsedSample parsed = (ParsedSample) outcome.value();
            assertThat(parsed.data().length()).isPositive();
            // an accepted signed message was verified with the key: a mutation cannot slip through unsigned
            assertThat(parsed.signatureStatus())
                    .hasValueSatisfying(status ->
                            assertThat(status).isIn(EiSignatureStatus.VERIFIED, EiSignatureStatus.NOT_SIGNED));
        } else {
            assertThat(outcome.rejection().getMessage()).startsWith(name + ": ");
        }
        ParseGuard.Outcome verified = GUARD.run(message, bytes -> EiSignatureVerifier.verify(bytes, KEY));
        assertThat(verified.accepted())
                .as("the verifier answers, it does not throw")
                .isTrue();
        Statistics.label("outcome").collect(outcome.kind());
        Statistics.label("outcome")
                .coverage(coverage -> coverage.check("accepted").count(n -> n > 0));
    }

    @Provide
    Arbitrary<Mutant> hostileJson() {
        List<Mutant> seeds = List.of(
                new Mutant(
                        "signed JSON",
                        EiAcquisitionWriter.writeJson(ACC, EiSigning.hs256(KEY).withIssuedAt(1_700_000_000L))),
                new Mutant("unsigned JSON", EiAcquisitionWriter.writeJson(ACC, EiSigning.none())),
                new Mutant("signed mono JSON", EiAcquisitionWriter.writeJson(MONO, EiSigning.hs256(KEY))));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Mutations.of(seeds)),
                Tuple.of(1, Arbitraries.randomValue(EiHostileInputTest::maliciousJson)));
    }

    @Provide
    Arbitrary<Mutant> hostileCbor() {
        List<Mutant> seeds = List.of(
                new Mutant("signed CBOR", EiAcquisitionWriter.writeCbor(ACC, EiSigning.hs256(KEY))),
                new Mutant("unsigned CBOR", EiAcquisitionWriter.writeCbor(ACC, EiSigning.none())),
                new Mutant(
                        "signed binary i16 CBOR",
                        EiAcquisitionWriter.writeCborBinary(MONO, EiBinaryType.I16, EiSigning.hs256(KEY))),
                new Mutant(
                        "unsigned binary f32 CBOR",
                        EiAcquisitionWriter.writeCborBinary(ACC, EiBinaryType.F32, EiSigning.none())));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Mutations.of(seeds)),
                Tuple.of(1, Arbitraries.randomValue(EiHostileInputTest::maliciousCbor)));
    }

    /** A message built around one weakness of JSON readers. */
    private static Mutant maliciousJson(Random random) {
        int depth = 65 + random.nextInt(8_000);
        return switch (random.nextInt(9)) {
            case 0 ->
                json(
                        depth + " nested arrays as values",
                        "none",
                        "0",
                        "\"interval_ms\":1," + "\"sensors\":[{\"name\":\"a\"}],\"values\":" + "[".repeat(depth)
                                + "]".repeat(depth));
            case 1 ->
                json(
                        depth + " nested objects in an unknown field",
                        "none",
                        "0",
                        "\"x\":"
                                + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + ",\"interval_ms\":1,"
                                + "\"sensors\":[{\"name\":\"a\"}],\"values\":[1]");
            case 2 -> text(depth + " nested arrays at the top", "[".repeat(depth) + "]".repeat(depth));
            case 3 -> {
                String[] numbers = {
                    "1e999999999",
                    "-" + "9".repeat(depth),
                    "0." + "0".repeat(depth) + "1",
                    "1e-400",
                    "3.5e38",
                    "-0",
                    "NaN",
                    "Infinity",
                    "0x10",
                    "1" + "0".repeat(depth % 400)
                };
                String n = numbers[random.nextInt(numbers.length)];
                boolean interval = random.nextBoolean();
                yield json(
                        "the number " + abbreviate(n) + (interval ? " as interval" : " as a value"),
                        "none",
                        "0",
                        "\"interval_ms\":" + (interval ? n : "1") + ",\"sensors\":[{\"name\":\"a\"}],\"values\":["
                                + (interval ? "1" : n) + "]");
            }
            case 4 -> {
                byte[][] invalid = {
                    {(byte) 0xC3, '('},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xF8},
                    {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xFF},
                    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
                };
                byte[] message = EiAcquisitionWriter.writeJson(ACC, EiSigning.none());
                int at = EiTestMessages.indexOf(message, "accY".getBytes(StandardCharsets.US_ASCII)) + 2;
                yield new Mutant(
                        "invalid UTF-8 in a sensor name",
                        Mutations.splice(message, at, 0, invalid[random.nextInt(invalid.length)]));
            }
            case 5 -> {
                String[] escapes = {"\\u0000", "\\ud800", "\\udfff\\ud800", "\\u", "\\x41", "\\", "\\uD83D\\uDE00"};
                String e = escapes[random.nextInt(escapes.length)];
                yield json(
                        "the escape " + e + " in a name",
                        "none",
                        "0",
                        "\"device_name\":\"d" + e + "\","
                                + "\"interval_ms\":1,\"sensors\":[{\"name\":\"a" + e + "\",\"units\":\"" + e + "\"}],"
                                + "\"values\":[1]");
            }
            case 6 -> {
                StringBuilder sensors = new StringBuilder();
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    sensors.append(i == 0 ? "" : ",")
                            .append("{\"name\":\"s")
                            .append(i)
                            .append("\"}");
                    row.append(i == 0 ? "" : ",").append(i % 10);
                }
                yield json(
                        depth + " sensors",
                        "none",
                        "0",
                        "\"interval_ms\":1,\"sensors\":[" + sensors + "],\"values\":[[" + row + "],[" + row + "]]");
            }
            case 7 ->
                json(
                        "a sensor name of " + depth * 20 + " characters",
                        "none",
                        "0",
                        "\"interval_ms\":1," + "\"sensors\":[{\"name\":\"" + "n".repeat(depth * 20)
                                + "\"}],\"values\":[1,2]");
            default -> {
                String[][] signatures = {
                    {"HS256", ""},
                    {"HS256", "0".repeat(63)},
                    {"HS256", "g".repeat(64)},
                    {"HS256", "\\u0030".repeat(64)},
                    {"HS512", "0".repeat(64)},
                    {"hs256", "A".repeat(64)},
                    {"none", "f".repeat(64)},
                    {"", ""},
                    {"HS256", "0".repeat(64) + "0"}
                };
                String[] s = signatures[random.nextInt(signatures.length)];
                yield json(
                        "alg '" + s[0] + "' with signature '" + abbreviate(s[1]) + "'",
                        s[0],
                        s[1],
                        "\"interval_ms\":1,\"sensors\":[{\"name\":\"a\"}],\"values\":[1,2]");
            }
        };
    }

    private static Mutant json(String how, String alg, String signature, String payloadFields) {
        return text(
                how,
                "{\"protected\":{\"ver\":\"v1\",\"alg\":\"" + alg + "\"},\"signature\":\"" + signature
                        + "\",\"payload\":{" + payloadFields + "}}");
    }

    /** A message built around one weakness of CBOR readers. */
    private static Mutant maliciousCbor(Random random) {
        int depth = 65 + random.nextInt(8_000);
        return switch (random.nextInt(7)) {
            case 0 -> {
                TestCbor c = TestCbor.deviceHeader("none", "", "int-10", "a", "u");
                for (int i = 0; i < depth; i++) {
                    c.bytes(0x81);
                }
                yield new Mutant(
                        depth + " nested arrays as values", c.bytes(0x01).build());
            }
            case 1 -> {
                TestCbor c = new TestCbor().map(1).text("x");
                for (int i = 0; i < depth; i++) {
                    c.bytes(random.nextBoolean() ? 0xBF : 0x9F).bytes(0x61, 'k');
                }
                yield new Mutant(depth + " nested indefinite containers", c.build());
            }
            case 2 -> {
                int[][] heads = {
                    {0x7A, 0x7F, 0xFF, 0xFF, 0xFF},
                    {0x7B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
                    {0x5A, 0xFF, 0xFF, 0xFF, 0xFF},
                    {0x5B, 0, 0, 0, 1, 0, 0, 0, 0},
                    {0x9A, 0x7F, 0xFF, 0xFF, 0xFF},
                    {0x9B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
                    {0xBA, 0x10, 0, 0, 0},
                    {0xBB, 0, 0, 0, 0, 0x7F, 0xFF, 0xFF, 0xFF},
                    {0x7F, 0x7A, 0x7F, 0xFF, 0xFF, 0xFF}
                };
                int[] head = heads[random.nextInt(heads.length)];
                int place = random.nextInt(3);
                TestCbor c;
                if (place == 0) {
                    c = TestCbor.upToSignature("none").bytes(head);
                } else {
                    c = TestCbor.unsignedUpToInterval(4)
                            .bytes(1)
                            .oneSensorUpToValues("a")
                            .array(1)
                            .bytes(1);
                    if (place == 1) {
                        c.text("device_name").bytes(head);
                    } else {
                        c.bytes(head); // as a field name
                    }
                }
                c.bytes(0x61, 'x', 0x61, 'y');
                yield new Mutant(
                        String.format(
                                "a declared length 0x%02X%02X… as %s",
                                head[0],
                                head[1],
                                new String[] {"the signature", "the device name", "a field name"}[place]),
                        c.build());
            }
            case 3 -> {
                TestCbor c = TestCbor.deviceHeader("none", "", "int-10", "a", "u");
                for (int i = 0; i < depth; i++) {
                    c.bytes(random.nextBoolean() ? 0xC6 : 0xD8, 0x20);
                }
                yield new Mutant(
                        depth + " tags before the values",
                        c.array(1).bytes(0x01).build());
            }
            case 4 -> {
                int[][] invalid = {
                    {0x62, 0xC3, 0x28},
                    {0x63, 0xED, 0xA0, 0x80},
                    {0x61, 0xFF},
                    {0x62, 0xC0, 0xAF},
                    {0x7F, 0x61, 0xC3, 0x61, 0xA9, 0xFF}
                };
                TestCbor c = TestCbor.unsignedUpToInterval(3)
                        .bytes(1)
                        .text("sensors")
                        .array(1)
                        .map(1)
                        .text("name")
                        .bytes(invalid[random.nextInt(invalid.length)])
                        .text("values")
                        .array(1)
                        .bytes(1);
                yield new Mutant("invalid UTF-8 in a sensor name", c.build());
            }
            case 5 -> {
                String[] refs = {
                    "Ref-BINARY-i16",
                    "Ref-BINARY-f32",
                    "Ref-BINARY-u16",
                    "Ref-BINARY-i8",
                    "ref-binary-",
                    "Ref-BINARY-f32" + " ".repeat(200)
                };
                String ref = refs[random.nextInt(refs.length)];
                int trailing = random.nextInt(40);
                byte[] tail = new byte[trailing];
                random.nextBytes(tail);
                TestCbor c = TestCbor.deviceHeader(
                                "none", "", random.nextBoolean() ? "half-0.0625" : "int-10", "a", "u", "b", "u")
                        .bytes(0x9F);
                byte[] refBytes = ref.getBytes(StandardCharsets.US_ASCII);
                c.bytes(0x78, refBytes.length).raw(refBytes).bytes(0xFF).raw(tail);
                yield new Mutant("values '" + ref.strip() + "' and " + trailing + " raw bytes", c.build());
            }
            default -> {
                int[] bignum = new int[3 + 64];
                bignum[0] = 0xC2; // tag 2, a positive bignum of 64 bytes
                bignum[1] = 0x58;
                bignum[2] = 0x40;
                Arrays.fill(bignum, 3, bignum.length, 0xFF);
                int[][] numbers = {
                    {0xF9, 0x7E, 0x00},
                    {0xF9, 0x7C, 0x00},
                    {0xFA, 0x7F, 0x80, 0, 0},
                    {0xFB, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0},
                    {0x3B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
                    bignum,
                    {0xF9, 0x00, 0x01},
                    {0xFA, 0x7F, 0x7F, 0xFF, 0xFF}
                };
                int[] n = numbers[random.nextInt(numbers.length)];
                TestCbor c = TestCbor.unsignedUpToInterval(3)
                        .bytes(n)
                        .oneSensorUpToValues("a")
                        .array(2)
                        .bytes(n)
                        .bytes(1);
                yield new Mutant(String.format("the number 0x%02X%02X… as interval and value", n[0], n[1]), c.build());
            }
        };
    }

    private static Mutant text(String how, String text) {
        return new Mutant(how, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 20) + "…(" + s.length() + ")";
    }
}
