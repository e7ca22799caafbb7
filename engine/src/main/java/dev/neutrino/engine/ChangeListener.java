package dev.neutrino.engine;

/**
 * Told about every create, update and delete of a resource inside its transaction (ML2's mechanism
 * manager listens to networks, subnets and ports). Throwing vetoes the change: the transaction rolls
 * back. Work that must wait for the commit goes through {@link dev.neutrino.db.Database#afterCommit}.
 */
public interface ChangeListener {
    void changed(Tx tx, ResourceChange change);

    /** False while nothing would be done with a change: writes then skip the extra reload. */
    default boolean active() {
        return true;
    }
}
