package dev.edgeforge.core.format.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.SampleParseOptions;
import dev.edgeforge.core.format.SampleParsers;
import dev.edgeforge.core.hostile.Mutant;
import dev.edgeforge.core.hostile.ParseGuard;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Cells are read in time linear in their length: numbers and header units used to be matched by regular
 * expressions that backtrack quadratically, so one long cell in an upload held a thread for minutes or hours. The
 * replacements accept exactly what the old expressions accepted.
 */
class CsvLinearParsingTest {

    /** The expressions the reader used before; kept here only to show the replacements agree with them. */
    private static final Pattern OLD_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final Pattern OLD_WITH_UNITS = Pattern.compile("(.*?)\\s*[(\\[]([^()\\[\\]]*)[)\\]]");

    private static final ParseGuard GUARD = ParseGuard.forParser(SampleFormatException.class);

    @Test
    void longNumbersAndBlankRunsAreReadWithinASecond() {
        String digits = "1".repeat(200_000);
        Mutant[] cases = {
            text("a 200,000-digit value followed by a letter", "timestamp,x\n0,1\n10," + digits + "x\n"),
            text("a 200,000-digit timestamp followed by a letter", "t,x\n0,1\n" + digits + "x,2\n"),
            text("a header cell with 200,000 blanks inside", "timestamp,a" + " ".repeat(200_000) + "b\n0,1\n10,2\n"),
            text(
                    "a header cell of 100,000 brackets and blanks",
                    "timestamp,x" + "( ".repeat(100_000) + ")\n0,1\n" + "10,2\n")
        };
        for (Mutant csv : cases) {
            ParseGuard.Outcome outcome =
                    GUARD.run(csv, bytes -> SampleParsers.parse("long.csv", bytes, SampleParseOptions.defaults()));
            assertThat(outcome.kind()).as(csv.how()).isNotEmpty();
        }
    }

    @Property(tries = 3000)
    void numbersAreTheOnesTheOldExpressionAccepted(@ForAll("cells") String cell) {
        assertThat(CsvSampleReader.normalized(cell, '.') != null)
                .as(cell)
                .isEqualTo(OLD_NUMBER.matcher(cell).matches());
    }

    @Property(tries = 3000)
    void unitsAreSplitAsTheOldExpressionSplitThem(@ForAll("headers") String cell) {
        Matcher m = OLD_WITH_UNITS.matcher(cell);
        String[] old = m.matches() && !m.group(1).isBlank()
                ? new String[] {m.group(1), m.group(2).strip()}
                : new String[] {cell, ""};
        assertThat(CsvHeader.nameAndUnits(cell)).as(cell).containsExactly(old);
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars("+-.eE0129 x").ofMaxLength(10);
    }

    @Provide
    Arbitrary<String> headers() {
        return Arbitraries.strings().withChars("ab ()[]\t\u000B\u2028\u0085µ").ofMaxLength(10);
    }

    private static Mutant text(String how, String text) {
        return new Mutant(how, text.getBytes(StandardCharsets.US_ASCII));
    }
}
