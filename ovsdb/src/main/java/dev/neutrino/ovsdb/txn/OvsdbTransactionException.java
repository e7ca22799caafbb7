package dev.neutrino.ovsdb.txn;

import dev.neutrino.ovsdb.error.OvsdbException;
import java.util.Optional;

/**
 * A {@code transact} failed: an operation failed (its index and the operation are given) or the
 * commit failed (e.g. {@code "referential integrity violation"}, {@code "constraint violation"}),
 * with the server's error string and details. Nothing of the transaction was applied.
 */
public class OvsdbTransactionException extends OvsdbException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String details;
    private final int operationIndex;
    private final transient Operation operation;

    /**
     * @param operationIndex the failed operation's index, or -1 when the commit failed
     * @param operation the failed operation, or null when the commit failed
     */
    public OvsdbTransactionException(String error, String details, int operationIndex, Operation operation) {
        super(message(error, details, operationIndex, operation));
        this.error = error;
        this.details = details;
        this.operationIndex = operationIndex;
        this.operation = operation;
    }

    private static String message(String error, String details, int index, Operation operation) {
        String where = operation == null ? "commit" : "operation " + index + " (" + operation.describe() + ")";
        return "transaction failed at " + where + ": " + error + (details == null ? "" : ": " + details);
    }

    /** The server's error string, e.g. {@code "constraint violation"}. */
    public String error() {
        return error;
    }

    public Optional<String> details() {
        return Optional.ofNullable(details);
    }

    /** Index of the failed operation, or -1 when the transaction failed at commit. */
    public int operationIndex() {
        return operationIndex;
    }

    /** The failed operation; empty when the transaction failed at commit. */
    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }
}
