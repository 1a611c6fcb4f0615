package dev.quire.studio;

import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;
import dev.quire.store.UsageRepository;

/** What the library records of a request's usage. */
final class UsageRecords {

    private UsageRecords() {
    }

    /**
     * The counts of the request behind a variant: its own, or those of the request it shared with other variants,
     * which only the lowest-index one carries, so nothing is counted twice.
     */
    static UsageRepository.Counts counts(VariantResult result) {
        Usage u = result.usage().isEmpty() ? result.requestUsage() : result.usage();
        return new UsageRepository.Counts(u.input(), u.output(), u.cachedInput(), u.cacheCreation());
    }
}
