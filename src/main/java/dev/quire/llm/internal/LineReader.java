package dev.quire.llm.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines ({@code \n}, {@code \r\n} or {@code \r}) as it arrives, without decoding
 * anything: callers look at the bytes of each line and decode only what they need. The line's bytes are
 * valid until the next call to {@link #next()}.
 */
final class LineReader {

    static final int MAX_LINE = 16 * 1024 * 1024;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    private int scanFrom;
    private boolean eof;
    private boolean skipLf;
    private int lineStart;
    private int lineEnd;
    private boolean terminated = true;

    LineReader(InputStream in) {
        this(in, 16 * 1024);
    }

    LineReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            if (skipLf && pos < limit) {
                if (buf[pos] == '\n') {
                    pos++;
                    if (scanFrom < pos) {
                        scanFrom = pos;
                    }
                }
                skipLf = false;
            }
            byte[] b = buf;
            int end = limit;
            for (int i = Math.max(scanFrom, pos); i < end; i++) {
                byte c = b[i];
                if (c == '\n' || c == '\r') {
                    lineStart = pos;
                    lineEnd = i;
                    terminated = true;
                    pos = i + 1;
                    if (c == '\r') {
                        if (pos < limit) {
                            if (b[pos] == '\n') {
                                pos++;
                            }
                        } else {
                            skipLf = true;
                        }
                    }
                    scanFrom = pos;
                    return true;
                }
            }
            scanFrom = limit;
            if (eof) {
                if (pos < limit) {
                    lineStart = pos;
                    lineEnd = limit;
                    terminated = false;
                    pos = limit;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        if (pos > 0) {
            int remaining = limit - pos;
            System.arraycopy(buf, pos, buf, 0, remaining);
            scanFrom -= pos;
            limit = remaining;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_LINE) {
                throw StreamProblem.malformed("a line longer than " + (MAX_LINE / (1024 * 1024)) + " MB");
            }
            byte[] bigger = new byte[Math.min(MAX_LINE, buf.length * 2)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }

    int length() {
        return lineEnd - lineStart;
    }

    /** False when the last line returned ran to the end of the stream without a line break (maybe cut off). */
    boolean terminated() {
        return terminated;
    }
}
