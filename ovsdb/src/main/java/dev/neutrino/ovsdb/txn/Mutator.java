package dev.neutrino.ovsdb.txn;

/** The mutators of a {@link Mutation} (RFC 7047 {@code <mutator>}). */
public enum Mutator {
    ADD("+="), SUBTRACT("-="), MULTIPLY("*="), DIVIDE("/="), MODULO("%="), INSERT("insert"), DELETE("delete");

    private final String symbol;

    Mutator(String symbol) {
        this.symbol = symbol;
    }

    /** The wire form, e.g. {@code "insert"}. */
    public String symbol() {
        return symbol;
    }
}
