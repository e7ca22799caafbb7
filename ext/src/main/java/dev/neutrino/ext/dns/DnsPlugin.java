package dev.neutrino.ext.dns;

import static dev.neutrino.schema.Tables.IPALLOCATIONS;

import dev.neutrino.common.IpAddress;
import dev.neutrino.engine.Engine;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.core.Ports;
import dev.neutrino.ext.l3.FloatingIps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Record;

/**
 * The DNS extensions' behaviour beyond what {@link DnsExtensionDriver} stores: a port's
 * {@code dns_assignment} (computed on every read from its fixed IPs, its {@code dns_name} and
 * {@code [DEFAULT] dns_domain}), and a floating IP's {@code dns_name} and {@code dns_domain}, which
 * without an external DNS driver Neutron checks and does not keep (shown as '').
 */
public final class DnsPlugin {
    private DnsPlugin() {}

    public static void install(Engine engine, String configuredDomain) {
        if (!engine.hasExtension(DnsExtension.DNS_INTEGRATION.alias())) return;
        String domain = DnsNames.domain(configuredDomain);
        engine.service(Ports.DEF).addHooks(new ResourceHooks() {
            @Override
            public void extend(Tx tx, List<Map<String, Object>> ports) {
                extend(tx, ports, Set.of());
            }

            @Override
            public void extend(Tx tx, List<Map<String, Object>> ports, Set<String> fields) {
                boolean shown = fields.isEmpty() || fields.contains("dns_assignment");
                if (!shown) return;
                // a list showing dns_assignment but not fixed_ips has not read the addresses
                Map<String, List<Map<String, Object>>> ips = fields.isEmpty() || fields.contains("fixed_ips")
                        ? null : fixedIps(tx, ports);
                for (Map<String, Object> p : ports) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> fixed = ips != null ? ips.getOrDefault(p.get("id"), List.of())
                            : (List<Map<String, Object>>) p.getOrDefault("fixed_ips", List.of());
                    p.put("dns_assignment", DnsNames.assignment(fixed, (String) p.get("dns_name"), domain));
                }
            }
        });
        engine.service(FloatingIps.DEF).addHooks(new ResourceHooks() {
            @Override
            public void extend(Tx tx, List<Map<String, Object>> fips) {
                for (Map<String, Object> f : fips) {
                    f.put("dns_name", "");
                    f.put("dns_domain", "");
                }
            }
        });
    }

    /** The ports' fixed IPs, each port's in address order (as the port shows them). */
    private static Map<String, List<Map<String, Object>>> fixedIps(Tx tx, List<Map<String, Object>> ports) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> p : ports) ids.add((String) p.get("id"));
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        for (Record r : tx.dsl().select(IPALLOCATIONS.PORT_ID, IPALLOCATIONS.IP_ADDRESS).from(IPALLOCATIONS)
                .where(IPALLOCATIONS.PORT_ID.in(ids)).fetch()) {
            Map<String, Object> ip = new LinkedHashMap<>();
            ip.put("ip_address", r.get(IPALLOCATIONS.IP_ADDRESS));
            out.computeIfAbsent(r.get(IPALLOCATIONS.PORT_ID), k -> new ArrayList<>()).add(ip);
        }
        for (List<Map<String, Object>> l : out.values()) {
            l.sort((a, b) -> IpAddress.parse((String) a.get("ip_address"))
                    .compareTo(IpAddress.parse((String) b.get("ip_address"))));
        }
        return out;
    }
}
