package dev.neutrino.ext.dns;

import dev.neutrino.common.Option;
import java.util.List;

/**
 * {@code [DEFAULT] dns_domain} (neutron/conf/common.py): the domain of the names ports get. With
 * Neutron's default, openstacklocal, a port's own {@code dns_name} is not taken and every port is
 * named after its address.
 */
public final class DnsOptions {
    private DnsOptions() {}

    public static final Option<String> DNS_DOMAIN = Option.string("DEFAULT", "dns_domain", "openstacklocal",
            "Domain to use for building the hostnames");

    public static final List<Option<?>> ALL = List.of(DNS_DOMAIN);
}
