package dev.neutrino.ext.qos;

import static dev.neutrino.schema.Tables.NETWORKS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * qos-fip and qos-gateway-ip (neutron/db/l3_fip_qos.py, l3_gateway_ip_qos.py, objects/router.py): the
 * QoS policy of a floating IP ({@code qos_policy_id}, stored in its row) and of a router's gateway IP
 * ({@code external_gateway_info.qos_policy_id}, stored as the router's hidden {@code qos_policy_id}).
 * A policy must be one the caller may see (QosPolicyNotFound, as Zed's router gateway checks it; Zed
 * checks nothing for a floating IP and fails with 500 on a policy that does not exist). OVN applies
 * them as ML2/OVN does (dev.neutrino.ovn.Translator#gatewayQos), with the external network's policy
 * standing in for a missing one.
 */
final class QosL3Hooks {
    private QosL3Hooks() {}

    static final String ATTRIBUTE = QosExtensionDriver.ATTRIBUTE;

    /** A floating IP's policy: checked when given; kept when an update does not name it. */
    static final class FloatingIps implements ResourceHooks {
        @Override
        public void beforeCreate(Tx tx, Map<String, Object> fip) {
            if (fip.get(ATTRIBUTE) != null) QosExtensionDriver.check(tx, fip.get(ATTRIBUTE));
        }

        @Override
        public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
            Object policy = changes.get(ATTRIBUTE);
            if (policy != null && !policy.equals(current.get(ATTRIBUTE))) QosExtensionDriver.check(tx, policy);
        }
    }

    /**
     * A router's gateway policy: set from {@code external_gateway_info.qos_policy_id} when the key is
     * given (null clears it), kept when the gateway info does not name it, cleared with the gateway
     * (_update_router_gw_info); shown in {@code external_gateway_info} when the router or its gateway
     * network has a policy (_extend_router_dict_gw_qos).
     */
    static final class Routers implements ResourceHooks {
        @Override
        public void beforeCreate(Tx tx, Map<String, Object> router) {
            Map<String, Object> gw = gateway(router.get("external_gateway_info"));
            if (gw != null && gw.get(ATTRIBUTE) != null) {
                QosExtensionDriver.check(tx, gw.get(ATTRIBUTE));
                router.put(ATTRIBUTE, gw.get(ATTRIBUTE));
            }
        }

        @Override
        public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
            if (!changes.containsKey("external_gateway_info")) return;
            Map<String, Object> gw = gateway(changes.get("external_gateway_info"));
            if (gw == null) {
                changes.put(ATTRIBUTE, null);
            } else if (gw.containsKey(ATTRIBUTE)) {
                Object policy = gw.get(ATTRIBUTE);
                if (policy != null && !policy.equals(current.get(ATTRIBUTE))) QosExtensionDriver.check(tx, policy);
                changes.put(ATTRIBUTE, policy);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void extend(Tx tx, List<Map<String, Object>> routers) {
            Set<String> networks = new HashSet<>();
            for (Map<String, Object> r : routers) {
                if (r.get("external_gateway_info") instanceof Map<?, ?> gw && gw.get("network_id") instanceof String n) {
                    networks.add(n);
                }
            }
            if (networks.isEmpty()) return;
            Map<String, String> netPolicy = new HashMap<>();
            tx.dsl().select(NETWORKS.ID, NETWORKS.QOS_POLICY_ID).from(NETWORKS)
                    .where(NETWORKS.ID.in(networks).and(NETWORKS.QOS_POLICY_ID.isNotNull()))
                    .fetch().forEach(rec -> netPolicy.put(rec.value1(), rec.value2()));
            for (Map<String, Object> r : routers) {
                if (!(r.get("external_gateway_info") instanceof Map<?, ?> gw)) continue;
                Object own = r.get(ATTRIBUTE);
                if (own != null || netPolicy.containsKey(gw.get("network_id"))) {
                    ((Map<String, Object>) gw).put(ATTRIBUTE, own);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> gateway(Object raw) {
            return raw instanceof Map<?, ?> m && !m.isEmpty() ? (Map<String, Object>) m : null;
        }
    }
}
