package dev.edgeforge.core.synthetic;

import dev.edgeforge.core.sample.AudioInfo;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Short "keyword-like" audio clips for audio pipelines (MFE, MFCC, spectrogram) without recorded speech: each
 * keyword is a sequence of speech-like segments synthesised by rule, in 16-bit PCM values (integers on the int16
 * scale, as the WAV reader gives and the audio DSP blocks expect), 1 s at 16 kHz unless chosen otherwise. The same
 * settings always give the same values.
 *
 * <h2>How a clip is made</h2>
 * <ul>
 *   <li><b>Voiced segments</b> (vowels, glides, nasals): a harmonic tone at the speaker's pitch with a falling
 *       intonation and slight vibrato; harmonics up to 5 kHz weighted by a three-formant envelope
 *       ({@code Σ gᵢ / (1 + ((f − Fᵢ)/Bᵢ)²)}) whose formants glide from a start to an end frequency, plus breath
 *       noise. The vowel qualities follow the words: "yes" /jɛs/, "no" /noʊ/, "up" /ʌp/, "down" /daʊn/.</li>
 *   <li><b>Fricatives, bursts and closures</b>: band-pass filtered noise (/s/ around 6 kHz), short decaying
 *       broadband bursts (/p/, /d/) and silences.</li>
 *   <li><b>Speakers</b>: pitch 95–240 Hz, formants scaled 0.85–1.2 (shorter vocal tracts with higher voices),
 *       speaking rate, breathiness and loudness per speaker; per clip a little jitter of each and a random position
 *       of the word in the clip.</li>
 *   <li><b>Background</b>: white plus low-frequency (brown) noise at a signal-to-noise ratio of 8–30 dB; the
 *       {@link Keyword#NOISE} class is background only, sometimes with a click or a mains hum.</li>
 * </ul>
 */
public final class KeywordLikeAudio {

    /** The classes. */
    public enum Keyword {
        YES,
        NO,
        UP,
        DOWN,
        /** Background noise only, no word. */
        NOISE;

        /** The label, e.g. {@code yes}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<Sensor> SENSORS = List.of(new Sensor("audio", "wav"));

    /** One piece of a word; frequencies for a reference speaker (formant scale 1). */
    private record Segment(Kind kind, double ms, double f1From, double f1To, double f2From, double f2To, double gain) {
        static Segment voiced(double ms, double f1From, double f1To, double f2From, double f2To, double gain) {
            return new Segment(Kind.VOICED, ms, f1From, f1To, f2From, f2To, gain);
        }

        static Segment fricative(double ms, double centreHz, double gain) {
            return new Segment(Kind.FRICATIVE, ms, centreHz, centreHz, 0, 0, gain);
        }

        static Segment burst(double ms, double gain) {
            return new Segment(Kind.BURST, ms, 0, 0, 0, 0, gain);
        }

        static Segment silence(double ms) {
            return new Segment(Kind.SILENCE, ms, 0, 0, 0, 0, 0);
        }
    }

    private enum Kind {
        VOICED,
        FRICATIVE,
        BURST,
        SILENCE
    }

    private static List<Segment> word(Keyword keyword) {
        return switch (keyword) {
            case YES ->
                List.of(
                        Segment.voiced(70, 300, 420, 2200, 2000, 0.6),
                        Segment.voiced(170, 550, 500, 1850, 1750, 1.0),
                        Segment.fricative(160, 6000, 0.35));
            case NO ->
                List.of(Segment.voiced(80, 280, 300, 1300, 1150, 0.4), Segment.voiced(260, 520, 380, 950, 800, 1.0));
            case UP ->
                List.of(
                        Segment.voiced(170, 700, 650, 1250, 1150, 1.0),
                        Segment.silence(70),
                        Segment.burst(25, 0.4),
                        Segment.fricative(40, 1500, 0.12));
            case DOWN ->
                List.of(
                        Segment.burst(15, 0.35),
                        Segment.voiced(230, 750, 450, 1250, 850, 1.0),
                        Segment.voiced(90, 280, 280, 1400, 1400, 0.4));
            case NOISE -> List.of();
        };
    }

    private final long seed;
    private final int speakers;
    private final int clipsPerKeyword;
    private final double durationMs;
    private final int sampleRateHz;
    private final List<Keyword> keywords;

    private KeywordLikeAudio(Builder b) {
        this.seed = b.seed;
        this.speakers = b.speakers;
        this.clipsPerKeyword = b.clipsPerKeyword;
        this.durationMs = b.durationMs;
        this.sampleRateHz = b.sampleRateHz;
        this.keywords = EnumSet.copyOf(b.keywords).stream().toList();
    }

    /** A builder; every setting is optional (8 speakers × 10 clips of 1 s at 16 kHz per keyword, seed 42). */
    public static Builder builder() {
        return new Builder();
    }

    public List<Keyword> keywords() {
        return keywords;
    }

    /** The labels, in {@link Keyword} order. */
    public List<String> labels() {
        return keywords.stream().map(Keyword::label).toList();
    }

    /** Every clip: for each speaker, each keyword, each clip, in that order. */
    public List<SyntheticSample> generate() {
        List<SyntheticSample> clips = new ArrayList<>(speakers * keywords.size() * clipsPerKeyword);
        for (int s = 0; s < speakers; s++) {
            for (Keyword k : keywords) {
                for (int c = 0; c < clipsPerKeyword; c++) {
                    clips.add(clip(s, k, c));
                }
            }
        }
        return clips;
    }

    /** One clip (any indexes, also beyond the dataset's counts). */
    public SyntheticSample clip(int speaker, Keyword keyword, int index) {
        Speaker who = new Speaker(Randomness.of(seed, 1, speaker));
        Randomness rnd = Randomness.of(seed, 2, speaker, keyword.ordinal(), index);
        int fs = sampleRateHz;
        int n = Math.max(1, (int) Math.round(durationMs * fs / 1000));
        double[] x = new double[n];

        double rate = who.rate * rnd.logNormal(0.06);
        double f0 = who.pitch * rnd.logNormal(0.05);
        double formants = who.formantScale * rnd.logNormal(0.02);
        double wordRms = 0;
        List<Segment> segments = word(keyword);
        if (!segments.isEmpty()) {
            double totalMs = segments.stream().mapToDouble(Segment::ms).sum() / rate;
            int length = Math.min(n, (int) Math.round(totalMs * fs / 1000));
            int margin = Math.max(0, n - length);
            int start = margin <= 2 ? 0 : (int) Math.round(rnd.uniform(0.1, 0.9) * margin);
            synthesiseWord(x, start, segments, rate, f0, formants, who.breathiness, rnd);
            double peak = 0;
            double energy = 0;
            for (double v : x) {
                peak = Math.max(peak, Math.abs(v));
                energy += v * v;
            }
            double gain = peak > 0 ? who.loudness * rnd.uniform(0.7, 1.0) * 30000 / peak : 0;
            for (int i = 0; i < n; i++) {
                x[i] *= gain;
            }
            wordRms = Math.sqrt(energy / Math.max(1, length)) * gain;
        } else {
            // a speaker's typical word level, so background-only clips are as loud as the background under words
            wordRms = who.loudness * 30000 * 0.25;
            addEvents(x, fs, rnd);
        }
        double snrDb = rnd.uniform(8, 30);
        addBackground(x, fs, wordRms * Math.pow(10, -snrDb / 20), rnd);

        float[][] values = new float[1][n];
        for (int i = 0; i < n; i++) {
            values[0][i] = (float) Math.max(-32768, Math.min(32767, Math.rint(x[i])));
        }
        String name = String.format(Locale.ROOT, "%s.s%02d.c%02d", keyword.label(), speaker, index);
        SampleData data = SampleData.builder()
                .setSensors(SENSORS)
                .setIntervalMs(1000.0 / fs)
                .setValues(values)
                .optAudio(new AudioInfo(fs, 16, false))
                .optDeviceName("synthetic-s" + speaker)
                .optDeviceType("SYNTHETIC_MICROPHONE")
                .build();
        return new SyntheticSample(name, keyword.label(), speaker, index, data);
    }

    private void synthesiseWord(
            double[] x,
            int start,
            List<Segment> segments,
            double rate,
            double f0,
            double formantScale,
            double breathiness,
            Randomness rnd) {
        int fs = sampleRateHz;
        double nyquist = fs / 2.0;
        int position = start;
        double phase = rnd.uniform(0, 2 * Math.PI);
        double vibratoPhase = rnd.uniform(0, 2 * Math.PI);
        int wordLength = 0;
        for (Segment s : segments) {
            wordLength += (int) Math.round(s.ms() / rate * fs / 1000);
        }
        int voicedSoFar = 0;
        double f3 = 2600 * formantScale;
        for (Segment s : segments) {
            int length = (int) Math.round(s.ms() / rate * fs / 1000);
            int ramp = Math.max(1, Math.min(length / 3, fs / 100)); // 10 ms edges
            Biquad band = s.kind() == Kind.FRICATIVE
                    ? Biquad.bandPass(Math.min(s.f1From() * formantScale, nyquist * 0.9), 1.2, fs)
                    : null;
            double[] harmonicGain = new double[0];
            for (int i = 0; i < length && position + i < x.length; i++) {
                double progress = length > 1 ? i / (double) (length - 1) : 0;
                double edge = Math.min(1, Math.min(i, length - 1 - i) / (double) ramp);
                double envelope = s.gain() * (0.5 - 0.5 * Math.cos(Math.PI * edge));
                double value = 0;
                switch (s.kind()) {
                    case VOICED -> {
                        double wordProgress = (voicedSoFar + i) / (double) Math.max(1, wordLength);
                        double pitch = f0
                                * (1.08 - 0.16 * wordProgress)
                                * (1 + 0.01 * Math.sin(2 * Math.PI * 5.5 * (position + i) / fs + vibratoPhase));
                        phase += 2 * Math.PI * pitch / fs;
                        if (i % Math.max(1, fs / 200) == 0) {
                            // the spectral envelope changes slowly: refresh the harmonic weights every 5 ms
                            double f1 = formantScale * (s.f1From() + (s.f1To() - s.f1From()) * progress);
                            double f2 = formantScale * (s.f2From() + (s.f2To() - s.f2From()) * progress);
                            harmonicGain = harmonicWeights(pitch, f1, f2, f3, Math.min(5000, nyquist * 0.95));
                        }
                        for (int k = 0; k < harmonicGain.length; k++) {
                            value += harmonicGain[k] * Math.sin((k + 1) * phase);
                        }
                        value += breathiness * rnd.gaussian();
                    }
                    case FRICATIVE -> value = band.next(rnd.gaussian()) * 1.5;
                    case BURST -> value = rnd.gaussian() * Math.exp(-i / (0.005 * fs));
                    case SILENCE -> value = 0;
                    default -> throw new IllegalStateException("unknown segment " + s.kind());
                }
                x[position + i] += envelope * value;
            }
            if (s.kind() == Kind.VOICED) {
                voicedSoFar += length;
            }
            position += length;
        }
    }

    /** Weights of the harmonics of {@code pitch} below {@code maxHz} under a three-formant envelope. */
    private static double[] harmonicWeights(double pitch, double f1, double f2, double f3, double maxHz) {
        int count = Math.max(1, (int) (maxHz / pitch));
        double[] w = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            double f = (k + 1) * pitch;
            double envelope =
                    resonance(f, f1, 80, 1.0) + resonance(f, f2, 110, 0.6) + resonance(f, f3, 160, 0.3) + 0.01;
            w[k] = envelope / Math.sqrt(k + 1); // glottal source tilt
            sum += w[k];
        }
        for (int k = 0; k < count; k++) {
            w[k] /= sum;
        }
        return w;
    }

    private static double resonance(double f, double centre, double bandwidth, double gain) {
        double d = (f - centre) / bandwidth;
        return gain / (1 + d * d);
    }

    /** White plus brown noise of total RMS {@code rms}. */
    private static void addBackground(double[] x, int fs, double rms, Randomness rnd) {
        double brownShare = rnd.uniform(0.2, 0.8);
        double leak = Math.exp(-2 * Math.PI * 200.0 / fs); // a first-order low-pass at 200 Hz
        double brown = 0;
        double brownScale = Math.sqrt((1 - leak * leak));
        for (int i = 0; i < x.length; i++) {
            brown = leak * brown + brownScale * rnd.gaussian();
            x[i] += rms * (Math.sqrt(1 - brownShare) * rnd.gaussian() + Math.sqrt(brownShare) * brown);
        }
    }

    /** What a background-only clip sometimes holds: a click (a door, a tap) or a mains hum. */
    private static void addEvents(double[] x, int fs, Randomness rnd) {
        if (rnd.chance(0.4)) {
            int at = rnd.index(x.length);
            double amplitude = rnd.uniform(1000, 8000);
            for (int i = at; i < Math.min(x.length, at + fs / 20); i++) {
                x[i] += amplitude * rnd.gaussian() * Math.exp(-(i - at) / (0.004 * fs));
            }
        }
        if (rnd.chance(0.3)) {
            double mains = rnd.chance(0.5) ? 50 : 60;
            double amplitude = rnd.uniform(100, 600);
            for (int i = 0; i < x.length; i++) {
                double t = i / (double) fs;
                x[i] += amplitude * (Math.sin(2 * Math.PI * mains * t) + 0.5 * Math.sin(2 * Math.PI * 3 * mains * t));
            }
        }
    }

    /** What stays the same across one speaker's clips. */
    private static final class Speaker {
        final double pitch;
        final double formantScale;
        final double rate;
        final double breathiness;
        final double loudness;

        Speaker(Randomness rnd) {
            pitch = rnd.uniform(95, 240);
            // higher voices tend to come with shorter vocal tracts, hence higher formants
            formantScale = Math.max(0.85, Math.min(1.2, 0.85 + 0.3 * (pitch - 95) / 145 + rnd.gaussian(0, 0.04)));
            rate = rnd.uniform(0.8, 1.25);
            breathiness = rnd.uniform(0.005, 0.03);
            loudness = rnd.uniform(0.3, 0.95);
        }
    }

    /** A second-order band-pass filter (constant 0 dB peak gain), direct form I. */
    private static final class Biquad {
        private final double b0;
        private final double b2;
        private final double a1;
        private final double a2;
        private double x1;
        private double x2;
        private double y1;
        private double y2;

        private Biquad(double b0, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        static Biquad bandPass(double centreHz, double q, int fs) {
            double w = 2 * Math.PI * centreHz / fs;
            double alpha = Math.sin(w) / (2 * q);
            double a0 = 1 + alpha;
            return new Biquad(alpha / a0, -alpha / a0, -2 * Math.cos(w) / a0, (1 - alpha) / a0);
        }

        double next(double x) {
            double y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x;
            y2 = y1;
            y1 = y;
            return y;
        }
    }

    /** Settings of a {@link KeywordLikeAudio}; all optional. */
    public static final class Builder {
        private long seed = 42;
        private int speakers = 8;
        private int clipsPerKeyword = 10;
        private double durationMs = 1000;
        private int sampleRateHz = 16000;
        private Set<Keyword> keywords = EnumSet.allOf(Keyword.class);

        private Builder() {}

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optSpeakers(int speakers) {
            this.speakers = speakers;
            return this;
        }

        public Builder optClipsPerKeyword(int clips) {
            this.clipsPerKeyword = clips;
            return this;
        }

        /** Clip length, 300 to 10 000 ms (default 1000). */
        public Builder optDurationMs(double ms) {
            this.durationMs = ms;
            return this;
        }

        /** Sample rate, 8000 to 48 000 Hz (default 16 000). */
        public Builder optSampleRateHz(int hz) {
            this.sampleRateHz = hz;
            return this;
        }

        public Builder optKeywords(Set<Keyword> keywords) {
            this.keywords = Objects.requireNonNull(keywords, "keywords");
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public KeywordLikeAudio build() {
            if (speakers < 1) {
                throw new IllegalArgumentException("speakers must be 1 or more, got " + speakers);
            }
            if (clipsPerKeyword < 1) {
                throw new IllegalArgumentException("clips per keyword must be 1 or more, got " + clipsPerKeyword);
            }
            if (!(durationMs >= 300) || durationMs > 10_000) {
                throw new IllegalArgumentException("duration must be between 300 and 10000 ms, got " + durationMs);
            }
            if (sampleRateHz < 8000 || sampleRateHz > 48_000) {
                throw new IllegalArgumentException(
                        "sample rate must be between 8000 and 48000 Hz, got " + sampleRateHz);
            }
            if (keywords.isEmpty()) {
                throw new IllegalArgumentException("choose at least one keyword");
            }
            return new KeywordLikeAudio(this);
        }
    }
}
