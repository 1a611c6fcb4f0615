package dev.quire.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who a story is by and how to reach them, as title pages, a manuscript's first page and a file's properties say
 * it.
 *
 * @param author     the writer's own name (a manuscript's contact block carries it)
 * @param penName    the name the story is published under; empty when it is the author's own
 * @param contact    the postal address, a line per line
 * @param email      an e-mail address, or ""
 * @param agent      the agent or agency, with their contact, a line per line, or ""
 * @param rounding   how a manuscript states its word count
 * @param shortTitle the title a manuscript's running header carries; empty for the title itself
 */
public record StoryMetadata(String author, String penName, String contact, String email, String agent,
                            WordRounding rounding, String shortTitle) {

    public static final StoryMetadata NONE = new StoryMetadata("", "", "", "", "", WordRounding.CONVENTION, "");

    private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md");

    public StoryMetadata {
        author = line(author);
        penName = line(penName);
        contact = lines(contact);
        email = line(email);
        agent = lines(agent);
        rounding = Objects.requireNonNullElse(rounding, WordRounding.CONVENTION);
        shortTitle = line(shortTitle);
    }

    /** The name the story goes out under: the pen name, else the author; "" when neither is set. */
    public String byline() {
        return penName.isEmpty() ? author : penName;
    }

    /**
     * The surname a manuscript's running header carries: the byline's last word ("Marsh" for "Ada Marsh"), passing
     * over suffixes such as "Jr.".
     */
    public String surname() {
        String[] words = byline().split("\\s+");
        for (int i = words.length - 1; i >= 0; i--) {
            String w = words[i].replaceAll(",$", "");
            if (!w.isEmpty() && !SUFFIXES.contains(w.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        return "";
    }

    /** The contact block: the author, the address lines, the e-mail, then the agent; blank parts left out. */
    public List<String> contactLines() {
        List<String> out = new ArrayList<>();
        if (!author.isEmpty()) {
            out.add(author);
        }
        addLines(out, contact);
        if (!email.isEmpty()) {
            out.add(email);
        }
        if (!agent.isEmpty()) {
            List<String> agentLines = new ArrayList<>();
            addLines(agentLines, agent);
            if (!agentLines.isEmpty() && !agentLines.get(0).toLowerCase(Locale.ROOT).startsWith("agent")) {
                agentLines.set(0, "Agent: " + agentLines.get(0));
            }
            out.addAll(agentLines);
        }
        return out;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public StoryMetadata withAuthor(String value) {
        return new StoryMetadata(value, penName, contact, email, agent, rounding, shortTitle);
    }

    public StoryMetadata withPenName(String value) {
        return new StoryMetadata(author, value, contact, email, agent, rounding, shortTitle);
    }

    public StoryMetadata withContact(String value) {
        return new StoryMetadata(author, penName, value, email, agent, rounding, shortTitle);
    }

    public StoryMetadata withEmail(String value) {
        return new StoryMetadata(author, penName, contact, value, agent, rounding, shortTitle);
    }

    public StoryMetadata withAgent(String value) {
        return new StoryMetadata(author, penName, contact, email, value, rounding, shortTitle);
    }

    public StoryMetadata withRounding(WordRounding value) {
        return new StoryMetadata(author, penName, contact, email, agent, value, shortTitle);
    }

    public StoryMetadata withShortTitle(String value) {
        return new StoryMetadata(author, penName, contact, email, agent, rounding, value);
    }

    private static void addLines(List<String> out, String block) {
        for (String l : block.split("\n")) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
    }

    private static String line(String s) {
        return Text.orEmpty(s).replaceAll("\\s+", " ").strip();
    }

    private static String lines(String s) {
        List<String> kept = new ArrayList<>();
        addLines(kept, Text.orEmpty(s).replace("\r\n", "\n").replace('\r', '\n'));
        return String.join("\n", kept);
    }
}
