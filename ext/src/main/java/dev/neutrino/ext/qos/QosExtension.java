package dev.neutrino.ext.qos;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.dict;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;

/**
 * neutron_lib/api/definitions/qos.py and the QoS extensions ML2/OVN's QoS driver serves: policies at
 * {@code /v2.0/qos/policies}, their rules as sub-resources ({@code bandwidth_limit_rules} with a
 * direction, {@code dscp_marking_rules}, {@code minimum_bandwidth_rules}), the rule types and
 * {@code qos_policy_id} on networks and ports. The {@code qos} ML2 extension driver puts the family in
 * the API (without it ML2/OVN's QoS driver is not loaded either).
 */
@Declaration
public final class QosExtension {
    private QosExtension() {}

    public static final String EGRESS = "egress";
    public static final String INGRESS = "ingress";
    public static final List<String> DIRECTIONS = List.of(EGRESS, INGRESS);
    /** neutron_lib.constants.VALID_DIRECTIONS_AND_ANY: a minimum packet rate may hold for both directions. */
    public static final String ANY = "any";
    public static final List<String> DIRECTIONS_AND_ANY = List.of(EGRESS, INGRESS, ANY);
    /** neutron_lib.constants.VALID_DSCP_MARKS. */
    public static final List<Integer> VALID_DSCP_MARKS = List.of(0, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30,
            32, 34, 36, 38, 40, 46, 48, 56);
    static final int DB_INTEGER_MAX_VALUE = Integer.MAX_VALUE;

    public static final ResourceDef POLICY = ResourceDef.builder("policy", "policies")
            .path("qos/policies")
            .table("qos_policies")
            .name()
            .project()
            .standard()
            .add(bool("shared").post(false).put().validate(Validators.BOOLEAN).query())
            .add(list("rules").computed())
            .build();

    /**
     * The rule types (neutron_lib.services.qos.constants.VALID_RULE_TYPES, in that order: a policy's
     * rules are listed, and checked against the driver, by type in this order), each a
     * sub-resource below a policy: the extension that brings it, the extension that brings its alias
     * resource (none for packet rate limits) and whether ML2/OVN's QoS driver supports it
     * (neutron/services/qos/drivers/ovn/driver.py SUPPORTED_RULES: not the packet rate types).
     */
    public enum RuleType {
        BANDWIDTH_LIMIT("bandwidth_limit", "qos", "qos-rules-alias", true,
                ResourceDef.builder("bandwidth_limit_rule", "bandwidth_limit_rules")
                .project()
                .add(integer("max_kbps").required().put().validate(Validators.range(0, DB_INTEGER_MAX_VALUE)).query())
                .add(integer("max_burst_kbps").post(0).put().validate(Validators.range(0, DB_INTEGER_MAX_VALUE)).query())
                .add(string("direction").post(EGRESS).put().validate(Validators.values(DIRECTIONS)).query())
                .build()),
        DSCP_MARKING("dscp_marking", "qos", "qos-rules-alias", true,
                ResourceDef.builder("dscp_marking_rule", "dscp_marking_rules")
                .project()
                .add(integer("dscp_mark").required().put().validate(Validators.values(VALID_DSCP_MARKS)).query())
                .build()),
        MINIMUM_BANDWIDTH("minimum_bandwidth", "qos", "qos-rules-alias", true,
                ResourceDef.builder("minimum_bandwidth_rule", "minimum_bandwidth_rules")
                .project()
                .add(integer("min_kbps").required().put().validate(Validators.range(0, DB_INTEGER_MAX_VALUE)).query())
                .add(string("direction").post(EGRESS).put().validate(Validators.values(DIRECTIONS)).query())
                .build()),
        MINIMUM_PACKET_RATE("minimum_packet_rate", "qos-pps-minimum", "qos-pps-minimum-rule-alias", false,
                ResourceDef.builder("minimum_packet_rate_rule", "minimum_packet_rate_rules")
                .project()
                .add(integer("min_kpps").required().put().validate(Validators.range(0, DB_INTEGER_MAX_VALUE)).query())
                .add(string("direction").post(EGRESS).put().validate(Validators.values(DIRECTIONS_AND_ANY)).query())
                .build()),
        /** qos_pps_rule.py (max_kpps has no default: required). */
        PACKET_RATE_LIMIT("packet_rate_limit", "qos-pps", null, false,
                ResourceDef.builder("packet_rate_limit_rule", "packet_rate_limit_rules")
                .project()
                .add(integer("max_kpps").required().put().validate(Validators.range(0, DB_INTEGER_MAX_VALUE)).query())
                .add(integer("max_burst_kpps").post(0).put().validate(Validators.range(0, DB_INTEGER_MAX_VALUE)).query())
                .add(string("direction").post(EGRESS).put().validate(Validators.values(DIRECTIONS)).query())
                .build());

