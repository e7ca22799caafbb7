package dev.neutrino.ovn;

import dev.neutrino.ovsdb.Monitor;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.value.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The chassis that advertise {@code enable-chassis-as-gw} in {@code ovn-cms-options} (as ML2/OVN
 * reads them from the southbound Chassis table), sorted by name: the candidates for router gateways.
 */
public final class GatewayChassis implements Supplier<List<String>> {
    private final Monitor monitor;

    public GatewayChassis(OvsdbClient sb) {
        this.monitor = sb.monitor("OVN_Southbound", List.of(MonitorRequest.table("Chassis")
                .columns("name", "hostname", "other_config", "external_ids"))).join();
    }

    @Override
    public List<String> get() {
        List<String> out = new ArrayList<>();
        for (Row c : monitor.replica().table("Chassis").rows()) {
            String options = c.getStringMap("other_config").getOrDefault("ovn-cms-options",
                    c.getStringMap("external_ids").getOrDefault("ovn-cms-options", ""));
            if (List.of(options.split(",")).contains("enable-chassis-as-gw")) out.add(c.getString("name"));
        }
        out.sort(null);
        return out;
    }
}
