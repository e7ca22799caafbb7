package dev.neutrino.ext.dns;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.Validators;
import java.util.List;

/**
 * neutron_lib/api/definitions/dns.py, dns_domain_ports.py, dns_domain_keywords.py and
 * subnet_dns_publish_fixed_ip.py: ports' {@code dns_name} and computed {@code dns_assignment},
 * networks' and ports' {@code dns_domain}, floating IPs' {@code dns_name} and {@code dns_domain}
 * (taken, checked and shown empty: they only matter to an external DNS service, which Neutrino has
 * not), subnets' {@code dns_publish_fixed_ip}. The ML2 extension drivers {@code dns},
 * {@code dns_domain_ports}, {@code subnet_dns_publish_fixed_ip} and {@code dns_domain_keywords}
 * ({@link DnsExtensionDriver}) put them in the API; OVN's DNS responder serves the names.
 */
@Declaration
public final class DnsExtension {
    private DnsExtension() {}

    public static final ExtensionDef DNS_INTEGRATION = ExtensionDef.builder("dns-integration",
            "DNS Integration",
            "Provides integration with DNS.",
            "2015-08-15T18:00:00-00:00")
            .requires("router")
            .attributes("ports",
                    string("dns_name").post("").put().convert(DnsNames.CASE_INSENSITIVE)
                            .validate(DnsNames.DNS_NAME),
                    list("dns_assignment").computed())
            .attributes("floatingips",
                    string("dns_name").post("").convert(DnsNames.CASE_INSENSITIVE)
                            .validate(DnsNames.FIP_DNS_NAME).computed(),
                    string("dns_domain").post("").convert(DnsNames.CASE_INSENSITIVE)
                            .validate(DnsNames.DNS_DOMAIN).computed())
            .attributes("networks",
                    string("dns_domain").post("").put().convert(DnsNames.CASE_INSENSITIVE)
                            .validate(DnsNames.DNS_DOMAIN))
            .build();

    public static final ExtensionDef DNS_DOMAIN_PORTS = ExtensionDef.builder("dns-domain-ports",
            "dns_domain for ports",
            "Allows the DNS domain to be specified for a network port.",
            "2017-04-24T10:00:00-00:00")
            .requires("dns-integration")
            .attributes("ports",
                    string("dns_domain").post("").put().convert(DnsNames.CASE_INSENSITIVE)
                            .validate(DnsNames.DNS_DOMAIN))
            .build();

    public static final ExtensionDef DNS_DOMAIN_KEYWORDS = ExtensionDef.builder("dns-integration-domain-keywords",
            "DNS domain names with keywords allowed",
            "Allows to use keywords like <project_id>, <project_name>, <user_id> and <user_name> as DNS domain name",
            "2020-06-15T18:00:00-00:00")
            .requires("dns-integration")
            .build();

    public static final ExtensionDef SUBNET_DNS_PUBLISH_FIXED_IP = ExtensionDef.builder("subnet-dns-publish-fixed-ip",
            "Subnet DNS publish fixed IP",
            "Support choosing to publish DNS records for IPs from a subnet",
            "2019-05-24T10:00:00-00:00")
            .requires("dns-domain-ports")
            .attributes("subnets",
                    bool("dns_publish_fixed_ip").post(false).put().validate(Validators.BOOLEAN))
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(DNS_INTEGRATION, DNS_DOMAIN_PORTS, DNS_DOMAIN_KEYWORDS,
            SUBNET_DNS_PUBLISH_FIXED_IP);
}
