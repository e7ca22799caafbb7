package dev.neutrino.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * This build's release ({@code 0.2.0}, or {@code 0.3.0-SNAPSHOT} between releases), from the Maven
 * project version the build wrote into {@code version.properties}; and the order of releases, which
 * a rolling upgrade needs (a server of an older release is one that may not know the contracted
 * schema).
 */
public final class Release {
    private Release() {}

    /** This build's release. */
    public static final String CURRENT = load();

    private static String load() {
        try (InputStream in = Release.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown").strip();
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Orders releases by their numbers ({@code 0.10.0} after {@code 0.9.1}); a pre-release
     * ({@code 0.3.0-SNAPSHOT}) comes after the release before it and before its own release.
     * Unparsable versions sort first (treated as the oldest).
     */
    public static int compare(String a, String b) {
        List<Integer> x = numbers(a);
        List<Integer> y = numbers(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            int c = Integer.compare(i < x.size() ? x.get(i) : 0, i < y.size() ? y.get(i) : 0);
            if (c != 0) return c;
        }
        boolean preA = a.contains("-");
        boolean preB = b.contains("-");
        return preA == preB ? 0 : preA ? -1 : 1;
    }

    private static List<Integer> numbers(String v) {
        List<Integer> out = new ArrayList<>();
        String core = v.split("-", 2)[0];
        for (String part : core.split("\\.")) {
            try {
                out.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                return List.of(-1);
            }
        }
        return out;
    }
}
