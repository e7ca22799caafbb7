package dev.neutrino.ovsdb.txn;

/** The functions of a {@link Condition} (RFC 7047 {@code <function>}). */
public enum ConditionFunction {
    LESS_THAN("<"), LESS_OR_EQUAL("<="), EQUAL("=="), NOT_EQUAL("!="), GREATER_OR_EQUAL(">="), GREATER_THAN(">"),
    INCLUDES("includes"), EXCLUDES("excludes");

    private final String symbol;

    ConditionFunction(String symbol) {
        this.symbol = symbol;
    }

    /** The wire form, e.g. {@code "=="}. */
    public String symbol() {
        return symbol;
    }
}
