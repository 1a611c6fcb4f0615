package dev.quire.model;

/** One text a generation produced. Its text is kept whatever its status: a failed stream keeps what arrived. */
public record Variant(long id, long generationId, int index, String text, Status status, String stopReason,
                      String error, Integer rating, String note) {

    public enum Status { STREAMING, COMPLETE, CANCELLED, FAILED, INCOMPLETE }

    public Variant {
        text = Text.orEmpty(text);
        status = status == null ? Status.STREAMING : status;
        note = Text.orEmpty(note);
    }

    /** "A", "B", "C"… as the writer sees the columns. */
    public String label() {
        return labelFor(index);
    }

    public static String labelFor(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "V" + (index + 1);
    }
}
