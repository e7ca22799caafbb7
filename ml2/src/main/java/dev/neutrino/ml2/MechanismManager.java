package dev.neutrino.ml2;

import dev.neutrino.engine.ChangeListener;
import dev.neutrino.engine.ResourceChange;
import dev.neutrino.engine.Tx;
import dev.neutrino.db.Database;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ML2's MechanismManager: the ordered mechanism drivers, called for networks, subnets and ports.
 * Precommit calls run in the writing transaction (a veto rolls it back); postcommit calls are queued
 * on the transaction and run once it has committed (never for a transaction that rolled back or is
 * retried).
 */
public final class MechanismManager implements ChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(MechanismManager.class);

    private final List<MechanismDriver> drivers = new CopyOnWriteArrayList<>();

    /** Adds a driver after those already registered ({@code [ml2] mechanism_drivers} order). */
    public void register(MechanismDriver driver) {
        drivers.add(driver);
    }

    public List<String> names() {
        return drivers.stream().map(MechanismDriver::name).toList();
    }

    @Override
    public boolean active() {
        return !drivers.isEmpty();
    }

    @Override
    public void changed(Tx tx, ResourceChange change) {
        if (drivers.isEmpty()) return;
        Ml2Event event = Ml2Event.of(change);
        for (MechanismDriver d : drivers) d.precommit(event);
        Database.afterCommit(tx.dsl(), () -> postcommit(event));
    }

    private void postcommit(Ml2Event event) {
        for (MechanismDriver d : drivers) {
            try {
                d.postcommit(event);
            } catch (RuntimeException e) {
                // as ML2: the change is committed; the driver must catch up (OVN's sync repairs drift)
                LOG.error("mechanism driver {} failed in {} for {}", d.name(), event.methodName(false),
                        event.current().get("id"), e);
            }
        }
    }

    /** ML2's _bind_port_level: the first driver that binds; null when none does. */
    public MechanismDriver.Binding bind(Map<String, Object> port) {
        for (MechanismDriver d : drivers) {
            MechanismDriver.Binding b = d.bindPort(port);
            if (b != null) {
                // ML2's _update_port_dict_bound_drivers: which driver bound the port, by binding level
                Map<String, Object> details = new java.util.LinkedHashMap<>(b.vifDetails());
                details.put(BOUND_DRIVERS, Map.of("0", d.name()));
                return new MechanismDriver.Binding(b.vifType(), details);
            }
        }
        return null;
    }

    /** The key of {@code binding:vif_details} naming the bound drivers (a port's view, not a binding's). */
    public static final String BOUND_DRIVERS = "bound_drivers";
}
