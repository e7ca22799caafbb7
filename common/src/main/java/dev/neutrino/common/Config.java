package dev.neutrino.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed configuration read from neutron.conf style INI files against a set of known options.
 * Unknown options are collected as warnings (the caller logs them); malformed values fail fast.
 */
public final class Config {
    private final Map<String, Object> values = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final IniFile ini;

    private Config(IniFile ini) {
        this.ini = ini;
    }

    public static Config of(IniFile ini, List<Option<?>> known) {
        Config config = new Config(ini);
        Map<String, Option<?>> byKey = new LinkedHashMap<>();
        for (Option<?> o : known) {
            byKey.put(o.section() + "/" + o.name(), o);
        }
        for (var section : ini.sections().entrySet()) {
            for (var entry : section.getValue().entrySet()) {
                Option<?> option = byKey.get(section.getKey() + "/" + entry.getKey());
                if (option == null) {
                    config.warnings.add(entry.getValue().origin() + ": unknown option [" + section.getKey() + "] "
                            + entry.getKey() + " is ignored");
                    continue;
                }
                config.values.put(section.getKey() + "/" + entry.getKey(),
                        option.parse(option.multi() ? String.join("\n", entry.getValue().values())
                                : entry.getValue().value(), entry.getValue().origin()));
            }
        }
        return config;
    }

    public static Config defaults(List<Option<?>> known) {
        return of(new IniFile(), known);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        Object v = values.get(option.section() + "/" + option.name());
        return v == null ? option.defaultValue() : (T) v;
    }

    public boolean isSet(Option<?> option) {
        return values.containsKey(option.section() + "/" + option.name());
    }

    /** Overrides a value programmatically (tests, command-line flags). */
    public <T> Config with(Option<T> option, T value) {
        values.put(option.section() + "/" + option.name(), value);
        return this;
    }

    public List<String> warnings() {
        return warnings;
    }

    public IniFile ini() {
        return ini;
    }
}
