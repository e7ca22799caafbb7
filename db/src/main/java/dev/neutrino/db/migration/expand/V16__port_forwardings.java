package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * Floating IP port forwardings (floating-ip-port-forwarding with its description and port ranges),
 * as Neutron's {@code portforwardings} table holds them: a floating IP's (protocol, external ports)
 * once, and an internal (protocol, port, address, ports) once; both go with their floating IP and
 * with their internal port. The ports are kept as the API shows them: a single port in
 * {@code external_port}/{@code internal_port} (NULL for a range) and always as "start:end" in the
 * {@code *_range} columns, which the unique keys use. {@code project_id} is the floating IP's.
 */
public class V16__port_forwardings extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "portforwardings").idAndProject()
                .col("floatingip_id", UUID.notNull())
                .col("internal_port_id", UUID.notNull())
                .col("internal_ip_address", SQLDataType.VARCHAR(64).notNull())
                .col("protocol", SQLDataType.VARCHAR(40).notNull())
                .col("external_port", SQLDataType.INTEGER.null_())
                .col("internal_port", SQLDataType.INTEGER.null_())
                .col("external_port_range", SQLDataType.VARCHAR(16).notNull())
                .col("internal_port_range", SQLDataType.VARCHAR(16).notNull())
                .col("description", SQLDataType.VARCHAR(255).null_())
                .unique("uniq_port_forwardings0floatingip_id0protocol0external_ports",
                        "floatingip_id", "protocol", "external_port_range")
                .unique("uniq_port_forwardings0ptcl0in_prt_id0in_ip_addr0in_prts",
                        "protocol", "internal_port_id", "internal_ip_address", "internal_port_range")
                .foreignKey("floatingip_id", "floatingips", true)
                .foreignKey("internal_port_id", "ports", true)
                .create();
        Ddl.index(dsl, "ix_portforwardings_floatingip_id", "portforwardings", "floatingip_id");
        Ddl.index(dsl, "ix_portforwardings_internal_port_id", "portforwardings", "internal_port_id");
    }
}
