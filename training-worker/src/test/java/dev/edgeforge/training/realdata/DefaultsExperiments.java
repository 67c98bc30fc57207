package dev.edgeforge.training.realdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs experiments from the command line and appends their rows to a Markdown table:
 * {@code java -cp <test classpath> dev.edgeforge.training.realdata.DefaultsExperiments [--out=file] split@spec ...}.
 * {@code split} is one of {@code uwave-last}, {@code uwave-first}, {@code uwave-imb} (classes 5–8 thinned 4:1),
 * {@code uwave-units} (in m/s² with gravity), {@code fsdd-std}, {@code fsdd-<speaker>} (that speaker unseen) or
 * {@code ei} (the Edge Impulse export's own split); {@code spec} is an {@link ExperimentSpec}. A third part
 * {@code @seeds=<from>-<to>} runs the spec once per seed, e.g. {@code uwave-last@base=final@seeds=1-3}.
 */
public final class DefaultsExperiments {

    private DefaultsExperiments() {}

    public static void main(String[] args) {
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "realdata-results.md");
        List<String> runs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else {
                runs.add(arg);
            }
        }
        RealDataExperiment experiment = new RealDataExperiment(System.out::println);
        List<RealSample> uwave = null;
        List<RealSample> fsdd = null;
        append(out, "\n" + RealDataExperiment.Result.header());
        System.out.println(RealDataExperiment.Result.header());
        for (String run : runs) {
            String[] parts = run.split("@");
            String splitName = parts[0];
            String spec = parts.length > 1 ? parts[1] : "";
            int[] seeds = {-1};
            if (parts.length > 2 && parts[2].startsWith("seeds=")) {
                String[] range = parts[2].substring(6).split("-");
                int from = Integer.parseInt(range[0]);
                int to = Integer.parseInt(range[range.length - 1]);
                seeds = IntStream.rangeClosed(from, to).toArray();
            }
            RealSplit split;
            if (splitName.equals("ei")) {
                split = RealDatasets.eiExport();
            } else if (splitName.startsWith("uwave")) {
                uwave = uwave == null ? RealDatasets.uwave() : uwave;
                split = splitName.equals("uwave-first")
                        ? RealDatasets.uwaveFirstLines(uwave, 196)
                        : splitName.equals("uwave-imb")
                                ? RealDatasets.uwaveImbalanced(uwave, 196)
                                : splitName.equals("uwave-units")
                                        ? RealDatasets.uwaveInSensorUnits(uwave, 196)
                                        : RealDatasets.uwaveLastLines(uwave, 196);
            } else {
                fsdd = fsdd == null ? RealDatasets.fsdd() : fsdd;
                split = splitName.equals("fsdd-std")
                        ? RealDatasets.fsddStandard(fsdd)
                        : RealDatasets.fsddLeaveSpeakerOut(fsdd, splitName.substring("fsdd-".length()));
            }
            for (int seed : seeds) {
                String seeded = seed < 0 ? spec : (spec.isEmpty() ? "" : spec + ",") + "seed=" + seed;
                System.out.println("== " + split.name() + " @ " + seeded);
                try {
                    RealDataExperiment.Result result = experiment.run(ExperimentSpec.parse(seeded), split);
                    System.out.println("  impulse: " + result.impulse());
                    System.out.println(result.row());
                    append(out, result.row());
                } catch (RuntimeException e) {
                    e.printStackTrace(System.out);
                    append(out, "| " + seeded + " | " + split.name() + " | FAILED: " + e + " |");
                }
            }
        }
    }

    private static void append(Path out, String line) {
        try {
            Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
