package dev.quire.llm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads newline-delimited JSON as it arrives: one document per line, blank lines skipped. A body that starts
 * like an HTML page is reported as {@link StreamProblem.Type#NOT_AN_API}.
 */
public final class NdjsonReader {

    private final LineReader lines;
    private boolean sawContent;

    public NdjsonReader(InputStream in) {
        this.lines = new LineReader(in);
    }

    /** The next line's text, or null at the end of the stream. */
    public String next() throws IOException {
        while (lines.next()) {
            byte[] b = lines.buffer();
            int start = lines.start();
            int end = lines.end();
            while (start < end && (b[start] == ' ' || b[start] == '\t')) {
                start++;
            }
            if (start == end) {
                continue;
            }
            if (!sawContent) {
                sawContent = true;
                if (end - start >= 3 && b[start] == (byte) 0xEF && b[start + 1] == (byte) 0xBB
                        && b[start + 2] == (byte) 0xBF) {
                    start += 3;
                }
                if (start < end && b[start] == '<') {
                    throw StreamProblem.notAnApi("an HTML page");
                }
            }
            return new String(b, start, end - start, StandardCharsets.UTF_8);
        }
        return null;
    }

    /** True when the last line returned ran to the end of the stream without a line break (maybe cut off). */
    public boolean lastLineUnterminated() {
        return !lines.terminated();
    }
}
