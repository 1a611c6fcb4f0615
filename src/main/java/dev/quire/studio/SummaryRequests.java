package dev.quire.studio;

import dev.quire.llm.Usage;
import dev.quire.llm.VariantResult;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A batch's requests: each waits for a place among the few in flight, goes out as a recorded generation, and comes
 * back as the summary's text, a failure with its reason, or cancelled. Runs on the batch's lane.
 */
final class SummaryRequests {

    /** What an empty or blank reply is reported as: nothing is saved from it. */
    static final String NOTHING = "the model returned nothing";

    enum Kind { TEXT, FAILED, CANCELLED }

    /** A reply: the text for {@link Kind#TEXT}, the reason for {@link Kind#FAILED}. */
    record Reply(Kind kind, String text) {
        static final Reply CANCELLED = new Reply(Kind.CANCELLED, "");

        static Reply text(String text) {
            return new Reply(Kind.TEXT, text.strip());
        }

        static Reply failed(String reason) {
            return new Reply(Kind.FAILED, reason == null || reason.isBlank() ? "the request failed" : reason);
        }
    }

    /** A request waiting for a place. */
    record Pending(String what, Generator.Prepared prepared, CompletableFuture<Reply> reply) {
    }

    /** Several replies gathered: their texts when every one came, else {@code reply} says what stopped them. */
    record Gathered(List<String> texts, Reply reply) {
        boolean isDone() {
            return reply != null;
        }
    }

    private final SummaryBatch batch;
    private int sent;
    private int inputTokens;
    private int outputTokens;

    SummaryRequests(SummaryBatch batch) {
        this.batch = batch;
    }

    /** A request sent when a place is free; cancelled at once when the batch is. */
    CompletableFuture<Reply> ask(String what, Generator.Prepared prepared) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        if (batch.cancelled()) {
            reply.complete(Reply.CANCELLED);
        } else {
            batch.waiting().add(new Pending(what, prepared, reply));
        }
        return reply;
    }

    /** Records and sends; the reply completes on the lane, and the batch then moves on. */
    void send(Pending p) {
        Generator.Running running;
        try {
            running = batch.studio().generator().start(p.prepared(), batch.retries(p.what()), Runnable::run);
        } catch (RuntimeException e) {
            // the library could not record it, so nothing was sent
            batch.lane().execute(() -> {
                p.reply().complete(Reply.failed(message(e)));
                batch.advance();
            });
            return;
        }
        sent++;
        batch.sent(p.what());
        batch.running().add(running);
        running.done().whenCompleteAsync((outcome, e) -> {
            batch.running().remove(running);
            if (outcome != null) {
                count(outcome, p.prepared());
            }
            p.reply().complete(outcome == null ? Reply.failed(message(e)) : reply(outcome));
            batch.advance();
        }, batch.lane());
    }

    /** The provider's counts; the estimate for a reply it did not count, nothing for a request that failed. */
    private void count(Generator.Outcome outcome, Generator.Prepared prepared) {
        Usage usage = outcome.usage() == null ? Usage.NONE : outcome.usage();
        boolean answered = outcome.variants().stream().anyMatch(v -> v.status() == VariantResult.Status.COMPLETE
                || v.status() == VariantResult.Status.INCOMPLETE);
        inputTokens += usage.input() != null ? usage.input() : answered ? prepared.estimatedInputTokens() : 0;
        outputTokens += usage.output() != null ? usage.output() : 0;
    }

    /** Completes every waiting request as cancelled: none of them was sent. */
    void cancelWaiting(ArrayDeque<Pending> waiting) {
        List<Pending> all = new ArrayList<>(waiting);
        waiting.clear();
        all.forEach(p -> p.reply().complete(Reply.CANCELLED));
    }

    static Reply reply(Generator.Outcome outcome) {
        if (outcome.variants().isEmpty()) {
            return Reply.failed(outcome.error());
        }
        VariantResult r = outcome.variants().get(0);
        return switch (r.status()) {
            case COMPLETE -> r.text().isBlank() ? Reply.failed(NOTHING) : Reply.text(r.text());
            case CANCELLED -> Reply.CANCELLED;
            case FAILED -> Reply.failed(r.error() == null ? null : r.error().message());
            // a summary cut short leaves out what came after: not one to keep
            case INCOMPLETE -> Reply.failed("the reply broke off" + (r.error() == null ? "" : ": "
                    + r.error().message()));
            case CUT_OFF -> Reply.failed("the reply reached the output limit before it ended");
            case REFUSED -> Reply.failed("the model declined" + (r.refusal() == null ? "" : ": " + r.refusal()));
            case FILTERED -> Reply.failed("a content filter stopped the reply"
                    + (r.filter() == null ? "" : " (" + r.filter() + ")"));
        };
    }

    /** Waits for all; a cancel wins over a failure, which names the {@code noun} ("part 2 of 3") it came from. */
    static CompletableFuture<Gathered> all(List<CompletableFuture<Reply>> replies, String noun) {
        return CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            List<String> texts = new ArrayList<>();
            Reply failure = null;
            for (int i = 0; i < replies.size(); i++) {
                Reply r = replies.get(i).join();
                switch (r.kind()) {
                    case CANCELLED -> {
                        return new Gathered(List.of(), Reply.CANCELLED);
                    }
                    case FAILED -> {
                        if (failure == null) {
                            failure = Reply.failed(noun + " " + (i + 1) + " of " + replies.size() + ": " + r.text());
                        }
                    }
                    case TEXT -> texts.add(r.text());
                }
            }
            return failure != null ? new Gathered(List.of(), failure) : new Gathered(texts, null);
        });
    }

    static String message(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t == null ? "failed" : t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    int sentCount() {
        return sent;
    }

    int inputTokens() {
        return inputTokens;
    }

    int outputTokens() {
        return outputTokens;
    }
}
