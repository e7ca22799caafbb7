package dev.neutrino.ext.servicetype;

import dev.neutrino.common.ConfigException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One configured provider, as neutron's parse_service_provider_opt reads it. */
record ServiceProvider(String serviceType, String name, String driver, boolean isDefault) {
    ServiceProvider {
        Objects.requireNonNull(serviceType);
        Objects.requireNonNull(name);
        Objects.requireNonNull(driver);
    }

    /** Parses the option's lines; the same checks as Neutron (format, name length, unique, one default). */
    static List<ServiceProvider> parse(List<String> lines) {
        List<ServiceProvider> out = new ArrayList<>();
        Set<String> drivers = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<String> defaults = new HashSet<>();
        for (String line : lines) {
            String[] p = line.strip().split(":", -1);
            if (p.length < 3 || p.length > 4) {
                throw new ConfigException("[service_providers] service_provider: invalid service provider format: '"
                        + line + "'");
            }
            if (p[1].length() > 255) {
                throw new ConfigException("[service_providers] service_provider: provider name " + p[1]
                        + " is limited by 255 characters");
            }
            boolean isDefault = false;
            if (p.length == 4 && !p[3].isEmpty()) {
                if (!p[3].equals("default")) {
                    throw new ConfigException("[service_providers] service_provider: last part should be 'default' "
                            + "or empty: '" + line + "'");
                }
                isDefault = true;
            }
            // neutron's normalize_provider_name: lower case, spaces as underscores
            String name = p[1].toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
            if (!drivers.add(p[2])) {
                throw new ConfigException("[service_providers] service_provider: driver " + p[2]
                        + " is not unique across providers");
            }
            if (!keys.add(p[0] + ":" + name)) {
                throw new ConfigException("[service_providers] service_provider: multiple providers specified for "
                        + "service " + p[0]);
            }
            if (isDefault && !defaults.add(p[0])) {
                throw new ConfigException("[service_providers] service_provider: multiple default providers for "
                        + "service " + p[0]);
            }
            out.add(new ServiceProvider(p[0], name, p[2], isDefault));
        }
        return List.copyOf(out);
    }
}
