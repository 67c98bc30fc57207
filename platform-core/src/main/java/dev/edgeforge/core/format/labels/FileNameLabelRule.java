package dev.edgeforge.core.format.labels;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How an upload takes each file's label from its name, written as a rule text that the REST upload ({@code labelRule}),
 * the ingestion API ({@code x-label-rule}) and the data page share:
 *
 * <ul>
 *   <li>{@code first-dot} (the default, Edge Impulse's rule): the name up to its first {@code '.'} — {@code
 *       0_george_5.wav} is {@code 0_george_5}, {@code idle.01.json} is {@code idle};
 *   <li>{@code separator:<text>}: that, cut at the first {@code <text>} — with {@code _}, {@code 0_george_5.wav} is
 *       {@code 0};
 *   <li>{@code regex:<pattern>}: the first match of a Java regular expression with exactly one capturing group in the
 *       name (with its extension), the group being the label — {@code regex:^(\d+)_} gives {@code 0}. A name it does
 *       not match gets no label and its file is refused ({@link NoLabelInFileNameException}).
 * </ul>
 *
 * <p>Rules apply to the base name (folders dropped) and give a stripped label of at most {@value #MAX_LABEL}
 * characters, or none when nothing is left. A user's pattern cannot hang the server: patterns are at most
 * {@value #MAX_PATTERN} characters, names are cut at {@value #MAX_NAME} characters before matching, and a match
 * reads the name at most {@value #MAX_STEPS} times (catastrophic backtracking ends there); a pattern that already
 * backtracks past that on probe names is refused when the rule is read.
 */
public sealed interface FileNameLabelRule {

    /** Labels are cut to this many characters (as the server keeps inferred labels). */
    int MAX_LABEL = 200;
    /** The longest pattern or separator accepted. */
    int MAX_PATTERN = 200;
    /** Names are matched on at most this many characters. */
    int MAX_NAME = 255;
    /** Reads of the name one match may make. */
    int MAX_STEPS = 200_000;

    /** The rule when none is given. */
    FileNameLabelRule DEFAULT = new FirstDot();

    /** The label of a file of this name, or empty when the rule leaves nothing. */
    Optional<String> labelOf(String fileName);

    /** The rule as text, as {@link #parse} reads it. */
    String text();

    /** Edge Impulse's rule: the base name up to its first '.'. */
    record FirstDot() implements FileNameLabelRule {
        @Override
        public Optional<String> labelOf(String fileName) {
            return clean(beforeFirstDot(baseName(fileName)));
        }

        @Override
        public String text() {
            return "first-dot";
        }
    }

    /** Edge Impulse's rule, then cut at the first separator. */
    record Separator(String separator) implements FileNameLabelRule {
        public Separator {
            if (separator == null || separator.isEmpty()) {
                throw new LabelRuleViolation("the separator is empty; write it after 'separator:', e.g. separator:_");
            }
            if (separator.length() > 16) {
                throw new LabelRuleViolation("the separator is longer than 16 characters");
            }
        }

        @Override
        public Optional<String> labelOf(String fileName) {
            String name = beforeFirstDot(baseName(fileName));
            int at = name.indexOf(separator);
            return clean(at >= 0 ? name.substring(0, at) : name);
        }

        @Override
        public String text() {
            return "separator:" + separator;
        }
    }

    /** The one capturing group of a regular expression's first match in the base name. */
    record Regex(Pattern pattern) implements FileNameLabelRule {
        public Regex {
            if (pattern.matcher("").groupCount() != 1) {
                throw new LabelRuleViolation("the pattern must have exactly one capturing group (the label)");
            }
        }

        @Override
        public Optional<String> labelOf(String fileName) {
            String name = baseName(fileName);
            name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
            Matcher matcher = pattern.matcher(new BoundedText(name, MAX_STEPS));
            boolean found;
            try {
                found = matcher.find();
            } catch (BoundedText.TooManyReads e) {
                throw new NoLabelInFileNameException("the label pattern " + pattern.pattern()
                        + " takes too long on the name '" + name + "'; simplify the pattern");
            }
            String group = found ? matcher.group(1) : null;
            Optional<String> label = group == null ? Optional.empty() : clean(group);
            if (label.isEmpty()) {
                throw new NoLabelInFileNameException("the name '" + name + "' gives no label with the pattern "
                        + pattern.pattern() + (found ? " (its group is empty)" : " (it does not match)"));
            }
            return label;
        }

        @Override
        public String text() {
            return "regex:" + pattern.pattern();
        }
    }

    /**
     * Reads a rule text: {@code first-dot} (or blank), {@code separator:<text>} or {@code regex:<pattern>}.
     *
     * @throws LabelRuleViolation naming what is wrong
     */
    static FileNameLabelRule parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("first-dot")) {
            return DEFAULT;
        }
        if (text.startsWith("separator:")) {
            return new Separator(text.substring("separator:".length()));
        }
        if (text.startsWith("regex:")) {
            return regex(text.substring("regex:".length()));
        }
        throw new LabelRuleViolation("unknown label rule '" + shorten(text)
                + "'; use first-dot, separator:<text> (e.g. separator:_) or regex:<pattern with one group>");
    }

    /** A regular-expression rule, checked: compiles, one group, no catastrophic backtracking on the probe names. */
    static Regex regex(String expression) {
        if (expression.isEmpty()) {
            throw new LabelRuleViolation("the pattern is empty; write it after 'regex:', e.g. regex:^([a-z]+)_");
        }
        if (expression.length() > MAX_PATTERN) {
            throw new LabelRuleViolation("the pattern is longer than " + MAX_PATTERN + " characters");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            throw new LabelRuleViolation("the pattern does not compile: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
        } catch (StackOverflowError e) {
            throw new LabelRuleViolation("the pattern is nested too deeply");
        }
        int groups = pattern.matcher("").groupCount();
        if (groups != 1) {
            throw new LabelRuleViolation("the pattern must have exactly one capturing group (the label), it has "
                    + groups + "; write other groups as (?:...)");
        }
        for (String probe : PROBES) {
            try {
                pattern.matcher(new BoundedText(probe, MAX_STEPS)).find();
            } catch (BoundedText.TooManyReads e) {
                throw new LabelRuleViolation("the pattern backtracks catastrophically (it takes too long on a name "
                        + "such as '" + shorten(probe) + "'); avoid nested repetition such as (a+)+");
            } catch (StackOverflowError e) {
                throw new LabelRuleViolation("the pattern recurses too deeply on a long name");
            }
        }
        return new Regex(pattern);
    }

    /** Names of the longest length made of one repeated character and a different last one: worst cases. */
    List<String> PROBES = probes();

    private static List<String> probes() {
        return List.of(
                "a".repeat(62) + "!",
                "0".repeat(62) + "!",
                "a_".repeat(31) + "!",
                ".".repeat(62) + "!",
                "a.wav.".repeat(10) + "!",
                " ".repeat(62) + "!");
    }

    private static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }

    private static String beforeFirstDot(String name) {
        int dot = name.indexOf('.');
        return dot >= 0 ? name.substring(0, dot) : name;
    }

    private static Optional<String> clean(String label) {
        String stripped = label.strip();
        if (stripped.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stripped.length() > MAX_LABEL ? stripped.substring(0, MAX_LABEL) : stripped);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
