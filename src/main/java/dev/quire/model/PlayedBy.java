package dev.quire.model;

/** Who speaks for a character in co-writing turns. */
public enum PlayedBy {
    MODEL, WRITER
}
