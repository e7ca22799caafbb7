package dev.neutrino.ovsdb.txn;

import java.util.Objects;

/** Fails the transaction with {@code "not owner"} unless this client holds the lock {@code lock}. */
public record Assert(String lock) implements Operation {
    public Assert {
        Objects.requireNonNull(lock, "lock");
    }

    public static Assert lock(String lock) {
        return new Assert(lock);
    }

    @Override
    public String op() {
        return "assert";
    }

    @Override
    public String describe() {
        return "assert lock " + lock;
    }
}