        /** The rule's {@code type} ({@code bandwidth_limit}). */
        public final String type;
        /** The sub-resource: what a body may give, its URL segment ({@code collection()}) and key ({@code singular()}). */
        public final ResourceDef def;

        /** The extension that brings the sub-resource ({@code qos-pps}). */
        public final String extension;
        /** The extension that brings {@code /v2.0/qos/alias-...-rules/{id}}, or null. */
        public final String aliasExtension;
        /** Whether the loaded QoS driver (ML2/OVN's) supports the type. */
        public final boolean supportedByOvn;

        RuleType(String type, String extension, String aliasExtension, boolean supportedByOvn, ResourceDef def) {
            this.type = type;
            this.extension = extension;
            this.aliasExtension = aliasExtension;
            this.supportedByOvn = supportedByOvn;
            this.def = def;
        }

        /** The rule's own attributes (no id, no project). */
        public List<String> parameters() {
            return def.attributes().stream().map(a -> a.name())
                    .filter(n -> !List.of("id", "project_id", "tenant_id").contains(n)).toList();
        }

        public static RuleType of(String type) {
            for (RuleType t : values()) if (t.type.equals(type)) return t;
            return null;
        }

        /** The URL segment of the alias resource ({@code alias-bandwidth-limit-rules}). */
        public String aliasPath() {
            return "qos/alias-" + def.collection().replace('_', '-');
        }
    }

    public static final ExtensionDef QOS = ExtensionDef.builder("qos",
            "Quality of Service",
            "The Quality of Service extension.",
            "2015-06-08T10:00:00-00:00")
            .resource(POLICY)
            .attributes("networks", string("qos_policy_id").post(null).put().validate(Validators.UUID_OR_NONE))
            .attributes("ports", string("qos_policy_id").post(null).put().validate(Validators.UUID_OR_NONE))
            .build();

    public static final ExtensionDef QOS_BW_LIMIT_DIRECTION = ExtensionDef.builder("qos-bw-limit-direction",
            "Direction for QoS bandwidth limit rule",
            "Allow to configure QoS bandwidth limit rule with specific direction: ingress or egress",
            "2017-04-10T10:00:00-00:00")
            .requires("qos")
            .build();

    public static final ExtensionDef QOS_BW_MINIMUM_INGRESS = ExtensionDef.builder("qos-bw-minimum-ingress",
            "Ingress direction for QoS minimum bandwidth rule",
            "Allow to configure QoS minumum bandwidth rule with ingress direction.",
            "2018-07-09T10:00:00-00:00")
            .requires("qos")
            .build();

    public static final ExtensionDef QOS_DEFAULT = ExtensionDef.builder("qos-default",
            "QoS default policy",
            "Expose the QoS default policy per project",
            "2017-041-06T10:00:00-00:00")
            .requires("qos")
            .attributes("policies", bool("is_default").post(false).put().validate(Validators.BOOLEAN).query())
            .build();

    public static final ExtensionDef QOS_PORT_NETWORK_POLICY = ExtensionDef.builder("qos-port-network-policy",
            "QoS port network policy ID",
            "Adds a the QoS network ID to the port definition",
            "2019-11-01T10:00:00-00:00")
            .requires("qos")
            .attributes("ports", string("qos_network_policy_id").computed())
            .build();

    public static final ExtensionDef QOS_RULE_TYPE_DETAILS = ExtensionDef.builder("qos-rule-type-details",
            "Details of QoS rule types",
            "Expose details about QoS rule types supported by loaded backend drivers",
            "2017-06-22T10:00:00-00:00")
            .requires("qos")
            .build();

    public static final ExtensionDef QOS_RULES_ALIAS = ExtensionDef.builder("qos-rules-alias",
            "Quality of Service rules alias API",
            "API to enable GET, PUT and DELETE operations on QoS policy rules without specifying policy ID",
            "2018-10-07T10:00:00-00:00")
            .requires("qos")
            .build();

