package dev.neutrino.ext.dns;

import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.Tx;
import dev.neutrino.ml2.ExtensionDriver;
import java.util.List;
import java.util.Map;

/**
 * neutron/plugins/ml2/extensions/dns_integration.py and its subclasses, one instance per driver name:
 * {@code dns} (dns-integration), {@code dns_domain_ports} (and dns-domain-ports),
 * {@code subnet_dns_publish_fixed_ip} (and subnet-dns-publish-fixed-ip) and {@code dns_domain_keywords}
 * (and dns-integration-domain-keywords). Without an external DNS driver, as here, they only store what
 * the request says; a port's {@code dns_name} and {@code dns_domain} only when {@code [DEFAULT] dns_domain}
 * is set and is not openstacklocal (else Neutron drops them, and so does this driver). Unset values
 * of rows written before these columns existed are shown as Neutron shows a missing row: '' and false.
 */
public final class DnsExtensionDriver implements ExtensionDriver {
    private final String name;
    private final List<String> aliases;
    private final String domain;
    private final String configured;

    private DnsExtensionDriver(String name, String configuredDomain, String... aliases) {
        this.name = name;
        this.aliases = List.of(aliases);
        this.configured = configuredDomain;
        this.domain = DnsNames.domain(configuredDomain);
    }

    /** The four drivers, for a {@code [DEFAULT] dns_domain} of {@code configuredDomain}. */
    public static List<ExtensionDriver> all(String configuredDomain) {
        String dns = DnsExtension.DNS_INTEGRATION.alias();
        String ports = DnsExtension.DNS_DOMAIN_PORTS.alias();
        String publish = DnsExtension.SUBNET_DNS_PUBLISH_FIXED_IP.alias();
        return List.of(new DnsExtensionDriver("dns", configuredDomain, dns),
                new DnsExtensionDriver("dns_domain_ports", configuredDomain, dns, ports),
                new DnsExtensionDriver("subnet_dns_publish_fixed_ip", configuredDomain, dns, ports, publish),
                new DnsExtensionDriver("dns_domain_keywords", configuredDomain, dns, ports, publish,
                        DnsExtension.DNS_DOMAIN_KEYWORDS.alias()));
    }

    @Override public String name() { return name; }
    @Override public String extensionAlias() { return aliases.get(aliases.size() - 1); }
    @Override public List<String> extensionAliases() { return aliases; }

    @Override
    public void processCreatePort(Tx tx, Map<String, Object> data, Map<String, Object> network) {
        takeNames(data);
    }

    @Override
    public void processUpdatePort(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        if (DnsNames.namesUsed(domain)) {
            takeNames(changes);
        } else {
            // _get_request_dns_name: nothing of the request is stored
            changes.remove("dns_name");
            changes.remove("dns_domain");
        }
    }

    /** The request's names checked against the configured domain, or dropped when names are not used. */
    private void takeNames(Map<String, Object> data) {
        for (String attribute : List.of("dns_name", "dns_domain")) {
            if (!DnsNames.namesUsed(domain) && data.containsKey(attribute)) data.put(attribute, "");
        }
        if (data.get("dns_name") instanceof String dnsName && !dnsName.isEmpty()) {
            String reason = DnsNames.withDomain(dnsName, domain, configured);
            if (reason != null) throw NeutronException.invalidInput("dns_name", reason);
        }
    }

    @Override
    public void extendNetwork(Map<String, Object> network) {
        if (network.containsKey("dns_domain") && network.get("dns_domain") == null) network.put("dns_domain", "");
    }

    @Override
    public void extendPort(Map<String, Object> port) {
        for (String attribute : List.of("dns_name", "dns_domain")) {
            if (port.containsKey(attribute) && port.get(attribute) == null) port.put(attribute, "");
        }
    }

    @Override
    public void extendSubnet(Map<String, Object> subnet) {
        if (subnet.containsKey("dns_publish_fixed_ip") && subnet.get("dns_publish_fixed_ip") == null) {
            subnet.put("dns_publish_fixed_ip", false);
        }
    }
}
