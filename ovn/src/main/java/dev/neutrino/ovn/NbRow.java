package dev.neutrino.ovn;

import java.util.Map;
import java.util.TreeMap;

/**
 * One row of the OVN northbound database as Neutrino wants it: its table, a key that identifies it
 * across syncs (a name, or a Neutron id kept in external_ids), and the columns Neutrino manages.
 * Column values are String, Long, Boolean, {@code List} (an OVSDB set), {@code Map} (an OVSDB map)
 * or {@link Ref} (a reference to another row, by its key).
 */
public record NbRow(String table, String key, Map<String, Object> columns) {
    public NbRow {
        columns = java.util.Collections.unmodifiableMap(new TreeMap<>(columns));
    }

    public Ref ref() {
        return new Ref(table, key);
    }

    /** A reference to a row by table and key; the applier turns it into a UUID. */
    public record Ref(String table, String key) implements Comparable<Ref> {
        @Override
        public int compareTo(Ref o) {
            int c = table.compareTo(o.table);
            return c != 0 ? c : key.compareTo(o.key);
        }

        @Override
        public String toString() {
            return table + "[" + key + "]";
        }
    }
}
