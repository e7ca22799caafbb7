package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.JSON;
import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * L3: routers and floating IPs. A router's gateway and interfaces are its ports (device_id = router
 * id, device_owner network:router_gateway / network:router_interface); the unique key on
 * (floating_network_id, port_id, fixed_ip_address) is what keeps one fixed IP to one floating IP per
 * external network across concurrent requests and server processes.
 */
public class V3__l3 extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "routers").idAndProject().standard()
                .col("name", NAME.null_())
                .col("status", SQLDataType.VARCHAR(16).null_())
                .col("admin_state_up", SQLDataType.BOOLEAN.notNull())
                .col("enable_snat", SQLDataType.BOOLEAN.notNull().defaultValue(true))
                .col("routes", JSON.null_())
                .col("availability_zone_hints", JSON.null_())
                .create();
        Ddl.index(dsl, "ix_routers_project_id", "routers", "project_id");

        Ddl.table(dsl, "floatingips").idAndProject().standard()
                .col("floating_ip_address", SQLDataType.VARCHAR(64).notNull())
                .col("floating_network_id", UUID.notNull())
                .col("floating_port_id", UUID.notNull())
                .col("port_id", UUID.null_())
                .col("fixed_ip_address", SQLDataType.VARCHAR(64).null_())
                .col("router_id", UUID.null_())
                .col("status", SQLDataType.VARCHAR(16).null_())
                .unique("uniq_floatingips_net_port_fixed_ip",
                        "floating_network_id", "port_id", "fixed_ip_address")
                .foreignKey("floating_port_id", "ports", true)
                .foreignKey("port_id", "ports", false)
                .foreignKey("router_id", "routers", false)
                .foreignKey("floating_network_id", "networks", false)
                .create();
        Ddl.index(dsl, "ix_floatingips_project_id", "floatingips", "project_id");
        Ddl.index(dsl, "ix_floatingips_floating_port_id", "floatingips", "floating_port_id");
        Ddl.index(dsl, "ix_floatingips_port_id", "floatingips", "port_id");
        Ddl.index(dsl, "ix_floatingips_router_id", "floatingips", "router_id");
    }
}
