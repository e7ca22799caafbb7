package dev.neutrino.ovsdb.schema;

import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.AtomicType;
import dev.neutrino.ovsdb.value.OvsdbSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The type of a column's keys or values (RFC 7047 {@code <base-type>}): an atomic type plus its
 * optional constraints.
 *
 * @param enumeration the allowed values, when the schema restricts them
 * @param refTable for a uuid, the table it references (a reference column)
 * @param refType strong or weak; {@link RefType#STRONG} when not a reference
 */
public record BaseType(
        AtomicType type,
        Optional<OvsdbSet> enumeration,
        OptionalLong minInteger,
        OptionalLong maxInteger,
        OptionalDouble minReal,
        OptionalDouble maxReal,
        OptionalLong minLength,
        OptionalLong maxLength,
        Optional<String> refTable,
        RefType refType) {

    private static final UUID ZERO_UUID = new UUID(0, 0);

    public BaseType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(enumeration, "enumeration");
        Objects.requireNonNull(refTable, "refTable");
        Objects.requireNonNull(refType, "refType");
    }

    /** An unconstrained base type. */
    public static BaseType of(AtomicType type) {
        return new BaseType(type, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), RefType.STRONG);
    }

    /** A uuid referencing rows of {@code table}. */
    public static BaseType reference(String table, RefType refType) {
        return new BaseType(AtomicType.UUID, Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.of(table), refType);
    }

    public boolean isReference() {
        return refTable.isPresent();
    }

    /** The type's default atom: 0, 0.0, false, "" or the all-zero UUID (ovsdb-server's defaults). */
    public Atom defaultAtom() {
        return switch (type) {
            case INTEGER -> Atom.of(0L);
            case REAL -> Atom.of(0.0);
            case BOOLEAN -> Atom.of(false);
            case STRING -> Atom.of("");
            case UUID -> Atom.of(ZERO_UUID);
        };
    }

    @Override
    public String toString() {
        return refTable.map(t -> "uuid->" + t + (refType == RefType.WEAK ? " (weak)" : "")).orElse(type.wireName());
    }
}
