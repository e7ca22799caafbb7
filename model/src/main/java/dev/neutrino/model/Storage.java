package dev.neutrino.model;

/** Where the generic store keeps an attribute. */
public enum Storage {
    /** One column of the resource's table, named after the attribute. */
    COLUMN,
    /** A text column holding the value as JSON (lists and dicts nobody filters on in SQL). */
    JSON,
    /** Not stored in the resource's table: a handler computes it or keeps it in a child table. */
    NONE
}
