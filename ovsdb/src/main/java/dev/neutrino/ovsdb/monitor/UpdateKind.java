package dev.neutrino.ovsdb.monitor;

/** The member of a {@code <row-update2>}: which kind of change it reports. */
public enum UpdateKind {
    /** A row present when the monitor started (the full row, default-valued columns omitted). */
    INITIAL,
    /** A new row (the full row, default-valued columns omitted). */
    INSERT,
    /** A changed row: only the changed columns, each as a diff (see {@link Update2Diff}). */
    MODIFY,
    /** A deleted row (no columns). */
    DELETE
}
