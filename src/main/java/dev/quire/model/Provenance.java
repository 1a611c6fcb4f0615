package dev.quire.model;

import java.util.Objects;

/**
 * Where a span of text came from: the writer's own hand, or a variant (labelled A, B, C… within its
 * generation, and identified by its stored id when it has one).
 */
public record Provenance(Source source, String label, Long variantId) {

    public enum Source { WRITER, VARIANT }

    public static final Provenance WRITER = new Provenance(Source.WRITER, "yours", null);

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
}
