package dev.neutrino.db.migration.expand;

import static org.jooq.impl.DSL.name;

import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * The DNS extensions (dns-integration, dns-domain-ports, subnet-dns-publish-fixed-ip): a network's
 * {@code dns_domain}, a port's {@code dns_name} and {@code dns_domain}, a subnet's
 * {@code dns_publish_fixed_ip} (Neutron keeps them in networkdnsdomains, portdnses and
 * subnet_dns_publish_fixed_ips). NULL for rows made before, shown as '' and false. Only adds columns:
 * servers of an older release neither read nor write them.
 */
public class V22__dns extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        dsl.alterTable(name("networks")).addColumn(name("dns_domain"), SQLDataType.VARCHAR(255).null_()).execute();
        dsl.alterTable(name("ports")).addColumn(name("dns_name"), SQLDataType.VARCHAR(255).null_()).execute();
        dsl.alterTable(name("ports")).addColumn(name("dns_domain"), SQLDataType.VARCHAR(255).null_()).execute();
        dsl.alterTable(name("subnets")).addColumn(name("dns_publish_fixed_ip"), SQLDataType.BOOLEAN.null_())
                .execute();
    }
}
