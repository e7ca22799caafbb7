package dev.neutrino.ovsdb.txn;

/**
 * One operation of a {@code transact} (RFC 7047 section 5.2). Every operation is an immutable record;
 * build them with the factory methods, e.g.
 * {@code Insert.into("Logical_Switch").uuidName("ls").set("name", "sw0")} or
 * {@code Select.from("Logical_Switch").where(Condition.equal("name", "sw0"))}.
 */
public sealed interface Operation permits Insert, Select, Update, Mutate, Delete, Wait, Commit, Abort, Comment, Assert {

    /** The {@code "op"} name on the wire. */
    String op();

    /** A short human description for messages, e.g. {@code insert into Logical_Switch}. */
    String describe();
}
