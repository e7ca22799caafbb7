package dev.neutrino.ext.dns;

import dev.neutrino.model.Converter;
import dev.neutrino.model.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * neutron_lib/api/validators/dns.py and converters.convert_string_to_case_insensitive, with their
 * wording, and the hostnames ML2's dns extension driver assigns (_get_dns_names_for_port).
 */
final class DnsNames {
    private DnsNames() {}

    /** neutron_lib.db.constants.FQDN_FIELD_SIZE. */
    static final int FQDN_MAX = 255;
    /** neutron_lib.constants.DNS_DOMAIN_DEFAULT: with it, ports' own names are not used. */
    static final String DEFAULT_DOMAIN = "openstacklocal.";
    /** DNS_LABEL_REGEX: a label, or one of DNS_LABEL_KEYWORDS in angle brackets. */
    private static final Pattern LABEL =
            Pattern.compile("^([a-z0-9-]{1,63}|<project_id>|<project_name>|<user_name>|<user_id>)$");
    private static final Pattern ALL_DIGITS = Pattern.compile("^[0-9]+$");

    static final Converter CASE_INSENSITIVE = v -> {
        if (v instanceof String s) return s.toLowerCase(Locale.ROOT);
        throw new IllegalArgumentException("Input value " + display(v) + " must be string type");
    };

    private static String display(Object v) {
        return dev.neutrino.model.Converters.display(v);
    }

    /** _validate_dns_format: null when {@code data} is a valid PQDN or FQDN (or empty). */
    static String format(String data, int maxLen) {
        if (data.isEmpty()) return null;
        String trimmed = data.endsWith(".") ? data.substring(0, data.length() - 1) : data;
        String reason = null;
        if (trimmed.length() > maxLen) {
            reason = "'" + trimmed + "' exceeds the " + maxLen + " character FQDN limit";
        } else {
            String[] labels = trimmed.split("\\.", -1);
            for (String label : labels) {
                if (label.isEmpty()) {
                    reason = "Encountered an empty component";
                } else if (label.startsWith("-") || label.endsWith("-")) {
                    reason = "Name '" + label + "' must not start or end with a hyphen";
                } else if (!LABEL.matcher(label).matches()) {
                    reason = "Name '" + label + "' must be 1-63 characters long, each of which can only be "
                            + "alphanumeric or a hyphen";
                }
                if (reason != null) break;
            }
            if (reason == null && labels.length > 1 && ALL_DIGITS.matcher(labels[labels.length - 1]).matches()) {
                reason = "TLD '" + labels[labels.length - 1] + "' must not be all numeric";
            }
        }
        return reason == null ? null : "'" + data + "' not a valid PQDN or FQDN. Reason: " + reason;
    }

    private static String notString(Object v) {
        return "'" + display(v) + "' is not a valid string";
    }

    /** validate_dns_name, format part (its part that depends on [DEFAULT] dns_domain is {@link #withDomain}). */
    static final Validator DNS_NAME = v -> v instanceof String s ? format(s, FQDN_MAX) : notString(v);

    /** validate_fip_dns_name. */
    static final Validator FIP_DNS_NAME = v -> {
        if (!(v instanceof String s)) return notString(v);
        if (s.isEmpty()) return null;
        if (s.endsWith(".")) return "'" + s + "' is a FQDN. It should be a relative domain name";
        String msg = format(s, FQDN_MAX);
        if (msg != null) return msg;
        if (s.length() > FQDN_MAX - 3) {
            return "'" + s + "' contains " + s.length() + " characters. Adding a domain name will cause it to "
                    + "exceed the maximum length of a FQDN of '" + FQDN_MAX + "'";
        }
        return null;
    };

    /** validate_dns_domain. */
    static final Validator DNS_DOMAIN = v -> {
        if (!(v instanceof String s)) return notString(v);
        if (s.isEmpty()) return null;
        if (!s.endsWith(".")) return "'" + s + "' is not a FQDN";
        String msg = format(s, FQDN_MAX);
        if (msg != null) return msg;
        if (s.length() > FQDN_MAX - 2) {
            return "'" + s + "' contains " + s.length() + " characters. Adding a sub-domain will cause it to "
                    + "exceed the maximum length of a FQDN of '" + FQDN_MAX + "'";
        }
        return null;
    };

    /** _get_dns_domain_config: {@code [DEFAULT] dns_domain} with its trailing dot, or ''. */
    static String domain(String configured) {
        if (configured == null || configured.isEmpty()) return "";
        return configured.endsWith(".") ? configured : configured + ".";
    }

    /** Whether ports' own names count: a domain is configured and it is not openstacklocal. */
    static boolean namesUsed(String domain) {
        return !domain.isEmpty() && !domain.equals(DEFAULT_DOMAIN);
    }

    /**
     * _validate_dns_name_with_dns_domain: a PQDN and the domain must fit in an FQDN; an FQDN must end
     * with the domain and have labels of its own. Null when fine.
     */
    static String withDomain(String dnsName, String domain, String configured) {
        String higher = domain.isEmpty() ? "" : "." + domain;
        if (!dnsName.endsWith(".")) {
            if (dnsName.length() + higher.length() > FQDN_MAX) {
                return "The dns_name passed is a PQDN and its size is '" + dnsName.length() + "'. The dns_domain "
                        + "option in neutron.conf is set to " + configured + ", with a length of '" + higher.length()
                        + "'. When the two are concatenated to form a FQDN (with a '.' at the end), the resulting "
                        + "length exceeds the maximum size of '" + FQDN_MAX + "'";
            }
            return null;
        }
        if (dnsName.length() <= higher.length() || !dnsName.endsWith(higher)) {
            return "The dns_name passed is a FQDN. Its higher level labels must be equal to the dns_domain option "
                    + "in neutron.conf, that has been set to '" + configured + "'. It must also include one or more "
                    + "valid DNS labels to the left of '" + configured + "'";
        }
        return null;
    }

    /**
     * _get_dns_names_for_port: per fixed IP, the port's name (when names are used) or
     * {@code host-<address with - for . and :>}, and that under the configured domain.
     */
    static List<Map<String, Object>> assignment(List<Map<String, Object>> fixedIps, String dnsName, String domain) {
        String name = namesUsed(domain) && dnsName != null ? dnsName : "";
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> ip : fixedIps) {
            String address = String.valueOf(ip.get("ip_address"));
            String hostname;
            String fqdn;
            if (!name.isEmpty()) {
                hostname = name;
                fqdn = name.endsWith(".") ? name : name + "." + domain;
            } else {
                hostname = "host-" + address.replace('.', '-').replace(':', '-');
                fqdn = domain.isEmpty() ? hostname : hostname + "." + domain;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("ip_address", address);
            a.put("hostname", hostname);
            a.put("fqdn", fqdn);
            out.add(a);
        }
        return out;
    }
}
