package dev.edgeforge.api.sample;

import dev.edgeforge.api.project.HmacKeyService;
import dev.edgeforge.core.format.SampleFormatException;
import dev.edgeforge.core.format.ei.EiSignatureVerifier;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Checks the signatures of stored samples again against the project's HMAC keys as they are now: a Studio export
 * comes in unverified (its key is the Studio project's), and becomes verified once that key is added to the project.
 * Only unverified and invalid samples are checked; a verified one stays verified (it was, when it came in), an
 * unsigned one has nothing to check.
 *
 * <p>Runs page by page outside a long transaction: each sample's bytes are read within the server's parse memory
 * budget and its row is updated on its own, only if it still holds the content and status that were checked.
 */
@Component
class SignatureRecheck {

    private static final int PAGE = 200;

    private final SampleRepository samples;
    private final SampleStorage storage;
    private final HmacKeyService hmacKeys;
    private final ParseMemoryBudget memory;
    private final Clock clock;

    SignatureRecheck(
            SampleRepository samples,
            SampleStorage storage,
            HmacKeyService hmacKeys,
            ParseMemoryBudget memory,
            Clock clock) {
        this.samples = samples;
        this.storage = storage;
        this.hmacKeys = hmacKeys;
        this.memory = memory;
        this.clock = clock;
    }

    /**
     * What a re-check found: samples checked, how many changed status, and how many have each status now.
     *
     * @param checked    unverified and invalid samples of the selection that were checked
     * @param changed    of those, how many have another status now
     * @param signatures status ({@code verified}, {@code unverified}, {@code invalid}) to count after the check
     */
    record Outcome(int checked, int changed, Map<String, Integer> signatures) {}

    /** @param selection a fresh selection of the samples to consider (it is narrowed here) */
    Outcome run(UUID projectId, Supplier<SampleSelection> selection) {
        List<String> keys = hmacKeys.secrets(projectId);
        Map<SampleSignature, Integer> counts = new EnumMap<>(SampleSignature.class);
        int checked = 0;
        int changed = 0;
        UUID after = null;
        List<SampleRow> page;
        do {
            page = samples.pageById(selection.get().toRecheck(after), PAGE);
            for (SampleRow row : page) {
                SampleSignature now = check(row, keys);
                checked++;
                counts.merge(now, 1, Integer::sum);
                if (!now.stored().equals(row.signatureStatus()) && samples.updateSignature(row, now, clock.instant())) {
                    changed++;
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        Map<String, Integer> signatures = new LinkedHashMap<>();
        counts.forEach((signature, count) -> signatures.put(signature.value(), count));
        return new Outcome(checked, changed, signatures);
    }

    private SampleSignature check(SampleRow row, List<String> keys) {
        try (ParseMemoryBudget.Lease lease = memory.reserve("sample '" + row.name() + "'", row.sizeBytes())) {
            return SampleSignature.of(
                    EiSignatureVerifier.check(storage.read(row), keys).status());
        } catch (SampleFormatException e) {
            // it was read when it came in; a message that cannot be read now has no signature anyone could check
            return SampleSignature.INVALID;
        }
    }
}
