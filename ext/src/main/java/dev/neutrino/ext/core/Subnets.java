package dev.neutrino.ext.core;

import static dev.neutrino.model.Attribute.COMPUTED;
import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.integer;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Converters;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;

/** neutron_lib/api/definitions/subnet.py (with subnet_allocation, standard attributes). */
@dev.neutrino.model.Declaration
public final class Subnets {
    private Subnets() {}

    public static final List<String> IPV6_MODES = List.of("dhcpv6-stateful", "dhcpv6-stateless", "slaac");

    public static final ResourceDef DEF = ResourceDef.builder("subnet", "subnets")
            .name()
            .project()
            .standard()
            .add(string("network_id").required().validate(Validators.UUID).query())
            .add(integer("ip_version").required().validate(Validators.values(List.of(4, 6))).query())
            .add(string("cidr").post(COMPUTED).validate(Validators.SUBNET_OR_NONE).query())
            .add(integer("prefixlen").post(COMPUTED).convert(Converters.INTEGER_OR_NONE)
                    .validate(Validators.range(0, 128)).hidden().computed())
            .add(string("gateway_ip").post(COMPUTED).put().validate(Validators.IP_ADDRESS_OR_NONE).query())
            .add(list("allocation_pools").post(COMPUTED).put())
            .add(list("dns_nameservers").post(COMPUTED).put().convert(Converters.LIST_OR_EMPTY)
                    .validate(Validators.NAMESERVERS).filter())
            .add(list("host_routes").post(COMPUTED).put().convert(Converters.LIST_OR_EMPTY)
                    .validate(Validators.HOSTROUTES))
            .add(bool("enable_dhcp").post(true).put().validate(Validators.BOOLEAN).query())
            .add(string("ipv6_ra_mode").post(null).validate(Validators.valuesOrNone(IPV6_MODES)).query())
            .add(string("ipv6_address_mode").post(null).validate(Validators.valuesOrNone(IPV6_MODES)).query())
            .add(bool("shared").hidden().filter().computed())
            .add(list("service_types").post(List.of()).put().convert(Converters.LIST_OR_EMPTY)
                    .validate(Validators.listOf(Validators.string(255))).extension("subnet-service-types"))
            .build();


    @SuppressWarnings("unchecked")
    public static List<dev.neutrino.ipam.AllocationPool> poolsOf(java.util.Map<String, Object> subnet) {
        List<dev.neutrino.ipam.AllocationPool> out = new java.util.ArrayList<>();
        Object raw = subnet.get("allocation_pools");
        if (raw instanceof List<?> l) {
            for (Object o : l) {
                java.util.Map<String, Object> p = (java.util.Map<String, Object>) o;
                out.add(dev.neutrino.ipam.AllocationPool.of((String) p.get("start"), (String) p.get("end")));
            }
        }
        return out;
    }
}
