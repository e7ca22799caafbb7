package dev.neutrino.ovsdb.txn;

/** Makes the transaction fail with {@code "aborted"} (useful after a {@link Select} in tests). */
public record Abort() implements Operation {
    @Override
    public String op() {
        return "abort";
    }

    @Override
    public String describe() {
        return "abort";
    }
}
