package dev.neutrino.api.handlers;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.neutrino.api.Tx;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Retryable;
import dev.neutrino.db.SqlErrors;
import dev.neutrino.ipam.AddressPicker;
import dev.neutrino.ipam.GatewayRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Fixed IPs of ports: the database's primary key on (subnet_id, ip_address) is what makes an address
 * belong to one port only, across threads and server processes. A pick that loses the race makes the
 * transaction run again ({@link Retryable}) with a fresh view of the used addresses.
 */
public final class IpAllocator {
    static final Table<Record> IPALLOCATIONS = table(name("ipallocations"));
    static final Field<String> PORT_ID = field(name("ipallocations", "port_id"), String.class);
    static final Field<String> IP = field(name("ipallocations", "ip_address"), String.class);
    static final Field<String> SUBNET_ID = field(name("ipallocations", "subnet_id"), String.class);
    static final Field<String> NETWORK_ID = field(name("ipallocations", "network_id"), String.class);

    /** One fixed IP as the API shows it. */
    public record FixedIp(String subnetId, String ipAddress) {}

    /** Any free address of the subnet's pools; IpAddressGenerationFailure (409) when none is left. */
    public IpAddress pickFree(Tx tx, Map<String, Object> subnet) {
        TreeSet<IpAddress> used = new TreeSet<>();
        for (String s : tx.dsl().select(IP).from(IPALLOCATIONS).where(SUBNET_ID.eq((String) subnet.get("id")))
                .fetch(IP)) {
            used.add(IpAddress.parse(s));
        }
        Optional<IpAddress> ip = new AddressPicker(ThreadLocalRandom.current())
                .pick(SubnetHooks.poolsOf(subnet), used);
        if (ip.isEmpty()) {
            throw NeutronException.conflict("IpAddressGenerationFailure", "No more IP addresses available on "
                    + "network " + subnet.get("network_id") + ".");
        }
        return ip.get();
    }

    /** Checks a requested address: in the subnet, not network/broadcast, not taken. */
    public void checkRequested(Tx tx, Map<String, Object> subnet, IpAddress ip, String deviceOwner) {
        Cidr cidr = Cidr.parse((String) subnet.get("cidr"));
        boolean router = deviceOwner == null || deviceOwner.isEmpty() || deviceOwner.startsWith("network:router");
        if (!GatewayRules.isValidFixedIp(cidr, ip, router)) {
            throw new NeutronException(400, "InvalidIpForSubnet", "IP address " + ip
                    + " is not a valid IP for the specified subnet.");
        }
        if (tx.dsl().fetchExists(IPALLOCATIONS, SUBNET_ID.eq((String) subnet.get("id")).and(IP.eq(ip.toString())))) {
            throw inUse((String) subnet.get("id"), ip.toString());
        }
    }

    static NeutronException inUse(String subnetId, String ip) {
        return NeutronException.conflict("IpAddressAlreadyAllocated", "IP address " + ip + " already allocated in "
                + "subnet " + subnetId);
    }

    /** Records the addresses; a concurrent holder of one makes the transaction retry. */
    public void insert(DSLContext dsl, String portId, String networkId, List<FixedIp> ips, boolean requested) {
        for (FixedIp f : ips) {
            try {
                dsl.insertInto(IPALLOCATIONS).set(field(name("port_id"), String.class), portId)
                        .set(field(name("ip_address"), String.class), f.ipAddress())
                        .set(field(name("subnet_id"), String.class), f.subnetId())
                        .set(field(name("network_id"), String.class), networkId).execute();
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) throw e;
                if (requested) throw inUse(f.subnetId(), f.ipAddress());
                throw new Retryable("address " + f.ipAddress() + " taken concurrently");
            }
        }
    }

    public void release(DSLContext dsl, String portId, List<FixedIp> ips) {
        for (FixedIp f : ips) {
            dsl.deleteFrom(IPALLOCATIONS).where(PORT_ID.eq(portId).and(SUBNET_ID.eq(f.subnetId()))
                    .and(IP.eq(f.ipAddress()))).execute();
        }
    }

    public static List<FixedIp> of(DSLContext dsl, String portId) {
        List<FixedIp> out = new ArrayList<>();
        for (Record r : dsl.select(SUBNET_ID, IP).from(IPALLOCATIONS).where(PORT_ID.eq(portId)).fetch()) {
            out.add(new FixedIp(r.get(SUBNET_ID), r.get(IP)));
        }
        return out;
    }
}
