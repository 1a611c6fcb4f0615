package dev.quire.llm.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads server-sent events as they arrive: an event ends at a blank line; several {@code data:} lines are
 * joined with {@code \n}; lines starting with {@code :} are comments (OpenRouter's keep-alives); {@code event:}
 * is optional; {@code id:} and {@code retry:} are ignored. A body that starts like an HTML page is reported as
 * {@link StreamProblem.Type#NOT_AN_API}.
 */
public final class SseReader {

    private final LineReader lines;
    private boolean sawContent;
    private boolean lastUnterminated;

    public SseReader(InputStream in) {
        this.lines = new LineReader(in);
    }

    /** The next event, or null at the end of the stream. A last event without its blank line is still returned. */
    public SseEvent next() throws IOException {
        String event = null;
        byte[] data = null;
        int dataLength = 0;
        boolean hasData = false;
        while (lines.next()) {
            byte[] b = lines.buffer();
            int start = lines.start();
            int end = lines.end();
            if (start == end) {
                if (hasData) {
                    lastUnterminated = false;
                    return new SseEvent(event, trim(data, dataLength));
                }
                event = null;
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
            byte first = b[start];
            if (first == ':') {
                continue;
            }
            int colon = indexOf(b, start, end, (byte) ':');
            int fieldEnd = colon < 0 ? end : colon;
            int valueStart = colon < 0 ? end : colon + 1;
            if (valueStart < end && b[valueStart] == ' ') {
                valueStart++;
            }
            int valueLength = end - valueStart;
            if (first == 'd' && is(b, start, fieldEnd, DATA)) {
                if (!hasData) {
                    data = Arrays.copyOfRange(b, valueStart, end);
                    dataLength = valueLength;
                    hasData = true;
                } else {
                    int needed = dataLength + 1 + valueLength;
                    if (needed > data.length) {
                        data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
                    }
                    data[dataLength] = '\n';
                    System.arraycopy(b, valueStart, data, dataLength + 1, valueLength);
                    dataLength = needed;
                }
            } else if (first == 'e' && is(b, start, fieldEnd, EVENT)) {
                event = new String(b, valueStart, valueLength, StandardCharsets.UTF_8);
            }
        }
        if (hasData) {
            lastUnterminated = true;
            return new SseEvent(event, trim(data, dataLength));
        }
        return null;
    }

    private static byte[] trim(byte[] data, int length) {
        return data.length == length ? data : Arrays.copyOf(data, length);
    }

    /** True when the last event returned was not closed by a blank line: the stream may have been cut inside it. */
    public boolean lastEventUnterminated() {
        return lastUnterminated;
    }

    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);

    private static boolean is(byte[] b, int start, int end, byte[] name) {
        if (end - start != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (b[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int start, int end, byte c) {
        for (int i = start; i < end; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
