package dev.quire.cli;

import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A story named on the command line by id or by title. */
final class StoryArgument {

    private StoryArgument() {
    }

    /**
     * The story whose id is {@code arg}, else the one titled {@code arg} (exactly, then ignoring case).
     *
     * @throws CommandLine.ParameterException when none or several match
     */
    static StorySummary resolve(Studio studio, String arg, CommandLine cmd) {
        String wanted = arg.strip();
        List<StorySummary> all = studio.stories().list();
        if (wanted.matches("\\d{1,18}")) {
            long id = Long.parseLong(wanted);
            for (StorySummary s : all) {
                if (s.id() == id) {
                    return s;
                }
            }
        }
        List<StorySummary> exact = new ArrayList<>();
        List<StorySummary> loose = new ArrayList<>();
        for (StorySummary s : all) {
            if (s.title().strip().equals(wanted)) {
                exact.add(s);
            } else if (s.title().strip().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                loose.add(s);
            }
        }
        List<StorySummary> found = exact.isEmpty() ? loose : exact;
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new CommandLine.ParameterException(cmd, "There is no story “" + wanted + "” in the library at "
                    + studio.dataDir() + ". `quire stories` lists the stories with their ids.");
        }
        List<String> ids = new ArrayList<>();
        found.forEach(s -> ids.add(String.valueOf(s.id())));
        throw new CommandLine.ParameterException(cmd, found.size() + " stories are titled “" + wanted
                + "” (ids " + String.join(", ", ids) + "): name the one you mean by its id.");
    }
}
