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

    /**
     * One system block; {@code cacheBreakpoint} ends a part that stays byte-identical between requests (see
     * {@code CacheLayout}); {@code story} marks the blocks of the story so far (by summary, and the nearest scenes verbatim).
     */
    public record Block(String text, boolean cacheBreakpoint, boolean story) {
        public Block(String text, boolean cacheBreakpoint) {
            this(text, cacheBreakpoint, false);
        }
    }

    /**
     * The system blocks of the story's stable context (frame, bible, canon, sheets, always-on lore) up to and
     * including its last breakpoint, joined: what stays the same from scene to scene.
     */
    public String stablePrefix() {
        StringBuilder sb = new StringBuilder();
        String upToBreakpoint = "";
        for (Block b : system) {
            if (b.story()) {
                break;
            }
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b.text());
            if (b.cacheBreakpoint()) {
                upToBreakpoint = sb.toString();
            }
        }
        return upToBreakpoint;
    }

    /** The system blocks up to and including the last breakpoint, joined: what the variants and later scenes share. */
    public String cachedPrefix() {
        StringBuilder sb = new StringBuilder();
        String upToBreakpoint = "";
        for (Block b : system) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b.text());
            if (b.cacheBreakpoint()) {
                upToBreakpoint = sb.toString();
            }
        }
        return upToBreakpoint;
    }

    /** The whole prompt's tokens. */
    public int tokens() {
        return report.tokens();
    }
}
