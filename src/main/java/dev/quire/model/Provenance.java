package dev.quire.model;

import java.util.Objects;

/**
 * Where a span of text came from: the writer's own hand, a variant (labelled A, B, C… within its
 * generation, and identified by its stored id when it has one), or unknown: text whose stored provenance
 * was missing or did not match it, which is never silently given to the writer.
 */
public record Provenance(Source source, String label, Long variantId) {

    public enum Source { WRITER, VARIANT, UNKNOWN }

    public static final Provenance WRITER = new Provenance(Source.WRITER, "yours", null);

    /** Text whose origin the library does not know (its stored provenance was missing or did not match it). */
    public static final Provenance UNKNOWN = new Provenance(Source.UNKNOWN, "unknown", null);

    public Provenance {
        Objects.requireNonNull(source, "source");
        label = Text.orEmpty(label);
    }

    public static Provenance variant(String label, Long variantId) {
        return new Provenance(Source.VARIANT, label, variantId);
    }

    public boolean isWriter() {
        return source == Source.WRITER;
    }

    public boolean isVariant() {
        return source == Source.VARIANT;
    }

    public boolean isUnknown() {
        return source == Source.UNKNOWN;
    }
}
