package dev.quire.llm.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One server-sent event: its {@code event:} name (null when absent) and its data lines joined with {@code \n}.
 * The data is kept as UTF-8 bytes, so a JSON parser can read it without decoding it to a string first.
 */
public final class SseEvent {

    private final String event;
    private final byte[] data;
    private String text;

    SseEvent(String event, byte[] data) {
        this.event = event;
        this.data = data;
    }

    public SseEvent(String event, String data) {
        this(event, data.getBytes(StandardCharsets.UTF_8));
        this.text = data;
    }

    public String event() {
        return event;
    }

    /** The data as text. */
    public String data() {
        if (text == null) {
            text = new String(data, StandardCharsets.UTF_8);
        }
        return text;
    }

    /** The data as UTF-8 bytes; do not modify. */
    public byte[] dataBytes() {
        return data;
    }

    public boolean isDataEmpty() {
        return data.length == 0;
    }

    /** Whether the data is exactly this ASCII text (e.g. {@code [DONE]}), without decoding it. */
    public boolean dataIs(String ascii) {
        if (data.length != ascii.length()) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (data[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SseEvent && Objects.equals(event, ((SseEvent) o).event)
                && Arrays.equals(data, ((SseEvent) o).data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "SseEvent[" + event + ", " + data() + "]";
    }
}