    public static final ExtensionDef QOS_RULE_TYPE_FILTER = ExtensionDef.builder("qos-rule-type-filter",
            "Allow to filter the list of QoS rule types",
            "Allows to filter the QoS rule type list adding two new flags. \"all_rules\" prints all implemented QoS "
                    + "rule types.\"all_supported\" prints all supported QoS rule types by the loaded mechanism "
                    + "drivers",
            "2022-02-02T10:00:00-00:00")
            .requires("qos")
            .build();

    public static final ExtensionDef QOS_PPS = ExtensionDef.builder("qos-pps",
            "QoS Rule Type Packet per Second Extension",
            "Add QoS Rule Type Packet per Second",
            "2021-05-12T10:00:00-00:00")
            .requires("qos")
            .build();

    public static final ExtensionDef QOS_PPS_MINIMUM = ExtensionDef.builder("qos-pps-minimum",
            "QoS minimum packet rate rule",
            "Allow to configure QoS minimum packet rate rule.",
            "2021-07-14T10:00:00-00:00")
            .requires("qos")
            .build();

    public static final ExtensionDef QOS_PPS_MINIMUM_RULE_ALIAS = ExtensionDef.builder("qos-pps-minimum-rule-alias",
            "QoS minimum packet rate rule alias",
            "API to enable GET, PUT and DELETE operations on QoS minimum packet rate rule without specifying "
                    + "policy ID",
            "2021-10-22T10:00:00-00:00")
            .requires("qos", "qos-pps-minimum")
            .build();

    /**
     * qos_fip.py: a floating IP's {@code qos_policy_id}; ML2/OVN's L3 plugin supports it while the QoS
     * service plugin is loaded (here: while the {@code qos} extension driver is).
     */
    public static final ExtensionDef QOS_FIP = ExtensionDef.builder("qos-fip",
            "Floating IP QoS",
            "The floating IP Quality of Service extension",
            "2017-07-20T00:00:00-00:00")
            .requires("router", "qos")
            .attributes("floatingips", string("qos_policy_id").post(null).put().validate(Validators.UUID_OR_NONE))
            .build();

    /**
     * qos_gateway_ip.py: {@code qos_policy_id} inside a router's {@code external_gateway_info} (the
     * key is validated by l3's gateway validator, {@code Routers}); stored as the router's hidden
     * {@code qos_policy_id}.
     */
    public static final ExtensionDef QOS_GATEWAY_IP = ExtensionDef.builder("qos-gateway-ip",
            "Router gateway IP QoS",
            "The Router gateway IP Quality of Service extension",
            "2018-02-24T00:00:00-00:00")
            .requires("router", "qos", "ext-gw-mode")
            .attributes("routers", string("qos_policy_id").hidden())
            .build();

    /**
     * port_resource_request.py: a port's {@code resource_request} for Placement, computed from its
     * policy's minimum bandwidth and minimum packet rate rules ({@link ResourceRequests}); Zed's
     * {@code get_port:resource_request} shows it to admins only.
     */
    public static final ExtensionDef PORT_RESOURCE_REQUEST = ExtensionDef.builder("port-resource-request",
            "Port Resource Request",
            "Expose resource request to Port",
            "2018-05-08T10:00:00-00:00")
            .requires("qos")
            .attributes("ports", dict("resource_request").computed())
            .build();

    /** port_resource_request_groups.py (a shim: the request's shape with request groups and same_subtree). */
    public static final ExtensionDef PORT_RESOURCE_REQUEST_GROUPS = ExtensionDef.builder(
            "port-resource-request-groups",
            "Port Resource Request Groups",
            "Support requesting multiple groups of resources and traits from the same RP subtree in "
                    + "resource_request",
            "2021-08-02T10:00:00-00:00")
            .requires("qos", "port-resource-request")
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(QOS, QOS_BW_LIMIT_DIRECTION, QOS_BW_MINIMUM_INGRESS, QOS_DEFAULT,
            QOS_PORT_NETWORK_POLICY, QOS_RULE_TYPE_DETAILS, QOS_RULES_ALIAS, QOS_RULE_TYPE_FILTER, QOS_PPS, QOS_PPS_MINIMUM,
            QOS_PPS_MINIMUM_RULE_ALIAS, QOS_FIP, QOS_GATEWAY_IP, PORT_RESOURCE_REQUEST, PORT_RESOURCE_REQUEST_GROUPS);

    /** The aliases the {@code qos} ML2 extension driver puts in the API. */
    public static final List<String> ALIASES = ALL.stream().map(ExtensionDef::alias).toList();
}
