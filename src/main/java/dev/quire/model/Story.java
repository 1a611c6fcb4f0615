package dev.quire.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One work: its bible (premise, style guide, about the writer, avoid list) and the writer's notes. */
public record Story(
        long id,
        String title,
        String premise,
        String styleGuide,
        String aboutWriter,
        List<String> avoidList,
        String notes,
        Instant created,
        Instant updated) {

    public Story {
        Objects.requireNonNull(title, "title");
        premise = Text.orEmpty(premise);
        styleGuide = Text.orEmpty(styleGuide);
        aboutWriter = Text.orEmpty(aboutWriter);
        avoidList = List.copyOf(avoidList == null ? List.of() : avoidList);
        notes = Text.orEmpty(notes);
    }

    /** A story not yet stored; the store assigns id and times. */
    public static Story titled(String title) {
        return new Story(0, title, "", "", "", List.of(), "", null, null);
    }

    public Story withTitle(String newTitle) {
        return new Story(id, newTitle, premise, styleGuide, aboutWriter, avoidList, notes, created, updated);
    }

    public Story withBible(String newPremise, String newStyleGuide, String newAboutWriter, List<String> newAvoidList) {
        return new Story(id, title, newPremise, newStyleGuide, newAboutWriter, newAvoidList, notes, created, updated);
    }

    public Story withNotes(String newNotes) {
        return new Story(id, title, premise, styleGuide, aboutWriter, avoidList, newNotes, created, updated);
    }
}
