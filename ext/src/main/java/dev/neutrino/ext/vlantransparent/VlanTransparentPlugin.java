package dev.neutrino.ext.vlantransparent;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.core.Networks;
import java.util.Map;

/**
 * VLAN transparent and QinQ networks ({@link VlanTransparentExtension}): both attributes are set on
 * create only, and not both (ML2's create_network, 2025.1: 400). Whether the network's type can carry
 * them is the mechanism drivers' question (ML2/OVN: check_vlan_transparency, check_vlan_qinq).
 */
public final class VlanTransparentPlugin {
    private VlanTransparentPlugin() {}

    public static void install(Engine engine) {
        if (!engine.hasExtension("vlan-transparent") || !engine.hasExtension("qinq")) return;
        engine.service(Networks.DEF).addHooks(new ResourceHooks() {
            @Override
            public void beforeCreate(Tx tx, Map<String, Object> network) {
                if (Boolean.TRUE.equals(network.get("vlan_transparent")) && Boolean.TRUE.equals(network.get("qinq"))) {
                    // n_exc.BadRequest(resource='network', msg=...): its template adds a period to the message's
                    throw new NeutronException(400, "BadRequest", "Bad network request: Attributes "
                            + "'vlan_transparent' and 'qinq' can not be set to True for the same network..");
                }
            }
        });
    }
}
