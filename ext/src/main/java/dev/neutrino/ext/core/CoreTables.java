package dev.neutrino.ext.core;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.neutrino.model.Declaration;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** The core's child tables that other extensions read: a port's fixed IPs ({@code ipallocations}). */
@Declaration
public final class CoreTables {
    private CoreTables() {}

    public static final Table<Record> IPALLOCATIONS = table(name("ipallocations"));
    public static final Field<String> IPALLOCATIONS_PORT_ID = field(name("ipallocations", "port_id"), String.class);
    public static final Field<String> IPALLOCATIONS_IP_ADDRESS = field(name("ipallocations", "ip_address"),
            String.class);
    public static final Field<String> IPALLOCATIONS_SUBNET_ID = field(name("ipallocations", "subnet_id"),
            String.class);
    public static final Field<String> IPALLOCATIONS_NETWORK_ID = field(name("ipallocations", "network_id"),
            String.class);
    public static final Field<String> IPALLOCATIONS_IP_ORDER = field(name("ipallocations", "ip_order"), String.class);
}
