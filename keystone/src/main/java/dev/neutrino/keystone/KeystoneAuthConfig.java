package dev.neutrino.keystone;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.IniFile;
import dev.neutrino.common.Option;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code [keystone_authtoken]} section of neutron.conf, as keystonemiddleware's auth_token and
 * keystoneauth's {@code password} plugin read it. Register {@link #OPTIONS} with the server's
 * {@link Config} so that these options are parsed (and not reported as unknown).
 *
 * <p>Options keystonemiddleware has but Neutrino does not use (memcached, TLS files, region, ...) are
 * declared too, so that an existing neutron.conf loads without warnings; they have no effect.
 */
public record KeystoneAuthConfig(
        String wwwAuthenticateUri,
        URI authUrl,
        String authType,
        String username,
        String password,
        String userDomainName,
        String userDomainId,
        String projectName,
        String projectDomainName,
        String projectDomainId,
        Duration tokenCacheTime,
        int tokenCacheSize,
        Duration invalidTokenCacheTime,
        Duration httpConnectTimeout,
        int httpRequestMaxRetries,
        List<String> serviceTokenRoles,
        boolean serviceTokenRolesRequired,
        boolean delayAuthDecision) {

    public static final String SECTION = "keystone_authtoken";

    public static final Option<String> WWW_AUTHENTICATE_URI = Option.string(SECTION, "www_authenticate_uri", "",
            "Complete public Identity API endpoint, sent to unauthenticated clients in WWW-Authenticate.");
    public static final Option<String> AUTH_URI = Option.string(SECTION, "auth_uri", "",
            "Deprecated alias of www_authenticate_uri.");
    public static final Option<String> AUTH_URL = Option.string(SECTION, "auth_url", "",
            "Identity endpoint the service user authenticates against and validates tokens with.");
    public static final Option<String> AUTH_TYPE = Option.string(SECTION, "auth_type", "password",
            "Authentication plugin of the service user: password (the only one supported).");
    public static final Option<String> USERNAME = Option.string(SECTION, "username", "",
            "Service user name.");
    public static final Option<String> PASSWORD = Option.string(SECTION, "password", "",
            "Service user password.");
    public static final Option<String> USER_DOMAIN_NAME = Option.string(SECTION, "user_domain_name", "Default",
            "Domain name of the service user.");
    public static final Option<String> USER_DOMAIN_ID = Option.string(SECTION, "user_domain_id", "",
            "Domain id of the service user (wins over user_domain_name).");
    public static final Option<String> PROJECT_NAME = Option.string(SECTION, "project_name", "",
            "Project the service token is scoped to.");
    public static final Option<String> PROJECT_DOMAIN_NAME = Option.string(SECTION, "project_domain_name",
            "Default", "Domain name of project_name.");
    public static final Option<String> PROJECT_DOMAIN_ID = Option.string(SECTION, "project_domain_id", "",
            "Domain id of project_name (wins over project_domain_name).");
    public static final Option<Integer> TOKEN_CACHE_TIME = Option.integer(SECTION, "token_cache_time", 300,
            -1, Integer.MAX_VALUE, "Seconds a validated token is cached (never past its expiry); -1 disables.");
    public static final Option<Integer> TOKEN_CACHE_SIZE = Option.integer(SECTION, "token_cache_size", 10_000,
            1, Integer.MAX_VALUE, "Neutrino: most tokens kept in the in-process cache.");
    public static final Option<Integer> INVALID_TOKEN_CACHE_TIME = Option.integer(SECTION,
            "invalid_token_cache_time", 10, 0, Integer.MAX_VALUE,
            "Neutrino: seconds a token Keystone rejected is remembered as invalid (0 disables).");
    public static final Option<Integer> HTTP_CONNECT_TIMEOUT = Option.integer(SECTION, "http_connect_timeout", 10,
            1, 3600, "Seconds to wait for Keystone to connect and to answer one request.");
    public static final Option<Integer> HTTP_REQUEST_MAX_RETRIES = Option.integer(SECTION,
            "http_request_max_retries", 3, 0, 100, "Retries of a request Keystone could not be reached for.");
    public static final Option<List<String>> SERVICE_TOKEN_ROLES = Option.list(SECTION, "service_token_roles",
            List.of("service"), "A service token must carry at least one of these roles.");
    public static final Option<Boolean> SERVICE_TOKEN_ROLES_REQUIRED = Option.bool(SECTION,
            "service_token_roles_required", false,
            "Reject service tokens without a service_token_roles role (otherwise only log them).");
    public static final Option<Boolean> DELAY_AUTH_DECISION = Option.bool(SECTION, "delay_auth_decision", false,
            "Let requests without a valid token through, marked unauthenticated, for the service to decide.");

    // Accepted for compatibility with existing neutron.conf files; Neutrino ignores them.
    public static final Option<List<String>> MEMCACHED_SERVERS = Option.list(SECTION, "memcached_servers",
            List.of(), "Accepted and ignored: Neutrino caches tokens in process.");
    public static final Option<String> REGION_NAME = Option.string(SECTION, "region_name", "",
            "Accepted and ignored: auth_url is used directly.");
    public static final Option<String> INTERFACE = Option.string(SECTION, "interface", "",
            "Accepted and ignored: auth_url is used directly.");
    public static final Option<Boolean> INCLUDE_SERVICE_CATALOG = Option.bool(SECTION, "include_service_catalog",
            true, "Accepted and ignored: Neutrino never asks for the service catalog.");
    public static final Option<String> CAFILE = Option.string(SECTION, "cafile", "",
            "Accepted and ignored: use the JVM trust store for an https auth_url.");
    public static final Option<Boolean> INSECURE = Option.bool(SECTION, "insecure", false,
            "Accepted and ignored.");
    public static final Option<String> SERVICE_TYPE = Option.string(SECTION, "service_type", "",
            "Accepted and ignored.");

    /** Every option of the section, for {@link Config#of(IniFile, List)}. */
    public static final List<Option<?>> OPTIONS = List.of(WWW_AUTHENTICATE_URI, AUTH_URI, AUTH_URL, AUTH_TYPE,
            USERNAME, PASSWORD, USER_DOMAIN_NAME, USER_DOMAIN_ID, PROJECT_NAME, PROJECT_DOMAIN_NAME,
            PROJECT_DOMAIN_ID, TOKEN_CACHE_TIME, TOKEN_CACHE_SIZE, INVALID_TOKEN_CACHE_TIME, HTTP_CONNECT_TIMEOUT,
            HTTP_REQUEST_MAX_RETRIES, SERVICE_TOKEN_ROLES, SERVICE_TOKEN_ROLES_REQUIRED, DELAY_AUTH_DECISION,
            MEMCACHED_SERVERS, REGION_NAME, INTERFACE, INCLUDE_SERVICE_CATALOG, CAFILE, INSECURE, SERVICE_TYPE);

    public KeystoneAuthConfig {
        serviceTokenRoles = List.copyOf(serviceTokenRoles);
    }

    /**
     * Reads and checks the section from a {@link Config} built with {@link #OPTIONS} among its known
     * options. Throws {@link ConfigException} naming every missing or malformed option.
     */
    public static KeystoneAuthConfig from(Config config) {
        List<String> problems = new ArrayList<>();
        String authType = config.get(AUTH_TYPE).strip().toLowerCase(Locale.ROOT);
        if (!authType.equals("password") && !authType.equals("v3password")) {
            problems.add("auth_type '" + authType + "' is not supported (use password)");
        }
        for (Option<String> required : List.of(AUTH_URL, USERNAME, PASSWORD, PROJECT_NAME)) {
            if (config.get(required).isBlank()) problems.add(required.name() + " is required");
        }
        URI authUrl = null;
        if (!config.get(AUTH_URL).isBlank()) {
            try {
                authUrl = identityV3(config.get(AUTH_URL));
            } catch (IllegalArgumentException e) {
                problems.add("auth_url: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("[" + SECTION + "] " + String.join("; ", problems));
        }
        String www = config.get(WWW_AUTHENTICATE_URI);
        if (www.isBlank()) www = config.get(AUTH_URI);
        if (www.isBlank()) www = unversioned(authUrl);
        return new KeystoneAuthConfig(
                www.strip(),
                authUrl,
                authType,
                config.get(USERNAME),
                config.get(PASSWORD),
                config.get(USER_DOMAIN_NAME),
                config.get(USER_DOMAIN_ID),
                config.get(PROJECT_NAME),
                config.get(PROJECT_DOMAIN_NAME),
                config.get(PROJECT_DOMAIN_ID),
                Duration.ofSeconds(Math.max(0, config.get(TOKEN_CACHE_TIME))),
                config.get(TOKEN_CACHE_SIZE),
                Duration.ofSeconds(config.get(INVALID_TOKEN_CACHE_TIME)),
                Duration.ofSeconds(config.get(HTTP_CONNECT_TIMEOUT)),
                config.get(HTTP_REQUEST_MAX_RETRIES),
                config.get(SERVICE_TOKEN_ROLES),
                config.get(SERVICE_TOKEN_ROLES_REQUIRED),
                config.get(DELAY_AUTH_DECISION));
    }

    /** Reads the section straight from INI text (other sections are ignored). */
    public static KeystoneAuthConfig from(IniFile ini) {
        return from(Config.of(ini, OPTIONS));
    }

    /** The value of the {@code WWW-Authenticate} header of a 401 answer, as keystonemiddleware sends it. */
    public String wwwAuthenticate() {
        return "Keystone uri=\"" + wwwAuthenticateUri + "\"";
    }

    /** True when a service token with these role names passes {@code service_token_roles}. */
    public boolean hasServiceRole(List<String> roles) {
        for (String role : roles) {
            for (String wanted : serviceTokenRoles) {
                if (role.equalsIgnoreCase(wanted)) return true;
            }
        }
        return false;
    }

    /** The identity v3 root for an auth_url given with or without its version: {@code http://h:5000/v3}. */
    static URI identityV3(String authUrl) {
        String s = authUrl.strip();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        URI uri = URI.create(s);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + authUrl + "' is not an http(s) URL");
        }
        if (s.endsWith("/v2.0")) s = s.substring(0, s.length() - "/v2.0".length());
        if (!s.endsWith("/v3")) s = s + "/v3";
        return URI.create(s);
    }

    private static String unversioned(URI v3) {
        String s = v3.toString();
        return s.substring(0, s.length() - "/v3".length());
    }

    /** Hides the password from logs and error messages. */
    @Override
    public String toString() {
        return "KeystoneAuthConfig[authUrl=" + authUrl + ", username=" + username + ", projectName=" + projectName
                + ", wwwAuthenticateUri=" + wwwAuthenticateUri + ", tokenCacheTime=" + tokenCacheTime + "]";
    }
}
