package dev.edgeforge.firmware.anomaly;

import dev.edgeforge.core.device.ImpulseDsp;
import dev.edgeforge.core.device.UnsupportedModelException;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.anomaly.GaussianMixtureModel;
import dev.edgeforge.core.learning.anomaly.KMeansModel;
import dev.edgeforge.firmware.codegen.ImpulseDspSource;
import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.firmware.dsp.DspCodeGenerator;
import dev.edgeforge.firmware.dsp.GeneratedDspSource;
import dev.edgeforge.firmware.template.CodeTemplate;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import dev.edgeforge.jobs.JobJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes an anomaly model as a C library: {@code model/ef_anomaly_model.{h,c}} (the model's tables as float32 constants
 * and the API: {@code ef_anomaly_run_features}, {@code ef_anomaly_run_impulse}), the hand-written scorer
 * ({@code anomaly/ef_anomaly.c}, the server's definitions in float32) and, with an impulse, the DSP block's C twin.
 * Everything the device would otherwise compute per window that does not depend on the window — a Gaussian
 * mixture's inverse variances and per-component log normalizers — is computed here, in double, and then rounded.
 */
public final class AnomalyLibraryGenerator {

    /** Part of build cache keys and banners. */
    public static final String GENERATOR = "AnomalyLibraryGenerator 1.0";

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);
    private static final int VALUES_PER_LINE = 6;

    private final FirmwareSources sources;
    private final DspCodeGenerator dspGenerator = new DspCodeGenerator();
    private final CodeTemplate header = CodeTemplate.load("anomaly/ef_anomaly_model.h.tmpl");
    private final CodeTemplate source = CodeTemplate.load("anomaly/ef_anomaly_model.c.tmpl");
    private final CodeTemplate gmmTables = CodeTemplate.load("anomaly/gmm_tables.c.tmpl");
    private final CodeTemplate impulseSource = CodeTemplate.load("anomaly/impulse.c.tmpl");
    private final CodeTemplate noImpulseSource = CodeTemplate.load("anomaly/no_impulse.c.tmpl");
    private final CodeTemplate banner = CodeTemplate.load("banner/c.tmpl");

    public AnomalyLibraryGenerator(FirmwareSources sources) {
        this.sources = sources;
    }

    /**
     * @param directory an empty or absent directory for the library
     * @throws UnsupportedModelException when the impulse's features do not match the model, or a name cannot be kept
     */
    public AnomalyLibrary generate(AnomalyLibraryRequest request, Path directory) {
        AnomalyModel model = request.model();
        Optional<ImpulseDsp> impulse = request.impulse().map(ImpulseDsp::of);
        impulse.ifPresent(dsp -> {
            ModelIdentity.requireCText(
                    "the processing block's name", dsp.processing().name());
            if (dsp.featureCount() != model.featureCount()) {
                throw new UnsupportedModelException(
                        "the impulse's " + dsp.block().type() + " block gives "
                                + dsp.featureCount() + " features per window but the anomaly model takes "
                                + model.featureCount());
            }
        });
        String sha256 = sha256(model, request.threshold());
        ModelIdentity identity = new ModelIdentity(request.modelName(), sha256);
        String bannerText = banner.render(
                        Map.of("generator", GENERATOR, "modelName", identity.name(), "sha256", sha256))
                .stripTrailing();
        Tables tables = tables(model);

        copy(sources.root().resolve("include/ef"), directory.resolve("include/ef"));
        copy(sources.root().resolve("anomaly"), directory.resolve("anomaly"));
        List<Path> compiled = new ArrayList<>();
        compiled.add(directory.resolve("model/ef_anomaly_model.c"));
        compiled.add(directory.resolve("anomaly/ef_anomaly.c"));

        String dspInclude = "";
        String impulseText = noImpulseSource.render(Map.of());
        if (impulse.isPresent()) {
            ImpulseDsp dsp = impulse.get();
            copy(sources.root().resolve("dsp"), directory.resolve("dsp"));
            String origin = "anomaly model '" + identity.name() + "' (SHA-256 " + sha256 + "), impulse v"
                    + dsp.impulse().version() + ", processing block "
                    + dsp.processing().id() + " '"
                    + dsp.processing().name() + "'";
            GeneratedDspSource dspSource = ImpulseDspSource.generate(dsp, dspGenerator, origin);
            write(directory.resolve("dsp").resolve(dspSource.headerName()), dspSource.header());
            write(directory.resolve("dsp").resolve(dspSource.sourceName()), dspSource.source());
            compiled.add(directory.resolve("dsp").resolve(dspSource.sourceName()));
            dspSource
                    .runtimeSources()
                    .forEach(twin -> compiled.add(directory.resolve("dsp").resolve(twin)));
            dspInclude = "#include \"" + dspSource.headerName() + "\"";
            impulseText = impulseSource.render(Map.of(
                    "blockName", dsp.processing().name(),
                    "blockType", dsp.block().type(),
                    "dspHeader", dspSource.headerName(),
                    "dspSymbol", dspSource.symbol()));
        }

        Map<String, String> h = new LinkedHashMap<>();
        h.put("banner", bannerText);
        h.put("modelName", identity.name());
        h.put("description", model.describe());
        h.put("featureCount", Integer.toString(model.featureCount()));
        h.put("hasImpulse", impulse.isPresent() ? "1" : "0");
        h.put(
                "windowCount",
                Integer.toString(impulse.map(ImpulseDsp::windowCount).orElse(0)));
        h.put("threshold", literal((float) request.threshold()));
        h.put("windowType", impulse.map(ImpulseDsp::windowType).orElse("float"));
        write(directory.resolve("model/ef_anomaly_model.h"), header.render(h));

        Map<String, String> c = new LinkedHashMap<>();
        c.put("banner", bannerText);
        c.put("modelName", identity.name());
        c.put("description", model.describe());
        c.put("dspInclude", dspInclude);
        c.put("featureCount", Integer.toString(model.featureCount()));
        c.put("componentCount", Integer.toString(tables.components()));
        c.put("centreValues", Integer.toString(tables.centres().length));
        c.put("centresKind", tables.kind().equals("EF_ANOMALY_GMM") ? "component means" : "cluster centroids");
        c.put("mean", values(tables.mean()));
        c.put("scale", values(tables.scale()));
        c.put("centres", values(tables.centres()));
        c.put("kind", tables.kind());
        if (tables.invVar() != null) {
            c.put(
                    "gmmTables",
                    gmmTables.render(Map.of(
                            "componentCount", Integer.toString(tables.components()),
                            "featureCount", Integer.toString(model.featureCount()),
                            "centreValues", Integer.toString(tables.centres().length),
                            "invVar", values(tables.invVar()),
                            "logNorm", values(tables.logNorm()))));
            c.put("invVar", "ef_anomaly_inv_var");
            c.put("logNorm", "ef_anomaly_log_norm");
        } else {
            c.put("gmmTables", "");
            c.put("invVar", "0");
            c.put("logNorm", "0");
        }
        c.put("impulse", impulseText);
        write(directory.resolve("model/ef_anomaly_model.c"), source.render(c));

        List<Path> includes = new ArrayList<>(
                List.of(directory.resolve("include"), directory.resolve("model"), directory.resolve("anomaly")));
        if (impulse.isPresent()) {
            includes.add(directory.resolve("dsp"));
        }
        return new AnomalyLibrary(
                directory,
                compiled,
                includes,
                identity.name(),
                sha256,
                model.featureCount(),
                impulse,
                4L * tables.valueCount());
    }

    /** The model's tables as the device holds them, in float32. */
    record Tables(
            String kind,
            int components,
            float[] mean,
            float[] scale,
            float[] centres,
            float[] invVar,
            float[] logNorm) {
        long valueCount() {
            return mean.length
                    + scale.length
                    + centres.length
                    + (invVar == null ? 0 : invVar.length)
                    + (logNorm == null ? 0 : logNorm.length);
        }
    }

    static Tables tables(AnomalyModel model) {
        int n = model.featureCount();
        if (model instanceof KMeansModel kmeans) {
            float[] centres = new float[kmeans.centroids().length * n];
            for (int k = 0; k < kmeans.centroids().length; k++) {
                System.arraycopy(kmeans.centroids()[k], 0, centres, k * n, n);
            }
            return new Tables(
                    "EF_ANOMALY_KMEANS", kmeans.centroids().length, kmeans.mean(), kmeans.scale(), centres, null, null);
        }
        GaussianMixtureModel gmm = (GaussianMixtureModel) model;
        {
            int components = gmm.weights().length;
            float[] centres = new float[components * n];
            float[] invVar = new float[components * n];
            float[] logNorm = new float[components];
            for (int k = 0; k < components; k++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    centres[k * n + j] = (float) gmm.means()[k][j];
                    invVar[k * n + j] = (float) (1.0 / gmm.variances()[k][j]);
                    sum += LOG_TWO_PI + Math.log(gmm.variances()[k][j]);
                }
                // a component without weight never contributes (the server skips it the same way)
                logNorm[k] = gmm.weights()[k] > 0
                        ? (float) (Math.log(gmm.weights()[k]) - 0.5 * sum)
                        : Float.NEGATIVE_INFINITY;
            }
            return new Tables("EF_ANOMALY_GMM", components, gmm.mean(), gmm.scale(), centres, invVar, logNorm);
        }
    }

    /** A float32 as an exact C99 literal (hexadecimal), or INFINITY. */
    static String literal(float value) {
        if (Float.isNaN(value)) {
            throw new UnsupportedModelException("the anomaly model holds a NaN");
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "INFINITY" : "-INFINITY";
        }
        return Float.toHexString(value) + "f";
    }

    private static String values(float[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i % VALUES_PER_LINE == 0 ? "    " : " ")
                    .append(literal(values[i]))
                    .append(',');
            if (i % VALUES_PER_LINE == VALUES_PER_LINE - 1 || i == values.length - 1) {
                text.append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    private static String sha256(AnomalyModel model, double threshold) {
        byte[] json = JobJson.mapper().writeValueAsBytes(model);
        byte[] suffix = ("\nthreshold=" + String.format(Locale.ROOT, "%a", threshold)).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[json.length + suffix.length];
        System.arraycopy(json, 0, all, 0, json.length);
        System.arraycopy(suffix, 0, all, json.length, suffix.length);
        return ModelIdentity.sha256(all);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy C sources from " + from, e);
        }
    }
}
