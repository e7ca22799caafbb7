package dev.neutrino.ext.vlantransparent;

import dev.neutrino.common.NeutronException;
import dev.neutrino.common.ReleaseGate;
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

    /**
     * The first release whose OVN translation writes vlan-passthru and the localnet's ethtype: a server
     * of an older release would write such a network's rows as a plain network's, so none is made
     * while one runs.
     */
    static final String SINCE = "0.3.0-SNAPSHOT";

    public static void install(Engine engine, ReleaseGate gate) {
        if (!engine.hasExtension("vlan-transparent") && !engine.hasExtension("qinq")) return;
        engine.service(Networks.DEF).addHooks(new ResourceHooks() {
            @Override
            public void beforeCreate(Tx tx, Map<String, Object> network) {
                boolean transparent = Boolean.TRUE.equals(network.get("vlan_transparent"));
                boolean qinq = Boolean.TRUE.equals(network.get("qinq"));
                if (transparent && qinq) {
                    // n_exc.BadRequest(resource='network', msg=...): its template adds a period to the message's
                    throw new NeutronException(400, "BadRequest", "Bad network request: Attributes "
                            + "'vlan_transparent' and 'qinq' can not be set to True for the same network..");
                }
                if ((transparent || qinq) && !gate.allAtLeast(SINCE)) {
                    throw NeutronException.conflict("VlanTransparencyNotYetAvailable", "VLAN transparent and QinQ "
                            + "networks cannot be created while servers of a release older than " + SINCE
                            + " still run on this database (a rolling upgrade is in progress).");
                }
            }
        });
    }
}
