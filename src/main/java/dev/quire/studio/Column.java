package dev.quire.studio;

import java.util.Objects;

/**
 * One column of a mixed variant set: what it asks differently from the set. Every column shares the set's story
 * context, frame and mode; unset fields (null) take the set's own.
 *
 * @param provider    a profile name or a provider kind; null for the set's
 * @param baseUrl     null for the set's (the same rules: only a key from the environment follows an override)
 * @param model       null for the set's
 * @param temperature null for the set's; 0 to 2
 * @param instruction how this column's instruction relates to the set's
 * @param text        the addition or the replacement; "" for {@link Instruction#SAME}
 */
public record Column(String provider, String baseUrl, String model, Double temperature, Instruction instruction,
                     String text) {

    /** The set's instruction as it is, with an addition, or replaced. */
    public enum Instruction { SAME, ADD, REPLACE }

    public Column {
        provider = blankToNull(provider);
        baseUrl = blankToNull(baseUrl);
        model = blankToNull(model);
        instruction = instruction == null ? Instruction.SAME : instruction;
        text = text == null ? "" : text.strip();
        if (instruction != Instruction.SAME && text.isEmpty()) {
            throw new IllegalArgumentException(instruction == Instruction.ADD
                    ? "The addition to the instruction is empty: say what this column adds."
                    : "The instruction is empty: say what this column should write.");
        }
        GenerationModes.checkSampling(1, null, temperature);
    }

    /** A column that asks exactly what the set asks. */
    public static Column same() {
        return new Column(null, null, null, null, Instruction.SAME, "");
    }

    /** The set's request, to this column's provider and model, with its instruction: one variant. */
    public GenerationRequest apply(GenerationRequest set) {
        Objects.requireNonNull(set, "set");
        return new GenerationRequest(set.storyId(), set.scene(), instructionFor(set.instruction()),
                provider != null ? provider : set.provider(), model != null ? model : set.model(),
                baseUrl != null ? baseUrl : set.baseUrl(), 1, set.maxOutputTokens(),
                temperature != null ? temperature : set.temperature(), set.seed(), set.frame(), set.mode(),
                set.anchorStart(), set.anchorEnd(), set.writerPlays());
    }

    /** What this column asks, given the set's instruction. */
    public String instructionFor(String set) {
        String base = set == null ? "" : set.strip();
        return switch (instruction) {
            case SAME -> set == null ? "" : set;
            case ADD -> base.isEmpty() ? text : base + (base.matches("(?s).*[.!?…]$") ? " " : ". ") + text;
            case REPLACE -> text;
        };
    }

    /** How the instruction differs from the set's, for a column's header: "" when it is the set's. */
    public String difference() {
        return switch (instruction) {
            case SAME -> "";
            case ADD -> "+ " + text;
            case REPLACE -> "“" + text + "”";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
