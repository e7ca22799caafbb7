package dev.neutrino.ext.subnetpool;

import static dev.neutrino.schema.Tables.SUBNETPOOLS;
import static dev.neutrino.schema.Tables.SUBNETS;

import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.engine.Tx;
import dev.neutrino.ext.core.api.SubnetPoolAllocator;
import dev.neutrino.ext.rbac.api.SharedObjectRbac;
import dev.neutrino.common.Cidr;
import dev.neutrino.common.NeutronException;
import dev.neutrino.ipam.PrefixAllocator;
import dev.neutrino.ipam.PrefixBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Record;

/**
 * Subnet pools: prefixes compacted and bounds defaulted as Neutron does, one default pool per IP
 * version, address scope association, and allocation of subnets from the pool (serialized by a row
 * lock on the pool so two subnets never get overlapping prefixes).
 */
final class SubnetPoolHooks implements ResourceHooks, SubnetPoolAllocator {
    private final ResourceService pools;
    private final ResourceService scopes;
    private final SharedObjectRbac rbac;

    /** @param rbac the pools' RBAC (rbac-subnetpool), or null when that extension is off */
    public SubnetPoolHooks(ResourceService pools, ResourceService scopes, SharedObjectRbac rbac) {
        this.pools = pools;
        this.scopes = scopes;
        this.rbac = rbac;
    }

    @Override
    public void afterCreate(Tx tx, Map<String, Object> pool) {
        if (rbac != null && Boolean.TRUE.equals(pool.get("shared"))) {
            rbac.share(tx.dsl(), (String) pool.get("id"), (String) pool.get("project_id"));
        }
    }

    /** {@code shared} as the caller sees it (an entry for everyone or for the caller's project). */
    @Override
    public void extend(Tx tx, List<Map<String, Object>> list) {
        if (rbac != null) rbac.extendShared(tx, list);
    }

    /** The {@code shared} filter as the caller sees it (Zed's RBAC query hook). */
    @Override
    public Condition filter(Tx tx, dev.neutrino.model.Attribute attribute, List<String> values) {
        return rbac != null && attribute.name().equals("shared") ? rbac.sharedFilter(tx, values) : null;
    }

    @Override
    public void beforeCreate(Tx tx, Map<String, Object> pool) {
        List<Cidr> prefixes = cidrs(pool.get("prefixes"));
        PrefixAllocator allocator = PrefixAllocator.forPool(prefixes, (Integer) pool.get("min_prefixlen"),
                (Integer) pool.get("max_prefixlen"), (Integer) pool.get("default_prefixlen"));
        write(pool, allocator);
        if (Boolean.TRUE.equals(pool.get("shared")) && !tx.ctx().isAdmin()) {
            throw new NeutronException(403, "PolicyNotAuthorized", "(rule:create_subnetpool:shared) is disallowed "
                    + "by policy");
        }
        checkScope(tx, pool.get("address_scope_id"), allocator.ipVersion(), (String) pool.get("id"));
        checkScopePrefixes(tx, pool.get("address_scope_id"), (String) pool.get("id"), allocator.prefixes());
        if (Boolean.TRUE.equals(pool.get("is_default"))) checkSingleDefault(tx, allocator.ipVersion(), null);
    }

