package dev.quire.prompt;

import java.util.List;

/**
 * A prompt ready to send: system blocks (the stable story context first, its last block marked as the cache
 * breakpoint), then the conversation's earlier messages if any, then one user message; and the report of what went
 * in and what was left out.
 *
 * @param history the earlier messages of a conversation that fitted, oldest first; empty outside a conversation
 */
public record AssembledPrompt(List<Block> system, List<PromptInput.Turn> history, String user, PromptReport report) {

    public AssembledPrompt {
        system = List.copyOf(system);
        history = List.copyOf(history == null ? List.of() : history);
    }

    /** The stop sequences to send: {@link PromptReport#stop()}. */
    public List<String> stop() {
        return report.stop();
    }

    public AssembledPrompt(List<Block> system, String user, PromptReport report) {
        this(system, List.of(), user, report);
    }

    /** One system block; {@code cacheBreakpoint} ends the part that stays byte-identical between requests. */
    public record Block(String text, boolean cacheBreakpoint) {
    }

    /** The system blocks up to and including the cache breakpoint, joined: what a provider can cache. */
    public String stablePrefix() {
        StringBuilder sb = new StringBuilder();
        for (Block b : system) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b.text());
            if (b.cacheBreakpoint()) {
                return sb.toString();
            }
        }
        return "";
    }

    /** The whole prompt's tokens. */
    public int tokens() {
        return report.tokens();
    }
}
