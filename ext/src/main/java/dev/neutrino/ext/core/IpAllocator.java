package dev.neutrino.ext.core;

import dev.neutrino.engine.Tx;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import dev.neutrino.db.Retryable;
import dev.neutrino.db.SqlErrors;
import dev.neutrino.ipam.AddressScan;
import dev.neutrino.ipam.AllocationPool;
import dev.neutrino.ipam.GatewayRules;
import dev.neutrino.schema.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Fixed IPs of ports: the database's primary key on (subnet_id, ip_address) is what makes an address
 * belong to one port only, across threads and server processes. A pick that loses the race makes the
 * transaction run again ({@link Retryable}) with a fresh view of the used addresses.
 *
 * <p>A pick reads the subnet's used addresses in address order (ip_order, indexed with the subnet)
 * from a per-subnet floor on, only as far as it takes to see the window of free addresses it chooses
 * from ({@link AddressScan}); the floor is the lowest free address the last pick of this process saw,
 * forgotten after {@value #FLOOR_SECONDS} s (so that addresses other processes released below it are
 * found again) and whenever this process releases an address below it. When nothing is free above
 * the floor, the subnet is scanned from its first address before it is declared full. Addresses this
 * process picked in the last {@value #RESERVED_SECONDS} s are avoided while others are free, so that
 * concurrent transactions of one process do not collide on uncommitted picks.
 */
final class IpAllocator {
    static final Table<Record> IPALLOCATIONS = Tables.IPALLOCATIONS;
    static final Field<String> PORT_ID = Tables.IPALLOCATIONS.PORT_ID;
    static final Field<String> IP = Tables.IPALLOCATIONS.IP_ADDRESS;
    static final Field<String> SUBNET_ID = Tables.IPALLOCATIONS.SUBNET_ID;
    static final Field<String> NETWORK_ID = Tables.IPALLOCATIONS.NETWORK_ID;
    static final Field<String> IP_ORDER = Tables.IPALLOCATIONS.IP_ORDER;
    static final int FLOOR_SECONDS = 30;
    static final int RESERVED_SECONDS = 10;

    private final ConcurrentHashMap<String, Floor> floors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Reserved> reserved = new ConcurrentHashMap<>();

    /** One fixed IP as the API shows it. */
    public record FixedIp(String subnetId, String ipAddress) {}

    /** Lowest free address seen for a subnet's pools (as they were then), and since when it is trusted. */
    private record Floor(String pools, IpAddress address, long since) {}

    /** Addresses picked recently by this process, oldest first. */
    private static final class Reserved {
        private final LinkedHashMap<IpAddress, Long> picked = new LinkedHashMap<>();

        synchronized void add(IpAddress ip, long now) {
            picked.remove(ip);
            picked.put(ip, now);
        }

        synchronized boolean contains(IpAddress ip, long now, long ttl) {
            var it = picked.entrySet().iterator();
            while (it.hasNext() && now - it.next().getValue() > ttl) it.remove();
            return picked.containsKey(ip);
        }

        synchronized void remove(IpAddress ip) {
            picked.remove(ip);
        }

        synchronized boolean isEmpty() {
            return picked.isEmpty();
        }
    }

    /** Any free address of the subnet's pools; IpAddressGenerationFailure (409) when none is left. */
    public IpAddress pickFree(Tx tx, Map<String, Object> subnet) {
        String subnetId = (String) subnet.get("id");
        List<AllocationPool> pools = Subnets.poolsOf(subnet);
        String poolsKey = pools.toString();
        long now = System.nanoTime();
        Floor floor = floors.get(subnetId);
        if (floor != null && (!floor.pools().equals(poolsKey) || now - floor.since() > seconds(FLOOR_SECONDS))) {
            floor = null;
        }
        Reserved recent = reserved.computeIfAbsent(subnetId, k -> new Reserved());
        AddressScan scan = new AddressScan(ThreadLocalRandom.current());
        AddressScan.UsedAddresses used = (from, to, limit) -> usedBetween(tx, subnetId, from, to, limit);
        java.util.function.Predicate<IpAddress> avoid = ip -> recent.contains(ip, now, seconds(RESERVED_SECONDS));
        Optional<AddressScan.Pick> pick = scan.pick(pools, floor == null ? null : floor.address(), used, avoid);
        if (pick.isEmpty() && floor != null) {
            floor = null; // something below the floor may have been released meanwhile
            pick = scan.pick(pools, null, used, avoid);
        }
        if (pick.isEmpty()) {
            floors.remove(subnetId);
            throw NeutronException.conflict("IpAddressGenerationFailure", "No more IP addresses available on "
                    + "network " + subnet.get("network_id") + ".");
        }
        floors.put(subnetId, new Floor(poolsKey, pick.get().lowestFree(), floor == null ? now : floor.since()));
        if (floors.size() > 1024) evictStale(now); // subnets deleted or idle for long
        recent.add(pick.get().address(), now);
        return pick.get().address();
    }

    /** Up to {@code limit} used addresses of the subnet in [from, to], in address order. */
    private static List<IpAddress> usedBetween(Tx tx, String subnetId, IpAddress from, IpAddress to, int limit) {
        List<IpAddress> out = new ArrayList<>();
        for (String key : tx.dsl().select(IP_ORDER).from(IPALLOCATIONS)
                .where(SUBNET_ID.eq(subnetId).and(IP_ORDER.ge(from.sortKey())).and(IP_ORDER.le(to.sortKey())))
                .orderBy(IP_ORDER).limit(limit).fetch(IP_ORDER)) {
            out.add(IpAddress.fromSortKey(key));
        }
        return out;
    }

    /** Addresses that were released (by port delete or update): the next pick may find them again. */
    public void released(String subnetId, String ipAddress) {
        IpAddress ip = IpAddress.tryParse(ipAddress);
        if (ip == null) return;
        floors.computeIfPresent(subnetId, (k, f) -> ip.compareTo(f.address()) < 0 ? null : f);
        Reserved r = reserved.get(subnetId);
        if (r != null) r.remove(ip);
    }

    private void evictStale(long now) {
        floors.values().removeIf(f -> now - f.since() > seconds(FLOOR_SECONDS));
        reserved.values().removeIf(r -> !r.contains(null, now, seconds(RESERVED_SECONDS)) && r.isEmpty());
    }

    private static long seconds(int s) {
        return s * 1_000_000_000L;
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
                dsl.insertInto(IPALLOCATIONS).set(PORT_ID, portId)
                        .set(IP, f.ipAddress())
                        .set(IP_ORDER, IpAddress.parse(f.ipAddress()).sortKey())
                        .set(SUBNET_ID, f.subnetId())
                        .set(NETWORK_ID, networkId).execute();
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) throw e;
                if (requested) throw inUse(f.subnetId(), f.ipAddress());
                throw new Retryable("address " + f.ipAddress() + " taken concurrently");
            }
        }
    }

    /**
     * The inserts of {@link #insert}, for the caller to run (in a batch with the port's insert). A
     * unique violation there retries the transaction, whose checks then tell a taken requested
     * address (IpAddressAlreadyAllocated) from a lost race for a picked one.
     */
    public static List<org.jooq.Query> inserts(DSLContext dsl, String portId, String networkId, List<FixedIp> ips) {
        List<org.jooq.Query> out = new ArrayList<>();
        for (FixedIp f : ips) {
            out.add(dsl.insertInto(IPALLOCATIONS).set(PORT_ID, portId)
                    .set(IP, f.ipAddress())
                    .set(IP_ORDER, IpAddress.parse(f.ipAddress()).sortKey())
                    .set(SUBNET_ID, f.subnetId())
                    .set(NETWORK_ID, networkId));
        }
        return out;
    }

    public void release(DSLContext dsl, String portId, List<FixedIp> ips) {
        for (FixedIp f : ips) {
            dsl.deleteFrom(IPALLOCATIONS).where(PORT_ID.eq(portId).and(SUBNET_ID.eq(f.subnetId()))
                    .and(IP.eq(f.ipAddress()))).execute();
            released(f.subnetId(), f.ipAddress());
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
