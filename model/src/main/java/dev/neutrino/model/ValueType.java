package dev.neutrino.model;

/** The JSON shape of an attribute's value, which also decides how it is stored. */
public enum ValueType {
    STRING, BOOLEAN, INTEGER, TIMESTAMP,
    /** Lists and dicts: kept as JSON text, or in child tables by a handler. */
    LIST, DICT
}
