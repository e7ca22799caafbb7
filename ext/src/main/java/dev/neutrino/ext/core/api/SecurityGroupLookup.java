package dev.neutrino.ext.core.api;

import dev.neutrino.engine.Tx;

/**
 * What the core's ports need from the security group extension: whether the caller may use a
 * group, and the project's default group, made on first use (Neutron's
 * _ensure_default_security_group). Implemented by that extension and given to the core by the
 * wiring, so the core does not depend on it.
 */
public interface SecurityGroupLookup {
    /** Whether security group {@code id} exists and the transaction's caller may see it. */
    boolean isVisible(Tx tx, String id);

    /** The id of {@code projectId}'s default security group, created in {@code tx} when missing. */
    String ensureDefault(Tx tx, String projectId);
}
