package dev.neutrino.ovsdb.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.neutrino.ovsdb.error.OvsdbProtocolException;
import dev.neutrino.ovsdb.schema.BaseType;
import dev.neutrino.ovsdb.schema.ColumnType;
import dev.neutrino.ovsdb.value.Atom;
import dev.neutrino.ovsdb.value.AtomicType;
import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.OvsdbValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.UUID;

/**
 * OVSDB values to and from their JSON form (RFC 7047 section 5.1): atoms as JSON numbers, booleans
 * and strings, {@code ["uuid", "…"]}, {@code ["named-uuid", "…"]}, {@code ["set", [...]]} and
 * {@code ["map", [[k, v], ...]]}.
 *
 * <p>Decoding with a {@link ColumnType} gives the canonical shape for the column: an {@link Atom} for
 * a scalar, an {@link OvsdbSet} for any set (a lone atom on the wire is a set of one), an
 * {@link OvsdbMap} for a map, and integers widened to reals in real columns. Decoding without one
 * keeps the shape found on the wire.
 */
public final class ValueCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueCodec() {}

    public static JsonNode encode(OvsdbValue value) {
        return switch (value) {
            case Atom atom -> encodeAtom(atom);
            case OvsdbSet set -> {
                ArrayNode elements = NODES.arrayNode();
                set.elements().forEach(e -> elements.add(encodeAtom(e)));
                yield NODES.arrayNode().add("set").add(elements);
            }
            case OvsdbMap map -> {
                ArrayNode pairs = NODES.arrayNode();
                map.entries().forEach((k, v) -> pairs.add(NODES.arrayNode().add(encodeAtom(k)).add(encodeAtom(v))));
                yield NODES.arrayNode().add("map").add(pairs);
            }
        };
    }

    public static JsonNode encodeAtom(Atom atom) {
        return switch (atom) {
            case Atom.IntegerAtom a -> NODES.numberNode(a.value());
            case Atom.RealAtom a -> NODES.numberNode(a.value());
            case Atom.BooleanAtom a -> NODES.booleanNode(a.value());
            case Atom.StringAtom a -> NODES.textNode(a.value());
            case Atom.UuidAtom a -> NODES.arrayNode().add("uuid").add(a.value().toString());
            case Atom.NamedUuidAtom a -> NODES.arrayNode().add("named-uuid").add(a.name());
        };
    }

    /** Decodes a value keeping the shape found on the wire. */
    public static OvsdbValue decode(JsonNode json) {
        if (isTagged(json, "set")) {
            LinkedHashSet<Atom> elements = new LinkedHashSet<>();
            for (JsonNode element : taggedArray(json)) {
                elements.add(decodeAtom(element));
            }
            return new OvsdbSet(elements);
        }
        if (isTagged(json, "map")) {
            LinkedHashMap<Atom, Atom> entries = new LinkedHashMap<>();
            for (JsonNode pair : taggedArray(json)) {
                requirePair(pair);
                entries.put(decodeAtom(pair.get(0)), decodeAtom(pair.get(1)));
            }
            return new OvsdbMap(entries);
        }
        return decodeAtom(json);
    }

    /** Decodes a value of a column of type {@code type}, giving the column's canonical shape. */
    public static OvsdbValue decode(JsonNode json, ColumnType type) {
        if (type.isMap()) {
            if (isTagged(json, "set") && taggedArray(json).isEmpty()) {
                return OvsdbMap.empty();
            }
            if (!isTagged(json, "map")) {
                throw new OvsdbProtocolException("expected a map of type " + type + ", got " + json);
            }
            BaseType valueType = type.value().orElseThrow();
            LinkedHashMap<Atom, Atom> entries = new LinkedHashMap<>();
            for (JsonNode pair : taggedArray(json)) {
                requirePair(pair);
                entries.put(decodeAtom(pair.get(0), type.key()), decodeAtom(pair.get(1), valueType));
            }
            return new OvsdbMap(entries);
        }
        if (type.isScalar() && !isTagged(json, "set")) {
            return decodeAtom(json, type.key());
        }
        LinkedHashSet<Atom> elements = new LinkedHashSet<>();
        if (isTagged(json, "set")) {
            for (JsonNode element : taggedArray(json)) {
                elements.add(decodeAtom(element, type.key()));
            }
        } else {
            elements.add(decodeAtom(json, type.key()));
        }
        if (type.isScalar()) {
            if (elements.size() != 1) {
                throw new OvsdbProtocolException("expected one " + type + ", got " + json);
            }
            return elements.iterator().next();
        }
        return new OvsdbSet(elements);
    }

    /** Decodes an atom whose type is told by its JSON form. */
    public static Atom decodeAtom(JsonNode json) {
        if (json.isIntegralNumber()) {
            if (!json.canConvertToLong()) {
                throw new OvsdbProtocolException("integer out of range: " + json);
            }
            return Atom.of(json.longValue());
        }
        if (json.isNumber()) {
            return Atom.of(json.doubleValue());
        }
        if (json.isBoolean()) {
            return Atom.of(json.booleanValue());
        }
        if (json.isTextual()) {
            return Atom.of(json.textValue());
        }
        if (isTagged(json, "uuid")) {
            return Atom.of(parseUuid(json.get(1)));
        }
        if (isTagged(json, "named-uuid")) {
            if (!json.get(1).isTextual()) {
                throw new OvsdbProtocolException("bad named-uuid: " + json);
            }
            return Atom.namedUuid(json.get(1).textValue());
        }
        throw new OvsdbProtocolException("not an OVSDB atom: " + json);
    }

    /** Decodes an atom of type {@code type} (an integer is accepted for a real). */
    public static Atom decodeAtom(JsonNode json, BaseType type) {
        Atom atom = decodeAtom(json);
        if (type.type() == AtomicType.REAL && atom instanceof Atom.IntegerAtom i) {
            return Atom.of((double) i.value());
        }
        if (atom.type() != type.type()) {
            throw new OvsdbProtocolException("expected " + type.type().wireName() + ", got " + json);
        }
        return atom;
    }

    private static UUID parseUuid(JsonNode json) {
        try {
            return UUID.fromString(json.textValue());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new OvsdbProtocolException("bad uuid: " + json, e);
        }
    }

    private static boolean isTagged(JsonNode json, String tag) {
        return json.isArray() && json.size() == 2 && tag.equals(json.get(0).textValue());
    }

    private static JsonNode taggedArray(JsonNode json) {
        JsonNode array = json.get(1);
        if (!array.isArray()) {
            throw new OvsdbProtocolException("expected an array after \"" + json.get(0).textValue() + "\": " + json);
        }
        return array;
    }

    private static void requirePair(JsonNode pair) {
        if (!pair.isArray() || pair.size() != 2) {
            throw new OvsdbProtocolException("expected a [key, value] pair: " + pair);
        }
    }
}
