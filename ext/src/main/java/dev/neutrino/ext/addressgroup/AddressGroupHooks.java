package dev.neutrino.ext.addressgroup;

import static dev.neutrino.schema.Tables.ADDRESS_ASSOCIATIONS;
import static dev.neutrino.schema.Tables.SECURITYGROUPRULES;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.ResourceHooks;
import dev.neutrino.engine.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Address groups as neutron/db/address_group_db.py keeps them: the addresses of a new group written
 * as its rows of address_associations (each normalized to its network, "10.0.0.5/24" kept as
 * "10.0.0.0/24", duplicates after that folded); shown sorted; a group a security group rule names
 * cannot go (AddressGroupInUse).
 */
final class AddressGroupHooks implements ResourceHooks {
    /** "address/prefixlen" of the network, as _process_requested_addresses normalizes. */
    static String normalize(Object address) {
        return Cidr.parse(String.valueOf(address)).canonical().toString();
    }

    static Set<String> normalized(List<?> addresses) {
        Set<String> out = new LinkedHashSet<>();
        for (Object a : addresses) out.add(normalize(a));
        return out;
    }

    @Override
    public void afterCreate(Tx tx, Map<String, Object> group) {
        Object given = group.get("addresses");
        if (given instanceof List<?> l && !l.isEmpty()) insert(tx.dsl(), (String) group.get("id"), normalized(l));
    }

    static void insert(DSLContext dsl, String groupId, Set<String> addresses) {
        var batch = new ArrayList<org.jooq.Query>();
        for (String a : addresses) {
            batch.add(dsl.insertInto(ADDRESS_ASSOCIATIONS).set(ADDRESS_ASSOCIATIONS.ADDRESS, a)
                    .set(ADDRESS_ASSOCIATIONS.ADDRESS_GROUP_ID, groupId));
        }
        dsl.batch(batch).execute();
    }

    /** The addresses of groups {@code ids}, each group's sorted. */
    static Map<String, List<String>> addresses(DSLContext dsl, List<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        for (var r : dsl.select(ADDRESS_ASSOCIATIONS.ADDRESS_GROUP_ID, ADDRESS_ASSOCIATIONS.ADDRESS)
                .from(ADDRESS_ASSOCIATIONS).where(ADDRESS_ASSOCIATIONS.ADDRESS_GROUP_ID.in(ids))
                .orderBy(ADDRESS_ASSOCIATIONS.ADDRESS).fetch()) {
            out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2());
        }
        return out;
    }

    @Override
    public void extend(Tx tx, List<Map<String, Object>> groups) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> g : groups) ids.add((String) g.get("id"));
        if (ids.isEmpty()) return;
        Map<String, List<String>> byGroup = addresses(tx.dsl(), ids);
        for (Map<String, Object> g : groups) g.put("addresses", byGroup.getOrDefault(g.get("id"), new ArrayList<>()));
    }

    @Override
    public void beforeDelete(Tx tx, Map<String, Object> group) {
        String id = (String) group.get("id");
        if (tx.dsl().fetchExists(SECURITYGROUPRULES, SECURITYGROUPRULES.REMOTE_ADDRESS_GROUP_ID.eq(id))) {
            throw NeutronException.conflict("AddressGroupInUse", "Address group " + id
                    + " is in use on one or more security group rules.");
        }
    }
}