    @Override
    public void beforeUpdate(Tx tx, Map<String, Object> current, Map<String, Object> changes) {
        checkUpdateAllowed(tx, current);
        List<Cidr> currentPrefixes = cidrs(current.get("prefixes"));
        List<Cidr> prefixes = changes.containsKey("prefixes") ? cidrs(changes.get("prefixes")) : currentPrefixes;
        if (changes.containsKey("prefixes")) PrefixAllocator.checkPrefixUpdate(currentPrefixes, prefixes);
        Integer min = (Integer) changes.getOrDefault("min_prefixlen", current.get("min_prefixlen"));
        Integer max = (Integer) changes.getOrDefault("max_prefixlen", current.get("max_prefixlen"));
        Integer dflt = (Integer) changes.getOrDefault("default_prefixlen", current.get("default_prefixlen"));
        PrefixAllocator allocator = PrefixAllocator.forPool(prefixes, min, max, dflt);
        if (allocator.ipVersion() != (Integer) current.get("ip_version")) {
            throw new NeutronException(400, "PrefixVersionMismatch", "Cannot mix IPv4 and IPv6 prefixes in a subnet "
                    + "pool.");
        }
        write(changes, allocator);
        if (changes.containsKey("address_scope_id")
                && !Objects.equals(changes.get("address_scope_id"), current.get("address_scope_id"))) {
            checkScope(tx, changes.get("address_scope_id"), allocator.ipVersion(), (String) current.get("id"));
        }
        Object scope = changes.containsKey("address_scope_id") ? changes.get("address_scope_id")
                : current.get("address_scope_id");
        if (changes.containsKey("prefixes") || changes.containsKey("address_scope_id")) {
            checkScopePrefixes(tx, scope, (String) current.get("id"), allocator.prefixes());
        }
        if (Boolean.TRUE.equals(changes.get("is_default")) && !Boolean.TRUE.equals(current.get("is_default"))) {
            checkSingleDefault(tx, allocator.ipVersion(), (String) current.get("id"));
        }
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> pool) {
        if (tx.dsl().fetchExists(SUBNETS, SUBNETS.SUBNETPOOL_ID.eq((String) pool.get("id")))) {
            throw NeutronException.conflict("SubnetPoolInUse", "Unable to complete operation on subnet pool "
                    + pool.get("id") + ". Subnet pool has existing allocations.");
        }
        if (rbac != null) rbac.deleteAll(tx.dsl(), (String) pool.get("id"));
    }

    @Override
    public Condition visibleTo(Tx tx) {
        if (rbac != null) return rbac.visibleTo(tx.ctx().projectId());
        return SUBNETPOOLS.PROJECT_ID.eq(tx.ctx().projectId())
                .or(SUBNETPOOLS.SHARED.isTrue());
    }

    private void write(Map<String, Object> target, PrefixAllocator allocator) {
        List<String> prefixes = new ArrayList<>();
        for (Cidr c : allocator.prefixes()) prefixes.add(c.toString());
        PrefixBounds b = allocator.bounds();
        target.put("prefixes", prefixes);
        target.put("ip_version", allocator.ipVersion());
        target.put("min_prefixlen", b.minPrefixlen());
        target.put("max_prefixlen", b.maxPrefixlen());
        target.put("default_prefixlen", b.defaultPrefixlen());
    }

    private void checkScope(Tx tx, Object scopeId, int version, String poolId) {
        if (scopeId == null) return;
        Map<String, Object> scope = scopes.findVisible(tx, (String) scopeId);
        if (scope == null) throw NeutronException.notFound("address_scope", (String) scopeId);
        if ((Integer) scope.get("ip_version") != version) {
            throw new NeutronException(400, "IllegalSubnetPoolIpVersionAssociationWithAddressScope", "Illegal "
                    + "subnetpool association: subnetpool " + poolId + " cannot associate with address scope "
                    + scopeId + " because subnetpool ip_version is not " + scope.get("ip_version") + ".");
        }
    }

    /** Neutron's _check_subnetpool_update_allowed: a pool in someone else's shared scope is theirs to change. */
    private void checkUpdateAllowed(Tx tx, Map<String, Object> current) {
        Object scopeId = current.get("address_scope_id");
        if (scopeId == null || tx.ctx().isAdmin()) return;
        Map<String, Object> scope = scopes.findVisible(tx, (String) scopeId);
        if (scope == null) throw NeutronException.notFound("address_scope", (String) scopeId);
        if (!Objects.equals(scope.get("project_id"), tx.ctx().projectId())) {
            throw new NeutronException(400, "IllegalSubnetPoolUpdate", "Illegal subnetpool update : subnetpool "
                    + current.get("id") + " cannot be updated when associated with shared address scope " + scopeId
                    + ".");
        }
    }

