package dev.quire.llm;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A generation in flight. */
public interface GenerationHandle {

    /** Cancels every variant that has not ended; their text so far is kept, status CANCELLED. */
    void cancel();

    /** Cancels one variant; the others go on. Does nothing if it already ended or is not part of this generation. */
    void cancel(int variant);

    /** The variant indices this generation produces, ascending. */
    List<Integer> variants();

    /**
     * Completes, never exceptionally, with every variant's result ordered by index, after
     * {@link GenerationHandler#onFinished} has been called.
     */
    CompletableFuture<List<VariantResult>> done();
}
