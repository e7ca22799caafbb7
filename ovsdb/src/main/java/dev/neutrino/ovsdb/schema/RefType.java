package dev.neutrino.ovsdb.schema;

/** Whether a reference keeps its target alive (strong) or is dropped when the target goes (weak). */
public enum RefType {
    STRONG, WEAK
}
