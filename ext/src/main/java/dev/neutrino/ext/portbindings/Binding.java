package dev.neutrino.ext.portbindings;

import static dev.neutrino.ext.portbindings.PortBindingsExtension.ACTIVE;
import static dev.neutrino.ext.portbindings.PortBindingsExtension.INACTIVE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One binding of a port to a host, as ML2's ml2_port_bindings row holds it. */
record Binding(String host, String vifType, String vnicType, Map<String, Object> profile,
               Map<String, Object> vifDetails, String status) {
    /** vif_types of a binding that is not bound, which ML2 binds when asked (_should_bind_port). */
    static final Set<String> NOT_BOUND = Set.of("unbound", "binding_failed");

    Binding {
        Objects.requireNonNull(host);
        Objects.requireNonNull(vifType);
        Objects.requireNonNull(vnicType);
        profile = profile == null ? Map.of() : profile;
        vifDetails = vifDetails == null ? Map.of() : vifDetails;
        Objects.requireNonNull(status);
    }

    /** The active binding: the port's own binding attributes (host "" while unbound). */
    @SuppressWarnings("unchecked")
    static Binding activeOf(Map<String, Object> port) {
        return new Binding(str(port.get("binding:host_id")), str(port.get("binding:vif_type")),
                str(port.get("binding:vnic_type")), (Map<String, Object>) port.get("binding:profile"),
                (Map<String, Object>) port.get("binding:vif_details"), ACTIVE);
    }

    boolean isActive() {
        return status.equals(ACTIVE);
    }

    boolean isBound() {
        return !NOT_BOUND.contains(vifType);
    }

    /** As ML2 leaves the binding that was active when another is activated: INACTIVE, unbound. */
    Binding deactivated() {
        return new Binding(host, "unbound", vnicType, profile, Map.of(), INACTIVE);
    }

    Binding withStatus(String newStatus) {
        return new Binding(host, vifType, vnicType, profile, vifDetails, newStatus);
    }

    /** The port's binding attributes that make this binding its own (binding:vif_type included). */
    Map<String, Object> portAttributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("binding:host_id", host);
        a.put("binding:vnic_type", vnicType);
        a.put("binding:profile", profile);
        // read-only in the API: the port's hooks keep a binding that comes with it rather than bind again
        a.put("binding:vif_type", vifType);
        a.put("binding:vif_details", vifDetails);
        return a;
    }

    /** ML2's _make_port_binding_dict. */
    Map<String, Object> view() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("host", host);
        b.put("vif_type", vifType);
        b.put("vnic_type", vnicType);
        b.put("status", status);
        b.put("profile", profile);
        // ML2 adds the bound drivers to a port's vif_details, not to a binding's
        Map<String, Object> details = vifDetails == null ? null : new LinkedHashMap<>(vifDetails);
        if (details != null) details.remove(dev.neutrino.ml2.MechanismManager.BOUND_DRIVERS);
        b.put("vif_details", details);
        return b;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
