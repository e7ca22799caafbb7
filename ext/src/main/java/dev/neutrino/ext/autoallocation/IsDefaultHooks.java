package dev.neutrino.ext.autoallocation;

import static dev.neutrino.schema.Tables.NETWORKS;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.List;
import java.util.Map;

/**
 * {@code is_default} on networks (auto-allocated-topology): only an external network can be the
 * default one, and only one at a time; it shows on external networks only.
 */
final class IsDefaultHooks implements ResourceHooks {
    static final String IS_DEFAULT = "is_default";
    static final String EXTERNAL = "router:external";

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> net) {
        defaultOnCreate(tx, net);
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        defaultOnUpdate(tx, current, changes);
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> nets) {
        extendNetworks(nets);
    }

    /** Only an external network can be the default one, and only one at a time. */
    private static void defaultOnCreate(Tx tx, Map<String, Object> net) {
        if (!Boolean.TRUE.equals(net.get(EXTERNAL))) {
            net.put(IS_DEFAULT, false); // Neutron keeps is_default on the external network record only
        } else if (Boolean.TRUE.equals(net.get(IS_DEFAULT))) {
            checkNoOtherDefault(tx, null);
        }
    }

    private static void defaultOnUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        boolean external = Boolean.TRUE.equals(changes.getOrDefault(EXTERNAL, current.get(EXTERNAL)));
        if (!external) {
            if (changes.containsKey(IS_DEFAULT) || Boolean.TRUE.equals(current.get(IS_DEFAULT))) {
                changes.put(IS_DEFAULT, false);
            }
        } else if (Boolean.TRUE.equals(changes.get(IS_DEFAULT))) {
            checkNoOtherDefault(tx, (String) current.get("id"));
        }
    }

    private static void checkNoOtherDefault(Tx tx, String self) {
        var other = tx.dsl().select(NETWORKS.ID).from(NETWORKS)
                .where(NETWORKS.IS_DEFAULT.isTrue()).limit(1).fetchOne(0, String.class);
        if (other != null && !other.equals(self)) {
            throw NeutronException.conflict("DefaultExternalNetworkExists",
                    "A default external network already exists: " + other + ".");
        }
    }

    /** is_default shows on external networks only (a row written before the column reads as false). */
    private static void extendNetworks(List<Map<String, Object>> nets) {
        for (Map<String, Object> n : nets) {
            if (!n.containsKey(IS_DEFAULT)) continue;
            if (!Boolean.TRUE.equals(n.get(EXTERNAL))) n.remove(IS_DEFAULT);
            else if (n.get(IS_DEFAULT) == null) n.put(IS_DEFAULT, false);
        }
    }

}
