package dev.neutrino.ext.trunk;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.list;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validator;
import dev.neutrino.model.Validators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * neutron_lib/api/definitions/trunk.py: a trunk is a parent port ({@code port_id}, one trunk each)
 * and its subports, each a port with a segmentation (type and id) the guest uses on the parent's
 * interface. {@code sub_ports} is not a column: it is the trunk's rows of {@code subports}.
 */
@Declaration
public final class Trunks {
    private Trunks() {}

    public static final String DOWN = "DOWN";
    public static final String ACTIVE = "ACTIVE";
    public static final String ERROR = "ERROR";
    /** A subport's device_owner while it is in a trunk (neutron_lib.services.trunk.constants). */
    public static final String SUBPORT_OWNER = "trunk:subport";
    public static final String VLAN = "vlan";
    public static final String INHERIT = "inherit";

    /**
     * validate_subports: a list of dicts with unique valid port ids and, unless a subport inherits
     * its network's segmentation, both segmentation details, no (type, id) twice. As neutron-lib's,
     * it stops looking at the first {@code inherit}.
     */
    public static final Validator SUBPORTS = v -> {
        if (!(v instanceof List<?> list)) {
            return "Invalid data format for subports: '" + str(v) + "' is not a list";
        }
        Set<Object> ids = new HashSet<>();
        Map<Object, Set<Object>> segmentations = new HashMap<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> subport)) return "Invalid data format for subport: '" + str(o) + "' is not a dict";
            if (!subport.containsKey("port_id")) return "A valid port UUID must be specified";
            if (Validators.UUID.validate(subport.get("port_id")) != null) {
                return "Invalid UUID for subport: '" + str(subport.get("port_id")) + "'";
            }
            if (!ids.add(subport.get("port_id"))) return "Non unique UUID for subport: '" + subport.get("port_id") + "'";
            Object type = subport.get("segmentation_type");
            if (INHERIT.equals(type)) return null;
            Object id = subport.get("segmentation_id");
            if ((type == null || "".equals(type) || id == null) && subport.size() > 1) {
                return "Invalid subport details '" + repr(subport) + "': missing segmentation information. Must "
                        + "specify both segmentation_id and segmentation_type";
            }
            Set<Object> used = segmentations.get(type);
            if (used != null && used.contains(id)) {
                return "Segmentation ID '" + str(id) + "' for '" + subport.get("port_id") + "' is not unique";
            }
            if (id != null) segmentations.computeIfAbsent(type, k -> new HashSet<>()).add(id);
        }
        return null;
    };

    public static final ResourceDef DEF = ResourceDef.builder("trunk", "trunks")
            .name()
            .project()
            .standard()
            .add(bool("admin_state_up").post(true).put().validate(Validators.BOOLEAN).query())
            .add(string("port_id").required().validate(Validators.UUID).query())
            .add(string("status").sort())
            .add(list("sub_ports").post(List.of()).validate(SUBPORTS).computed())
            .build();

    /** Python's str of request data (%s in a message): strings as they are, the rest as repr. */
    static String str(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    /** Python's repr of request data, as neutron-lib's messages quote it. */
    static String repr(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof String s) return "'" + s + "'";
        if (v instanceof Map<?, ?> m) {
            List<String> items = new ArrayList<>();
            for (var e : m.entrySet()) items.add(repr(e.getKey()) + ": " + repr(e.getValue()));
            return "{" + String.join(", ", items) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            for (Object o : l) items.add(repr(o));
            return "[" + String.join(", ", items) + "]";
        }
        return String.valueOf(v);
    }
}
