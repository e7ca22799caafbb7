package dev.neutrino.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One neutron.conf option: section, name, type and default, as oslo.config declares it.
 * Parsing a malformed value throws a {@link ConfigException} that names the option.
 */
public record Option<T>(String section, String name, T defaultValue, Function<String, T> parser, String help,
                        boolean multi) {

    public Option(String section, String name, T defaultValue, Function<String, T> parser, String help) {
        this(section, name, defaultValue, parser, help, false);
    }

    /**
     * oslo.config's MultiStrOpt: the option may be given on several lines (and in several files);
     * its value is every line's, in order.
     */
    public static Option<List<String>> multiString(String section, String name, String help) {
        return new Option<>(section, name, List.of(), s -> s.isEmpty() ? List.of() : List.of(s.split("\n", -1)), help,
                true);
    }

    public T parse(String raw, String origin) {
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw new ConfigException(origin + ": invalid value for [" + section + "] " + name + ": '" + raw
                    + "' (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    public static Option<String> string(String section, String name, String def, String help) {
        return new Option<>(section, name, def, s -> s, help);
    }

    public static Option<Integer> integer(String section, String name, int def, int min, int max, String help) {
        return new Option<>(section, name, def, s -> {
            int v = Integer.parseInt(s.strip());
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        }, help);
    }

    public static Option<Boolean> bool(String section, String name, boolean def, String help) {
        return new Option<>(section, name, def, Option::parseBool, help);
    }

    public static Option<List<String>> list(String section, String name, List<String> def, String help) {
        return new Option<>(section, name, def, s -> s.isBlank() ? List.of()
                : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList(), help);
    }

    public static boolean parseBool(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }
}
