package dev.quire.llm.internal;

import dev.quire.llm.Usage;

/** What a wire format's decoder reports while it reads a stream. Choice indices are the wire's (0..n-1). */
public interface StreamSink {

    /** Text for one choice; empty deltas may be passed and are ignored. */
    void text(int choice, String delta);

    /** The provider's stop reason for one choice. */
    void stopReason(int choice, String reason);

    /** Token counts, merged over earlier ones (later non-null counts win). */
    void usage(Usage usage);

    /** The end marker arrived: the reply is complete. */
    void end();
}