    /** Neutron's _validate_address_scope_id: the pools of one address scope have disjoint prefixes. */
    private void checkScopePrefixes(Tx tx, Object scopeId, String poolId, List<Cidr> prefixes) {
        if (scopeId == null) return;
        for (Map<String, Object> other : pools.find(tx, Map.of("address_scope_id", scopeId))) {
            if (other.get("id").equals(poolId)) continue;
            for (Cidr theirs : cidrs(other.get("prefixes"))) {
                for (Cidr mine : prefixes) {
                    if (theirs.contains(mine.network()) || mine.contains(theirs.network())) {
                        throw NeutronException.conflict("AddressScopePrefixConflict", "Failed to associate address "
                                + "scope: subnetpools within an address scope must have unique prefixes.");
                    }
                }
            }
        }
    }

    private void checkSingleDefault(Tx tx, int version, String exceptId) {
        Condition c = SUBNETPOOLS.IS_DEFAULT.isTrue().and(SUBNETPOOLS.IP_VERSION.eq(version));
        if (exceptId != null) c = c.and(SUBNETPOOLS.ID.ne(exceptId));
        if (tx.dsl().fetchExists(SUBNETPOOLS, c)) {
            throw NeutronException.invalidInputGeneric("A default subnetpool for this IP family has already been "
                    + "set. Only one default may exist per IP family");
        }
    }

    private static List<Cidr> cidrs(Object raw) {
        List<Cidr> out = new ArrayList<>();
        if (raw instanceof List<?> l) for (Object o : l) out.add(Cidr.parse((String) o).canonical());
        return out;
    }

    // ------------------------------------------------------------------ SubnetPoolAllocator

    @Override
    public String defaultPool(Tx tx, int ipVersion) {
        return tx.dsl().select(SUBNETPOOLS.ID).from(SUBNETPOOLS)
                .where(SUBNETPOOLS.IS_DEFAULT.isTrue().and(SUBNETPOOLS.IP_VERSION.eq(ipVersion)))
                .limit(1).fetchOne(SUBNETPOOLS.ID);
    }

    @Override
    public Cidr allocate(Tx tx, String poolId, int ipVersion, Cidr requested, Integer prefixlen, String projectId) {
        if (pools.findVisible(tx, poolId) == null) throw NeutronException.notFound("subnetpool", poolId);
        // the row lock serializes allocations from one pool, across server processes too
        Map<String, Object> pool = pools.store().findForUpdate(tx.dsl(), poolId);
        if ((Integer) pool.get("ip_version") != ipVersion) {
            throw NeutronException.invalidInputGeneric("Cannot allocate IPv" + ipVersion + " subnet from IPv"
                    + pool.get("ip_version") + " subnet pool");
        }
        PrefixAllocator allocator = PrefixAllocator.forPool(cidrs(pool.get("prefixes")),
                (Integer) pool.get("min_prefixlen"), (Integer) pool.get("max_prefixlen"),
                (Integer) pool.get("default_prefixlen"));
        List<Cidr> used = new ArrayList<>();
        List<Cidr> mine = new ArrayList<>();
        for (Record r : tx.dsl().select(SUBNETS.CIDR, SUBNETS.PROJECT_ID).from(SUBNETS)
                .where(SUBNETS.SUBNETPOOL_ID.eq(poolId)).fetch()) {
            Cidr c = Cidr.parse((String) r.get(0));
            used.add(c);
            if (Objects.equals(r.get(1), projectId)) mine.add(c);
        }
        int length = requested != null ? requested.prefixLength()
                : prefixlen != null ? prefixlen : allocator.bounds().defaultPrefixlen();
        allocator.checkQuota((Integer) pool.get("default_quota"), mine, length);
        try {
            return requested != null ? allocator.allocate(requested, used) : allocator.allocate(length, used);
        } catch (NeutronException e) {
            if (e.status() >= 500) throw NeutronException.conflict(e.type(), e.getMessage());
            throw e;
        }
    }
}
