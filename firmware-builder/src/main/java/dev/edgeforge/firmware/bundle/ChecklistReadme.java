package dev.edgeforge.firmware.bundle;

import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.jobs.deploy.DeploymentChecklist;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the deployment's checklist into its bundle: the bundle's top README.md gets a "Checklist" section with the
 * same items, figures and limits as the deployment page, and {@code SHA256SUMS} its new checksum. The checklist needs
 * the on-device run, which comes after the (cached) build, so the cached ZIP is copied, never changed.
 */
public final class ChecklistReadme {

    static final String README = "README.md";

    private ChecklistReadme() {}

    /**
     * @param bundle the built ZIP (left as it is)
     * @param target where the ZIP with the checklist goes
     * @return {@code target}
     */
    public static Path write(Path bundle, DeploymentChecklist checklist, Path target) {
        try {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            Map<String, ZipEntry> headers = new LinkedHashMap<>();
            try (InputStream in = Files.newInputStream(bundle);
                    ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                    headers.put(entry.getName(), entry);
                }
            }
            String readme = entries.keySet().stream()
                    .filter(name -> name.endsWith("/" + README) || name.equals(README))
                    .min((a, b) -> Integer.compare(depth(a), depth(b)))
                    .orElseGet(() -> topFolder(entries.keySet()) + README);
            // every bundler writes a README; one without gets a README holding the checklist alone
            String text = entries.containsKey(readme)
                    ? new String(entries.get(readme), StandardCharsets.UTF_8)
                    : "# " + topFolder(entries.keySet()).replace("/", "") + "\n";
            byte[] updated = (text.stripTrailing() + "\n\n" + markdown(checklist)).getBytes(StandardCharsets.UTF_8);
            entries.put(readme, updated);
            // SHA256SUMS sits in the bundle's root folder and names files relative to it
            String root = readme.contains("/") ? readme.substring(0, readme.indexOf('/') + 1) : "";
            String sums = root + BundleWriter.CHECKSUMS;
            if (entries.containsKey(sums)) {
                entries.put(sums, checksums(entries.get(sums), readme.substring(root.length()), updated));
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(target);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    ZipEntry copy = new ZipEntry(entry.getKey());
                    ZipEntry header = headers.get(entry.getKey());
                    copy.setLastModifiedTime(
                            header == null
                                    ? headers.values().iterator().next().getLastModifiedTime()
                                    : header.getLastModifiedTime());
                    zip.putNextEntry(copy);
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checklist into the bundle " + bundle, e);
        }
    }

    private static String topFolder(Set<String> names) {
        return names.stream()
                .filter(name -> name.contains("/"))
                .map(name -> name.substring(0, name.indexOf('/') + 1))
                .findFirst()
                .orElse("");
    }

    private static int depth(String name) {
        return (int) name.chars().filter(c -> c == '/').count();
    }

    private static byte[] checksums(byte[] sums, String name, byte[] content) {
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (String line : new String(sums, StandardCharsets.UTF_8).lines().toList()) {
            boolean mine = line.endsWith("  " + name);
            found |= mine;
            out.append(mine ? ModelIdentity.sha256(content) + "  " + name : line)
                    .append('\n');
        }
        if (!found) {
            out.append(ModelIdentity.sha256(content)).append("  ").append(name).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The checklist as a Markdown section: one table row per item, then how each figure was had. */
    public static String markdown(DeploymentChecklist checklist) {
        StringBuilder md = new StringBuilder("## Checklist\n\n");
        md.append(checklist.allPassed() ? "Every item passed.\n\n" : "Not every item passed.\n\n");
        md.append("| Check | Result | Figure | Limit | Measured or estimated |\n");
        md.append("|---|---|---|---|---|\n");
        for (DeploymentChecklist.Item item : checklist.items()) {
            md.append("| ")
                    .append(item.title())
                    .append(" | ")
                    .append(outcome(item.outcome()))
                    .append(" | ")
                    .append(figure(item.figure(), item.unit()))
                    .append(" | ")
                    .append(figure(item.limit(), item.unit()))
                    .append(" | ")
                    .append(item.basis() == null ? "-" : item.basis())
                    .append(" |\n");
        }
        md.append('\n');
        for (DeploymentChecklist.Item item : checklist.items()) {
            md.append("- ")
                    .append(item.title())
                    .append(": ")
                    .append(item.note())
                    .append('\n');
        }
        return md.toString();
    }

    static String outcome(String outcome) {
        return switch (outcome) {
            case DeploymentChecklist.PASS -> "PASS";
            case DeploymentChecklist.FAIL -> "FAIL";
            default -> "not measured";
        };
    }

    static String figure(Double value, String unit) {
        if (value == null) {
            return "-";
        }
        if ("ms".equals(unit)) {
            return String.format(Locale.ROOT, "%.2f ms", value);
        }
        return String.format(Locale.ROOT, "%,d %s", Math.round(value), unit == null ? "" : unit)
                .strip();
    }
}
