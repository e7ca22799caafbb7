package dev.neutrino.ovsdb.txn;

import java.util.Objects;

/** A comment that the server writes to its log with the transaction. */
public record Comment(String text) implements Operation {
    public Comment {
        Objects.requireNonNull(text, "text");
    }

    public static Comment of(String text) {
        return new Comment(text);
    }

    @Override
    public String op() {
        return "comment";
    }

    @Override
    public String describe() {
        return "comment \"" + text + "\"";
    }
}
