package dev.edgeforge.core.format.wav;

import static dev.edgeforge.core.format.wav.TestWav.concat;
import static dev.edgeforge.core.format.wav.TestWav.le;
import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleFormatException.Reason;
import dev.edgeforge.core.sample.AudioInfo;
import dev.edgeforge.core.sample.Sensor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class WavReaderTest {

    private static byte[] pcm16(int... samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int s : samples) {
            b.putShort((short) s);
        }
        return b.array();
    }

    private static SampleFormatException failure(byte[] wav) {
        try {
            WavReader.read(wav);
        } catch (SampleFormatException e) {
            return e;
        }
        throw new AssertionError("expected a SampleFormatException");
    }

    @Test
    void sixteenBitMonoKeepsTheRawInt16Values() {
        byte[] wav = new TestWav()
                .chunk("fmt ", TestWav.fmt(1, 1, 16000, 16))
                .chunk("data", pcm16(0, 1, -1, 32767, -32768))
                .build();
        WavAudio audio = WavReader.read(wav);
        assertThat(audio.data().sensors()).containsExactly(new Sensor("audio", "wav"));
        assertThat(audio.data().axis(0)).containsExactly(0f, 1f, -1f, 32767f, -32768f);
        assertThat(audio.data().intervalMs()).isEqualTo(1000.0 / 16000);
        assertThat(audio.data().frequencyHz()).isEqualTo(16000.0);
        assertThat(audio.data().audio()).contains(new AudioInfo(16000, 16, false));
        assertThat(audio.format()).isEqualTo(new WavFormat(false, false, 1, 16000, 16, 16, 2));
    }

    @Test
    void channelsBecomeAxes() {
        byte[] wav = new TestWav()
                .chunk("fmt ", TestWav.fmt(1, 3, 8000, 16))
                .chunk("data", pcm16(1, 2, 3, 4, 5, 6))
                .build();
        var data = WavReader.read(wav).data();
        assertThat(data.sensors()).extracting(Sensor::name).containsExactly("audio1", "audio2", "audio3");
        assertThat(data.axis(0)).containsExactly(1f, 4f);
        assertThat(data.axis(2)).containsExactly(3f, 6f);
    }

    @Test
    void otherDepthsAreScaledToTheInt16Range() {
        byte[] u8 = new TestWav()
                .chunk("fmt ", TestWav.fmt(1, 1, 8000, 8))
                .chunk("data", new byte[] {(byte) 0, (byte) 128, (byte) 255})
                .build();
        assertThat(WavReader.read(u8).data().axis(0)).containsExactly(-32768f, 0f, 32512f);

        byte[] s24 = concat(le(3, 0x7FFFFF), le(3, -0x800000), le(3, 256), le(3, -1));
        byte[] w24 = new TestWav()
                .chunk("fmt ", TestWav.fmt(1, 1, 48000, 24))
                .chunk("data", s24)
                .build();
        assertThat(WavReader.read(w24).data().axis(0)).containsExactly(8388607f / 256, -32768f, 1f, -1f / 256);

        byte[] s32 = concat(le(4, Integer.MIN_VALUE), le(4, 65536), le(4, 32768));
        byte[] w32 = new TestWav()
                .chunk("fmt ", TestWav.fmt(1, 1, 8000, 32))
                .chunk("data", s32)
                .build();
        assertThat(WavReader.read(w32).data().axis(0)).containsExactly(-32768f, 1f, 0.5f);

        ByteBuffer f32 = ByteBuffer.allocate(12)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1f)
                .putFloat(-0.5f)
                .putFloat(0.25f);
        byte[] wf = new TestWav()
                .chunk("fmt ", TestWav.fmt(3, 1, 44100, 32))
                .chunk("data", f32.array())
                .build();
        assertThat(WavReader.read(wf).data().axis(0)).containsExactly(32768f, -16384f, 8192f);
        assertThat(WavReader.read(wf).data().audio()).contains(new AudioInfo(44100, 32, true));

        ByteBuffer f64 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(-1);
        byte[] wd = new TestWav()
                .chunk("fmt ", TestWav.fmt(3, 1, 8000, 64))
                .chunk("data", f64.array())
                .build();
        assertThat(WavReader.read(wd).data().axis(0)).containsExactly(-32768f);
    }

    @Test
    void extensibleHeadersResolveToTheirSubFormat() {
        byte[] pcm = new TestWav()
                .chunk("fmt ", TestWav.extensibleFmt(1, 2, 48000, 24, 20))
                .chunk("data", concat(le(3, 256), le(3, 512)))
                .build();
        WavAudio a = WavReader.read(pcm);
        assertThat(a.format().extensible()).isTrue();
        assertThat(a.format().validBitsPerSample()).isEqualTo(20);
        assertThat(a.data().axis(1)).containsExactly(2f);
        ByteBuffer f = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f);
        byte[] flt = new TestWav()
                .chunk("fmt ", TestWav.extensibleFmt(3, 1, 16000, 32, 32))
                .chunk("data", f.array())
                .build();
        assertThat(WavReader.read(flt).data().axis(0)).containsExactly(16384f);
        byte[] oddGuid = TestWav.extensibleFmt(1, 1, 8000, 16, 16);
        oddGuid[39] = 0x11;
        assertThat(failure(new TestWav()
                                .chunk("fmt ", oddGuid)
                                .chunk("data", pcm16(1))
                                .build())
                        .reason())
                .isEqualTo(Reason.UNSUPPORTED);
    }

    @Test
    void unknownChunksAreSkippedWithOddPaddingAndFmtMayFollowData() {
        byte[] wav = new TestWav()
                .chunk("LIST", new byte[] {1, 2, 3}) // odd: followed by a pad byte
                .chunk("data", pcm16(7, 8))
                .chunk("fact", le(4, 2))
                .chunk("fmt ", TestWav.fmt(1, 1, 8000, 16))
                .build();
        assertThat(WavReader.read(wav).data().axis(0)).containsExactly(7f, 8f);
        // bytes after the RIFF chunk are ignored
        byte[] trailing = concat(
                new TestWav()
                        .chunk("fmt ", TestWav.fmt(1, 1, 8000, 16))
                        .chunk("data", pcm16(5))
                        .build(),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(WavReader.read(trailing).data().axis(0)).containsExactly(5f);
        // a damaged chunk after fmt and data does not spoil the audio
        byte[] damagedTail = new TestWav()
                .chunk("fmt ", TestWav.fmt(1, 1, 8000, 16))
                .chunk("data", pcm16(5))
                .chunk("LIST", 1000, new byte[] {1, 2})
                .build();
        assertThat(WavReader.read(damagedTail).data().axis(0)).containsExactly(5f);
    }

    @Test
    void malformedFilesGetClearErrors() {
        byte[] fmt16 = TestWav.fmt(1, 1, 8000, 16);
        assertThat(failure(new byte[] {'R', 'I', 'F', 'F'}).getMessage()).contains("too short");
        assertThat(failure("RIFF\0\0\0\0AVI LIST\0\0\0\0".getBytes()).getMessage())
                .contains("not a RIFF/WAVE");
        assertThat(failure("RIFX\0\0\0\0WAVEfmt ".getBytes()).reason()).isEqualTo(Reason.UNSUPPORTED);
        assertThat(failure(new TestWav().chunk("data", pcm16(1)).build()).getMessage())
                .contains("no 'fmt' chunk");
        assertThat(failure(new TestWav().chunk("fmt ", fmt16).build()).getMessage())
                .contains("no 'data' chunk");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", fmt16)
                                .chunk("data", 4_000_000_000L, pcm16(1, 2))
                                .build())
                        .getMessage())
                .contains(
                        "'data' chunk at offset 36 declares 4000000000 bytes but only 4 remain" + " (truncated file)");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", fmt16)
                                .chunk("data", new byte[] {1, 2, 3})
                                .build())
                        .getMessage())
                .contains("'data' chunk of 3 bytes is not a whole number of 2-byte frames");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", fmt16)
                                .chunk("data", new byte[0])
                                .build())
                        .getMessage())
                .contains("no audio frames");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", TestWav.fmt(1, 0, 8000, 16))
                                .chunk("data", pcm16(1))
                                .build())
                        .getMessage())
                .contains("zero channels");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", TestWav.fmt(1, 2, 8000, 16, 3))
                                .chunk("data", pcm16(1))
                                .build())
                        .getMessage())
                .contains("block align 3 does not match 2 channels of 16 bits (expected 4)");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", TestWav.fmt(1, 1, 0, 16))
                                .chunk("data", pcm16(1))
                                .build())
                        .getMessage())
                .contains("sample rate 0 Hz");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", TestWav.fmt(2, 1, 8000, 4, 1))
                                .chunk("data", pcm16(1))
                                .build())
                        .getMessage())
                .contains("format tag 0x0002 is not supported");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", TestWav.fmt(1, 1, 8000, 12, 2))
                                .chunk("data", pcm16(1))
                                .build())
                        .getMessage())
                .contains("12-bit integer PCM is not supported");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", Arrays.copyOf(fmt16, 14))
                                .chunk("data", pcm16(1))
                                .build())
                        .getMessage())
                .contains("shorter than 16");
        assertThat(failure(new TestWav()
                                .chunk("fmt ", fmt16)
                                .chunk("fmt ", fmt16)
                                .chunk("data", pcm16(1))
                                .build())
                        .getMessage())
                .contains("a second 'fmt' chunk");
        assertThat(failure(new TestWav()
                                .chunk("JUNK", 99999, new byte[4])
                                .chunk("fmt ", fmt16)
                                .build())
                        .getMessage())
                .contains("chunk 'JUNK' at offset 12 declares 99999 bytes");
        ByteBuffer nan = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN);
        assertThat(failure(new TestWav()
                                .chunk("fmt ", TestWav.fmt(3, 1, 8000, 32))
                                .chunk("data", nan.array())
                                .build())
                        .getMessage())
                .contains("sample 0 of channel 1 is NaN");
    }

    @Test
    void everyTruncationOfAValidFileFails() {
        byte[] wav = new TestWav()
                .chunk("fmt ", TestWav.fmt(1, 2, 8000, 16))
                .chunk("data", pcm16(1, 2, 3, 4))
                .build();
        for (int length = 0; length < wav.length; length++) {
            assertThat(failure(Arrays.copyOf(wav, length)).reason())
                    .as("length %d", length)
                    .isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void readsFilesWrittenByJavaSound() throws Exception {
        // an independent writer: javax.sound writes 16-bit signed and 8-bit unsigned PCM WAV files
        byte[] raw = pcm16(100, -200, 300, -400);
        AudioFormat format = new AudioFormat(22050, 16, 2, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(
                new AudioInputStream(new ByteArrayInputStream(raw), format, 2), AudioFileFormat.Type.WAVE, out);
        var data = WavReader.read(out.toByteArray()).data();
        assertThat(data.axis(0)).containsExactly(100f, 300f);
        assertThat(data.axis(1)).containsExactly(-200f, -400f);
        assertThat(data.frequencyHz()).isCloseTo(22050.0, Offset.offset(1e-9));
    }

    @Test
    void streamsAreBounded() {
        byte[] wav = new TestWav()
                .chunk("fmt ", TestWav.fmt(1, 1, 8000, 16))
                .chunk("data", pcm16(1, 2))
                .build();
        assertThat(WavReader.read(new ByteArrayInputStream(wav), wav.length)
                        .data()
                        .length())
                .isEqualTo(2);
        try {
            WavReader.read(new ByteArrayInputStream(wav), 10);
            throw new AssertionError("expected TOO_LARGE");
        } catch (SampleFormatException e) {
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        }
    }
}
