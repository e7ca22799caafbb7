package dev.neutrino.nova;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.Option;
import dev.neutrino.keystone.KeystoneSession;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of the Nova notifier, as Neutron names them: {@code [DEFAULT]}
 * {@code notify_nova_on_port_status_changes}, {@code notify_nova_on_port_data_changes},
 * {@code send_events_interval}, and the {@code [nova]} section (keystoneauth's password plugin and
 * session options, {@code region_name}, {@code endpoint_type}).
 */
public final class NovaOptions {
    private NovaOptions() {}

    public static final String SECTION = "nova";

    public static final Option<Boolean> NOTIFY_ON_STATUS = Option.bool("DEFAULT",
            "notify_nova_on_port_status_changes", true, "Send notification to nova when port status changes");
    public static final Option<Boolean> NOTIFY_ON_DATA = Option.bool("DEFAULT", "notify_nova_on_port_data_changes",
            true, "Send notification to nova when port data (fixed_ips/floatingip) changes so nova can update its "
                    + "cache.");
    public static final Option<Integer> SEND_EVENTS_INTERVAL = Option.integer("DEFAULT", "send_events_interval", 2,
            0, 3600, "Number of seconds between sending events to nova if there are any events to send.");

    public static final Option<String> REGION_NAME = Option.string(SECTION, "region_name", "",
            "Name of nova region to use. Useful if keystone manages more than one region.");
    public static final Option<String> ENDPOINT_TYPE = new Option<>(SECTION, "endpoint_type", "public", s -> {
        String v = s.strip().toLowerCase(Locale.ROOT);
        if (!List.of("public", "admin", "internal").contains(v)) {
            throw new IllegalArgumentException("must be one of public, admin, internal");
        }
        return v;
    }, "Type of the nova endpoint to use (public, admin, internal).");
    public static final Option<String> AUTH_URL = Option.string(SECTION, "auth_url", "", "Authentication URL");
    public static final Option<String> AUTH_TYPE = Option.string(SECTION, "auth_type", "",
            "Authentication type to load (password)");
    public static final Option<String> USERNAME = Option.string(SECTION, "username", "", "Username");
    public static final Option<String> PASSWORD = Option.string(SECTION, "password", "", "User's password");
    public static final Option<String> USER_DOMAIN_NAME = Option.string(SECTION, "user_domain_name", "",
            "User's domain name");
    public static final Option<String> USER_DOMAIN_ID = Option.string(SECTION, "user_domain_id", "",
            "User's domain id");
    public static final Option<String> PROJECT_NAME = Option.string(SECTION, "project_name", "",
            "Project name to scope to");
    public static final Option<String> PROJECT_DOMAIN_NAME = Option.string(SECTION, "project_domain_name", "",
            "Domain name containing project");
    public static final Option<String> PROJECT_DOMAIN_ID = Option.string(SECTION, "project_domain_id", "",
            "Domain ID containing project");
    public static final Option<Integer> TIMEOUT = Option.integer(SECTION, "timeout", 30, 1, 3600,
            "Timeout value for http requests, seconds");

    public static final List<Option<?>> ALL = List.of(NOTIFY_ON_STATUS, NOTIFY_ON_DATA, SEND_EVENTS_INTERVAL,
            REGION_NAME, ENDPOINT_TYPE, AUTH_URL, AUTH_TYPE, USERNAME, PASSWORD, USER_DOMAIN_NAME, USER_DOMAIN_ID,
            PROJECT_NAME, PROJECT_DOMAIN_NAME, PROJECT_DOMAIN_ID, TIMEOUT);

    /** What the notifier needs from the options. */
    public record Settings(boolean onStatus, boolean onData, Duration interval, KeystoneSession.Credentials credentials,
                           String region, String endpointType, Duration timeout) {}

    /**
     * The notifier's settings, or null when it has nothing to do: both notify options off, or no
     * {@code [nova]} credentials (Neutrino serves without a Nova then, and says so in its log).
     *
     * @throws ConfigException for an incomplete {@code [nova]} section or an auth type other than password
     */
    public static Settings settings(Config config) {
        boolean onStatus = config.get(NOTIFY_ON_STATUS);
        boolean onData = config.get(NOTIFY_ON_DATA);
        if (!onStatus && !onData) return null;
        if (config.get(AUTH_URL).isBlank() && config.get(AUTH_TYPE).isBlank() && config.get(USERNAME).isBlank()) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        String type = config.get(AUTH_TYPE).strip().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.equals("password") && !type.equals("v3password")) {
            problems.add("auth_type '" + type + "' is not supported (use password)");
        }
        for (Option<String> required : List.of(AUTH_URL, USERNAME, PASSWORD, PROJECT_NAME)) {
            if (config.get(required).isBlank()) problems.add(required.name() + " is required");
        }
        URI authUrl = null;
        try {
            if (!config.get(AUTH_URL).isBlank()) authUrl = KeystoneSession.Credentials.identityV3(config.get(AUTH_URL));
        } catch (IllegalArgumentException e) {
            problems.add("auth_url: " + e.getMessage());
        }
        if (!problems.isEmpty()) throw new ConfigException("[" + SECTION + "] " + String.join("; ", problems));
        var credentials = new KeystoneSession.Credentials(authUrl, config.get(USERNAME), config.get(PASSWORD),
                config.get(USER_DOMAIN_NAME), config.get(USER_DOMAIN_ID), config.get(PROJECT_NAME),
                config.get(PROJECT_DOMAIN_NAME), config.get(PROJECT_DOMAIN_ID));
        return new Settings(onStatus, onData, Duration.ofSeconds(config.get(SEND_EVENTS_INTERVAL)), credentials,
                config.get(REGION_NAME), config.get(ENDPOINT_TYPE), Duration.ofSeconds(config.get(TIMEOUT)));
    }
}
