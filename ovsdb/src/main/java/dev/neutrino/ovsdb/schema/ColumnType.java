package dev.neutrino.ovsdb.schema;

import dev.neutrino.ovsdb.value.OvsdbMap;
import dev.neutrino.ovsdb.value.OvsdbSet;
import dev.neutrino.ovsdb.value.OvsdbValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A column's type (RFC 7047 {@code <type>}): key type, optional value type (then it is a map) and the
 * number of elements allowed, {@code min..max}.
 *
 * <ul>
 *   <li>scalar: no value type and exactly one element ({@code min = max = 1});</li>
 *   <li>set: no value type otherwise (an "optional" column is a set of 0 or 1);</li>
 *   <li>map: a value type.</li>
 * </ul>
 *
 * @param max {@link #UNLIMITED} for {@code "unlimited"}
 */
public record ColumnType(BaseType key, Optional<BaseType> value, long min, long max) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public ColumnType {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (min < 0 || min > 1) {
            throw new IllegalArgumentException("min must be 0 or 1, not " + min);
        }
        if (max < 1 || max < min) {
            throw new IllegalArgumentException("max must be at least 1 and at least min, not " + max);
        }
    }

    public static ColumnType scalar(BaseType key) {
        return new ColumnType(key, Optional.empty(), 1, 1);
    }

    public static ColumnType set(BaseType key, long min, long max) {
        return new ColumnType(key, Optional.empty(), min, max);
    }

    public static ColumnType map(BaseType key, BaseType value, long min, long max) {
        return new ColumnType(key, Optional.of(value), min, max);
    }

    public boolean isScalar() {
        return value.isEmpty() && min == 1 && max == 1;
    }

    public boolean isMap() {
        return value.isPresent();
    }

    public boolean isSet() {
        return value.isEmpty() && !isScalar();
    }

    /** A set of zero or one element. */
    public boolean isOptional() {
        return value.isEmpty() && min == 0 && max == 1;
    }

    /**
     * The value of a column nobody set, as ovsdb-server fills it in: for a scalar the key type's
     * default atom, for a set or map with {@code min = 0} empty, else one default element or pair.
     */
    public OvsdbValue defaultValue() {
        if (isScalar()) {
            return key.defaultAtom();
        }
        if (isMap()) {
            return min == 0 ? OvsdbMap.empty() : new OvsdbMap(Map.of(key.defaultAtom(), value.get().defaultAtom()));
        }
        return min == 0 ? OvsdbSet.empty() : OvsdbSet.of(key.defaultAtom());
    }

    @Override
    public String toString() {
        String range = "[" + min + ".." + (max == UNLIMITED ? "unlimited" : Long.toString(max)) + "]";
        if (isScalar()) {
            return key.toString();
        }
        return isMap() ? "map<" + key + "," + value.get() + ">" + range : "set<" + key + ">" + range;
    }
}
