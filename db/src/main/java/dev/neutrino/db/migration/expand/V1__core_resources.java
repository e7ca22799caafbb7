package dev.neutrino.db.migration.expand;

import static dev.neutrino.db.migration.Ddl.JSON;
import static dev.neutrino.db.migration.Ddl.NAME;
import static dev.neutrino.db.migration.Ddl.UUID;

import dev.neutrino.db.migration.Ddl;
import dev.neutrino.db.migration.JooqMigration;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/** The core resources of the Neutron v2.0 API (expand phase 1: only additions). */
public class V1__core_resources extends JooqMigration {
    @Override
    protected void migrate(DSLContext dsl) {
        Ddl.table(dsl, "networks").idAndProject().standard()
                .col("name", NAME.null_())
                .col("status", SQLDataType.VARCHAR(16).null_())
                .col("admin_state_up", SQLDataType.BOOLEAN.notNull())
                .col("shared", SQLDataType.BOOLEAN.notNull())
                .col("router_external", SQLDataType.BOOLEAN.notNull())
                .col("mtu", SQLDataType.INTEGER.null_())
                .col("port_security_enabled", SQLDataType.BOOLEAN.notNull())
                .col("availability_zone_hints", JSON.null_())
                .create();
        Ddl.index(dsl, "ix_networks_project_id", "networks", "project_id");

        Ddl.table(dsl, "address_scopes").idAndProject().standard()
                .col("name", NAME.null_())
                .col("ip_version", SQLDataType.INTEGER.notNull())
                .col("shared", SQLDataType.BOOLEAN.notNull())
                .create();

        Ddl.table(dsl, "subnetpools").idAndProject().standard()
                .col("name", NAME.null_())
                .col("ip_version", SQLDataType.INTEGER.notNull())
                .col("default_prefixlen", SQLDataType.INTEGER.notNull())
                .col("min_prefixlen", SQLDataType.INTEGER.notNull())
                .col("max_prefixlen", SQLDataType.INTEGER.notNull())
                .col("shared", SQLDataType.BOOLEAN.notNull())
                .col("is_default", SQLDataType.BOOLEAN.notNull())
                .col("default_quota", SQLDataType.INTEGER.null_())
                .col("address_scope_id", UUID.null_())
                .col("prefixes", JSON.null_())
                .create();

        Ddl.table(dsl, "subnets").idAndProject().standard()
                .col("name", NAME.null_())
                .col("network_id", UUID.notNull())
                .col("ip_version", SQLDataType.INTEGER.notNull())
                .col("cidr", SQLDataType.VARCHAR(64).notNull())
                .col("gateway_ip", SQLDataType.VARCHAR(64).null_())
                .col("enable_dhcp", SQLDataType.BOOLEAN.notNull())
                .col("ipv6_ra_mode", SQLDataType.VARCHAR(16).null_())
                .col("ipv6_address_mode", SQLDataType.VARCHAR(16).null_())
                .col("subnetpool_id", UUID.null_())
                .col("segment_id", UUID.null_())
                .col("dns_nameservers", JSON.null_())
                .col("host_routes", JSON.null_())
                .col("allocation_pools", JSON.null_())
                .col("service_types", JSON.null_())
                .foreignKey("network_id", "networks", false)
                .create();
        Ddl.index(dsl, "ix_subnets_network_id", "subnets", "network_id");

        Ddl.table(dsl, "ports").idAndProject().standard()
                .col("name", NAME.null_())
                .col("network_id", UUID.notNull())
                .col("mac_address", SQLDataType.VARCHAR(32).notNull())
                .col("admin_state_up", SQLDataType.BOOLEAN.notNull())
                .col("status", SQLDataType.VARCHAR(16).notNull())
                .col("device_id", NAME.notNull())
                .col("device_owner", NAME.notNull())
                .col("port_security_enabled", SQLDataType.BOOLEAN.notNull())
                .col("ip_allocation", SQLDataType.VARCHAR(16).null_())
                .col("binding_host_id", NAME.null_())
                .col("binding_vnic_type", SQLDataType.VARCHAR(64).notNull())
                .col("binding_profile", JSON.null_())
                .col("binding_vif_type", SQLDataType.VARCHAR(64).null_())
                .col("binding_vif_details", JSON.null_())
                .col("allowed_address_pairs", JSON.null_())
                .col("extra_dhcp_opts", JSON.null_())
                .unique("uniq_ports_network_id_mac_address", "network_id", "mac_address")
                .foreignKey("network_id", "networks", false)
                .create();
        Ddl.index(dsl, "ix_ports_project_id", "ports", "project_id");
        Ddl.index(dsl, "ix_ports_device_id", "ports", "device_id");

        Ddl.table(dsl, "ipallocations")
                .col("port_id", UUID.notNull())
                .col("ip_address", SQLDataType.VARCHAR(64).notNull())
                .col("subnet_id", UUID.notNull())
                .col("network_id", UUID.notNull())
                .primaryKey("subnet_id", "ip_address")
                .foreignKey("port_id", "ports", true)
                .foreignKey("subnet_id", "subnets", false)
                .create();
        Ddl.index(dsl, "ix_ipallocations_port_id", "ipallocations", "port_id");

        Ddl.table(dsl, "securitygroups").idAndProject().standard()
                .col("name", NAME.null_())
                .col("stateful", SQLDataType.BOOLEAN.notNull())
                .create();
        Ddl.index(dsl, "ix_securitygroups_project_id", "securitygroups", "project_id");

        Ddl.table(dsl, "default_security_group")
                .col("project_id", SQLDataType.VARCHAR(255).notNull())
                .col("security_group_id", UUID.notNull())
                .primaryKey("project_id")
                .foreignKey("security_group_id", "securitygroups", true)
                .create();

        Ddl.table(dsl, "securitygrouprules").idAndProject().standard()
                .col("security_group_id", UUID.notNull())
                .col("remote_group_id", UUID.null_())
                .col("remote_address_group_id", UUID.null_())
                .col("direction", SQLDataType.VARCHAR(16).notNull())
                .col("ethertype", SQLDataType.VARCHAR(16).notNull())
                .col("protocol", SQLDataType.VARCHAR(40).null_())
                .col("port_range_min", SQLDataType.INTEGER.null_())
                .col("port_range_max", SQLDataType.INTEGER.null_())
                .col("remote_ip_prefix", SQLDataType.VARCHAR(64).null_())
                .foreignKey("security_group_id", "securitygroups", true)
                .create();
        Ddl.index(dsl, "ix_sgrules_security_group_id", "securitygrouprules", "security_group_id");

        Ddl.table(dsl, "port_security_groups")
                .col("port_id", UUID.notNull())
                .col("security_group_id", UUID.notNull())
                .primaryKey("port_id", "security_group_id")
                .foreignKey("port_id", "ports", true)
                .foreignKey("security_group_id", "securitygroups", false)
                .create();

        Ddl.table(dsl, "rbac_policies").idAndProject().standard()
                .col("object_type", SQLDataType.VARCHAR(64).notNull())
                .col("object_id", UUID.notNull())
                .col("target_tenant", SQLDataType.VARCHAR(255).notNull())
                .col("action", SQLDataType.VARCHAR(64).notNull())
                .unique("uniq_rbac_object_action_target", "object_type", "object_id", "action", "target_tenant")
                .create();
        Ddl.index(dsl, "ix_rbac_object_id", "rbac_policies", "object_id");

        Ddl.table(dsl, "quotas")
                .col("project_id", SQLDataType.VARCHAR(255).notNull())
                .col("resource", SQLDataType.VARCHAR(255).notNull())
                .col("quota_limit", SQLDataType.INTEGER.notNull())
                .primaryKey("project_id", "resource")
                .create();

        Ddl.table(dsl, "tags")
                .col("resource_id", UUID.notNull())
                .col("tag", SQLDataType.VARCHAR(255).notNull())
                .primaryKey("resource_id", "tag")
                .create();
    }
}
