package dev.neutrino.engine;

/**
 * Told about every create, update and delete of a resource inside its transaction (ML2's mechanism
 * manager listens to networks, subnets and ports). Throwing vetoes the change: the transaction rolls
 * back. Work that must wait for the commit goes through {@link dev.neutrino.db.Database#afterCommit}.
 */
public interface ChangeListener {
    void changed(Tx tx, ResourceChange change);

    /**
     * Resources of kind {@code resource} (singular) whose revision was bumped for a change made
     * outside their row (a subnet's addresses added to ports, a rule added to a group, a port's
     * status), inside the same transaction.
     */
    default void touched(Tx tx, String resource, java.util.Collection<String> ids) {}

    /** False while nothing would be done with a change: writes then skip the extra reload. */
    default boolean active() {
        return true;
    }
}
