package dev.neutrino.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The INI dialect of oslo.config: {@code [section]} headers, {@code key = value} (or {@code key: value}),
 * comments starting with {@code #} or {@code ;}, continuation lines starting with whitespace.
 * Several files merge in order: a later file's value wins.
 */
public final class IniFile {
    /** One value as written, with where it came from, for error messages. */
    /** An option's last value (what a plain option reads) and every value it was given, in order. */
    public record Entry(String value, String origin, List<String> values) {
        public Entry(String value, String origin) {
            this(value, origin, List.of(value));
        }
    }

    private final Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();

    public static IniFile load(List<Path> files) throws IOException {
        IniFile ini = new IniFile();
        for (Path file : files) {
            ini.merge(Files.readString(file), file.toString());
        }
        return ini;
    }

    public static IniFile parse(String text) {
        IniFile ini = new IniFile();
        ini.merge(text, "<string>");
        return ini;
    }

    void merge(String text, String source) {
        String section = null;
        String lastKey = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            String origin = source + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (!raw.isEmpty() && Character.isWhitespace(raw.charAt(0)) && lastKey != null && section != null) {
                Entry prev = sections.get(section).get(lastKey);
                List<String> values = new java.util.ArrayList<>(prev.values());
                values.set(values.size() - 1, prev.value() + "\n" + line);
                sections.get(section).put(lastKey, new Entry(prev.value() + "\n" + line, prev.origin(), values));
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    throw new ConfigException(origin + ": malformed section header '" + line + "'");
                }
                section = line.substring(1, line.length() - 1).strip();
                sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            int eq = indexOfSeparator(line);
            if (eq <= 0) {
                throw new ConfigException(origin + ": expected 'option = value', got '" + line + "'");
            }
            if (section == null) {
                throw new ConfigException(origin + ": option outside of any [section]");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            Entry prev = sections.get(section).get(key);
            List<String> values = new java.util.ArrayList<>(prev == null ? List.of() : prev.values());
            values.add(value);
            sections.get(section).put(key, new Entry(value, origin, values));
            lastKey = key;
        }
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) return colon;
        if (colon < 0) return eq;
        return Math.min(eq, colon);
    }

    public Map<String, Map<String, Entry>> sections() {
        return sections;
    }

    public Entry get(String section, String key) {
        Map<String, Entry> s = sections.get(section);
        return s == null ? null : s.get(key);
    }

    public List<String> sectionNames() {
        return new ArrayList<>(sections.keySet());
    }
}
