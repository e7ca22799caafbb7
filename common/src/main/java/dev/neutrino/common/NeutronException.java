package dev.neutrino.common;

/**
 * A failure with Neutron's meaning: an HTTP status, the NeutronError {@code type} and its message.
 * Handlers throw these; one place at the HTTP edge renders them as the NeutronError body.
 */
public class NeutronException extends RuntimeException {
    private final int status;
    private final String type;
    private final String detail;

    public NeutronException(int status, String type, String message) {
        this(status, type, message, "");
    }

    public NeutronException(int status, String type, String message, String detail) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.detail = detail == null ? "" : detail;
    }

    public int status() { return status; }
    public String type() { return type; }
    public String detail() { return detail; }

    // ---- 400 ------------------------------------------------------------------------------
    public static NeutronException badRequest(String message) {
        return new NeutronException(400, "HTTPBadRequest", message);
    }

    public static NeutronException invalidInput(String attribute, String reason) {
        return new NeutronException(400, "HTTPBadRequest",
                "Invalid input for " + attribute + ". Reason: " + reason + ".");
    }

    public static NeutronException invalidInputGeneric(String reason) {
        return new NeutronException(400, "InvalidInput", "Invalid input for operation: " + reason + ".");
    }

    public static NeutronException unknownAttribute(String attribute) {
        return new NeutronException(400, "HTTPBadRequest",
                "Unrecognized attribute(s) '" + attribute + "'");
    }

    public static NeutronException attributeNotAllowed(String attribute, String op) {
        return new NeutronException(400, "HTTPBadRequest",
                "Attribute '" + attribute + "' not allowed in " + op);
    }

    // ---- 404 ------------------------------------------------------------------------------
    /** Neutron's NotFound of each resource, where its type or wording differs from the common pattern. */
    private static final java.util.Map<String, String[]> NOT_FOUND = java.util.Map.of(
            "router", new String[] {"RouterNotFound", "Router %s could not be found"},
            "floatingip", new String[] {"FloatingIPNotFound", "Floating IP %s could not be found"},
            "security_group", new String[] {"SecurityGroupNotFound", "Security group %s does not exist"},
            "security_group_rule", new String[] {"SecurityGroupRuleNotFound", "Security group rule %s does not exist"},
            "subnetpool", new String[] {"SubnetPoolNotFound", "Subnet pool %s could not be found."},
            "log", new String[] {"LogResourceNotFound", "Log resource %s could not be found."},
            "rbac_policy", new String[] {"RbacPolicyNotFound", "RBAC policy of type network with ID %s not found"});

    public static NeutronException notFound(String resourceType, String id) {
        String[] special = NOT_FOUND.get(resourceType);
        if (special != null) return new NeutronException(404, special[0], String.format(special[1], id));
        String human = humanize(resourceType);
        return new NeutronException(404, camel(resourceType) + "NotFound",
                human + " " + id + " could not be found.");
    }

    /** The answer to a path nothing serves. */
    public static NeutronException httpNotFound() {
        return new NeutronException(404, "HTTPNotFound", "The resource could not be found.");
    }

    /** The answer to a method a path does not take (a read-only endpoint's POST). */
    public static NeutronException methodNotAllowed() {
        return new NeutronException(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested resource.");
    }

    /**
     * A read-only collection endpoint's checks, {@code seg} being "v2.0" and its path: anything below it
     * is 404, any method but GET 405.
     */
    public static void requireCollectionGet(String method, String[] seg) {
        if (seg.length != 2) throw httpNotFound();
        if (!method.equals("GET")) throw methodNotAllowed();
    }

    public static NeutronException resourceNotFound(String message) {
        return new NeutronException(404, "HTTPNotFound", message);
    }

    // ---- 409 ------------------------------------------------------------------------------
    public static NeutronException conflict(String type, String message) {
        return new NeutronException(409, type, message);
    }

    public static NeutronException overQuota(String resourceType) {
        return new NeutronException(409, "OverQuota",
                "Quota exceeded for resources: ['" + resourceType + "'].");
    }

    // ---- helpers --------------------------------------------------------------------------
    /** security_group_rule -> SecurityGroupRule. */
    public static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** security_group_rule -> Security group rule. */
    public static String humanize(String snake) {
        String s = snake.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
