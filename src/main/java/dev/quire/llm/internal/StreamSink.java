package dev.quire.llm.internal;

import dev.quire.llm.Usage;

/** What a wire format's decoder reports while it reads a stream. Choice indices are the wire's (0..n-1). */
public interface StreamSink {

    /** Text for one choice; empty deltas may be passed and are ignored. */
    void text(int choice, String delta);

    /** Thinking or reasoning for one choice: never prose. Empty deltas may be passed and are ignored. */
    default void thinking(int choice, String delta) {
    }

    /** The model's refusal text for one choice (OpenAI {@code delta.refusal}): never prose. */
    default void refusal(int choice, String delta) {
    }

    /** A content filter stopped one choice; {@code name} says which, as the provider named it. */
    default void filtered(int choice, String name) {
    }

    /** The provider's stop reason for one choice. */
    void stopReason(int choice, String reason);

    /** Token counts, merged over earlier ones (later non-null counts win). */
    void usage(Usage usage);

    /** The end marker arrived: the reply is complete. */
    void end();
}
