package dev.neutrino.server;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.Option;
import dev.neutrino.common.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS for the API as Neutron's eventlet server has it: {@code [DEFAULT] use_ssl} turns it on and
 * oslo.service's {@code [ssl]} section ({@code sslutils}) says with what: {@code cert_file} and
 * {@code key_file} (PEM; both required), {@code ca_file} (then every client must present a
 * certificate that CA signed, oslo's {@code CERT_REQUIRED}), {@code version} and {@code ciphers}.
 * The {@code [DEFAULT] ssl_*_file} names oslo.service deprecated are read when the new ones are not set.
 *
 * <p>Differences: oslo.service applies {@code version} and {@code ciphers} only with a
 * {@code ca_file} (a quirk of its {@code wrap}); Neutrino always applies them. {@code ciphers} takes
 * cipher suites by their IANA names (as the JDK names them, e.g.
 * {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}), colon or comma separated, not OpenSSL's cipher
 * strings; a name the JDK does not know stops the server rather than being ignored.
 */
public final class SslOptions {
    private static final Logger LOG = LoggerFactory.getLogger(SslOptions.class);

    private SslOptions() {}

    public static final Option<Boolean> USE_SSL = Option.bool("DEFAULT", "use_ssl", false,
            "Enable SSL on the API server.");
    public static final Option<String> CERT_FILE = Option.string("ssl", "cert_file", "",
            "Certificate file to use when starting the server securely.");
    public static final Option<String> KEY_FILE = Option.string("ssl", "key_file", "",
            "Private key file to use when starting the server securely.");
    public static final Option<String> CA_FILE = Option.string("ssl", "ca_file", "",
            "CA certificate file to use to verify connecting clients.");
    public static final Option<String> VERSION = Option.string("ssl", "version", "",
            "SSL version to use: SSLv23 (the best both sides have, TLS 1.2 or 1.3) or TLSv1_2.");
    public static final Option<String> CIPHERS = Option.string("ssl", "ciphers", "",
            "The cipher suites allowed, by their IANA names, separated by colons.");
    public static final Option<String> CERT_FILE_DEPRECATED = Option.string("DEFAULT", "ssl_cert_file", "",
            "Deprecated: [ssl] cert_file.");
    public static final Option<String> KEY_FILE_DEPRECATED = Option.string("DEFAULT", "ssl_key_file", "",
            "Deprecated: [ssl] key_file.");
    public static final Option<String> CA_FILE_DEPRECATED = Option.string("DEFAULT", "ssl_ca_file", "",
            "Deprecated: [ssl] ca_file.");

    public static final List<Option<?>> ALL = List.of(USE_SSL, CERT_FILE, KEY_FILE, CA_FILE, VERSION, CIPHERS,
            CERT_FILE_DEPRECATED, KEY_FILE_DEPRECATED, CA_FILE_DEPRECATED);

    /** oslo.service's versions the JDK no longer speaks (jdk.tls.disabledAlgorithms) or never did. */
    private static final Set<String> OBSOLETE_VERSIONS = Set.of("tlsv1", "tlsv1_1", "sslv2", "sslv3");

    /**
     * The TLS side of the API's connector, or empty to serve plain HTTP ({@code use_ssl} off).
     *
     * @throws ConfigException for a missing or unusable file, an unknown version or cipher suite
     */
    public static Optional<SslContextFactory.Server> contextFactory(Config config) {
        String cert = file(config, CERT_FILE, CERT_FILE_DEPRECATED);
        String key = file(config, KEY_FILE, KEY_FILE_DEPRECATED);
        String ca = file(config, CA_FILE, CA_FILE_DEPRECATED);
        if (!config.get(USE_SSL)) {
            if (!cert.isEmpty() || !key.isEmpty()) {
                LOG.warn("[ssl] cert_file/key_file are set but [DEFAULT] use_ssl is false: serving plain HTTP, as "
                        + "Neutron does; set use_ssl = true for HTTPS");
            }
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new ConfigException("[DEFAULT] use_ssl is true: [ssl] cert_file and key_file must both be set "
                    + "(PEM files)");
        }
        requireExists("cert_file", cert);
        requireExists("key_file", key);
        requireExists("ca_file", ca);
        SSLContext context;
        try {
            context = Pem.sslContext(Path.of(cert), Path.of(key), ca.isEmpty() ? null : Path.of(ca));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[ssl] cert_file/key_file/ca_file: " + e.getMessage());
        }
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(context);
        factory.setNeedClientAuth(!ca.isEmpty());
        protocols(config.get(VERSION)).ifPresent(factory::setIncludeProtocols);
        List<String> ciphers = ciphers(config.get(CIPHERS));
        if (!ciphers.isEmpty()) {
            factory.setIncludeCipherSuites(ciphers.toArray(String[]::new));
            factory.setExcludeCipherSuites(); // only what the operator listed, nothing else taken away
        }
        return Optional.of(factory);
    }

    /** As oslo.service's is_enabled: a file named must be there ("Unable to find cert_file : …"). */
    private static void requireExists(String option, String file) {
        if (!file.isEmpty() && !Files.exists(Path.of(file))) {
            throw new ConfigException("[ssl] " + option + ": unable to find " + file);
        }
    }

    private static String file(Config config, Option<String> current, Option<String> deprecated) {
        return (config.isSet(current) || !config.isSet(deprecated) ? config.get(current) : config.get(deprecated)).strip();
    }

    /** {@code [ssl] version}: empty or SSLv23 for any the JDK allows, TLSv1_2 for TLS 1.2 only. */
    static Optional<String[]> protocols(String version) {
        String v = version.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("sslv23")) return Optional.empty();
        if (v.equals("tlsv1_2")) return Optional.of(new String[] {"TLSv1.2"});
        if (OBSOLETE_VERSIONS.contains(v)) {
            throw new ConfigException("[ssl] version: " + version + " is disabled in this JDK as insecure; use "
                    + "TLSv1_2 or SSLv23 (TLS 1.2 and 1.3)");
        }
        throw new ConfigException("[ssl] version: invalid SSL version: " + version + " (SSLv23 or TLSv1_2)");
    }

    /** {@code [ssl] ciphers}: IANA suite names the JDK supports, colon or comma separated. */
    static List<String> ciphers(String value) {
        if (value.isBlank()) return List.of();
        Set<String> supported;
        try {
            supported = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<String> names = Arrays.stream(value.split("[:,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> unknown = new ArrayList<>(names.stream().filter(n -> !supported.contains(n)).toList());
        if (!unknown.isEmpty()) {
            throw new ConfigException("[ssl] ciphers: unknown cipher suite(s) " + unknown + ": give IANA names as "
                    + "the JDK knows them (e.g. TLS_AES_128_GCM_SHA256:TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), not "
                    + "OpenSSL cipher strings");
        }
        return names;
    }
}
