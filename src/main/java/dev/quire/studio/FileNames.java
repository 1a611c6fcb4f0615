package dev.quire.studio;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** File names Quire suggests for an export, made from a title so that every OS accepts them. */
public final class FileNames {

    /**
     * Most bytes (UTF-8) a suggested name takes: under the 255 most file systems allow, leaving room for the
     * " (2)" a save dialog may add.
     */
    public static final int BYTE_BUDGET = 200;

    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private FileNames() {
    }

    /**
     * {@code title.extension} made safe: no control characters or {@code \ / : * ? " < > |}, no trailing dots or
     * spaces, no name Windows reserves (CON, NUL, COM1…), at most {@link #BYTE_BUDGET} bytes, cut between
     * characters; "Untitled" when nothing is left.
     */
    public static String suggested(String title, String extension) {
        StringBuilder sb = new StringBuilder();
        (title == null ? "" : title).codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || "\\/:*?\"<>|".indexOf(c) >= 0) {
                if (Character.isWhitespace(c)) {
                    sb.append(' ');
                }
                return;
            }
            sb.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
        });
        String base = sb.toString().replaceAll(" {2,}", " ").strip();
        String suffix = extension == null || extension.isEmpty() ? "" : "." + extension;
        int budget = BYTE_BUDGET - suffix.getBytes(StandardCharsets.UTF_8).length;
        base = trimEnd(cut(base, budget));
        if (base.isEmpty()) {
            base = "Untitled";
        }
        String stem = base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
        if (RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            base = "_" + base;
        }
        return base + suffix;
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(0, end).strip();
    }

    /** The longest start of {@code s} of at most {@code bytes} UTF-8 bytes that ends between characters. */
    private static String cut(String s, int bytes) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            int n = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (used + n > bytes) {
                break;
            }
            used += n;
            i += Character.charCount(c);
        }
        return s.substring(0, i);
    }
}
