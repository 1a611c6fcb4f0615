package dev.quire.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

import java.util.regex.Pattern;

/**
 * Messages as the window shows them. The studio's and the providers' messages serve the command line too, where
 * they name commands ("on the Providers page or with `quire provider add`"); a writer in the window is never told
 * to run one, so those hints are taken out here.
 */
public final class WriterText {

    /** " (or `quire provider`)", " or with `quire provider add`", " (`quire backup`)" and the like. */
    private static final Pattern HINT = Pattern.compile(
            "\\s*\\((?:or |with |see |run )?`quire [^`]*`\\)|,?\\s+or (?:with |run |use )?`quire [^`]*`"
                    + "|\\s*\\(?(?:with |run |use )`quire [^`]*`\\)?");

    private WriterText() {
    }

    /** {@code message} without its command-line hints; null stays null. */
    public static String of(String message) {
        if (message == null || !message.contains("`quire ")) {
            return message;
        }
        return HINT.matcher(message).replaceAll("").replace(" ,", ",").replace(" .", ".");
    }

    /** Follows {@code message}, without its command-line hints. */
    public static StringBinding of(ObservableValue<String> message) {
        return Bindings.createStringBinding(() -> of(message.getValue()), message);
    }
}
