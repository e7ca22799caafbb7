package dev.neutrino.ovsdb.txn;

/** Asks for the transaction to be committed durably (or not) before the server replies. */
public record Commit(boolean durable) implements Operation {
    public static Commit durable(boolean durable) {
        return new Commit(durable);
    }

    @Override
    public String op() {
        return "commit";
    }

    @Override
    public String describe() {
        return "commit" + (durable ? " durable" : "");
    }
}
