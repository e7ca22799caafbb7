package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.UUID;
import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;

/**
 * QoS of floating IPs and router gateways (qos-fip, qos-gateway-ip): the policy of a floating IP and
 * the policy of a router's gateway IP, as columns beside V12's {@code networks.qos_policy_id} and
 * {@code ports.qos_policy_id} (Neutron keeps them in qos_fip_policy_bindings and
 * qos_router_gw_policy_bindings). Only adds: safe while older servers run (they neither read nor write
 * these columns).
 */
public class V17__qos_l3 extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        for (String table : new String[] {"floatingips", "routers"}) {
            dsl.alterTable(name(table)).addColumn(name("qos_policy_id"), UUID.null_()).execute();
            Ddl.index(dsl, "ix_" + table + "_qos_policy", table, "qos_policy_id");
        }
    }
}
