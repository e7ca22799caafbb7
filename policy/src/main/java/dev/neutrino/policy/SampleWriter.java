package dev.neutrino.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes policy files in {@code oslopolicy-sample-generator}'s YAML format, reproducing
 * {@code oslo_policy.generator._format_rule_default_yaml} and Python's {@code textwrap.wrap}
 * byte for byte.
 */
final class SampleWriter {
    private SampleWriter() {}

    /** The sample for a list of defaults: exactly {@code oslopolicy-sample-generator --namespace neutron}. */
    static String sample(List<RuleDefault> defaults) {
        StringBuilder sb = new StringBuilder();
        for (RuleDefault d : defaults) sb.append(formatRuleDefault(d));
        return sb.toString();
    }

    static String formatRuleDefault(RuleDefault d) {
        String text = "\"" + d.name() + "\": \"" + d.checkStr() + "\"\n";
        StringBuilder op = new StringBuilder();
        for (RuleDefault.Operation o : d.operations()) {
            if (o.method() != null && !o.method().isEmpty() && o.path() != null && !o.path().isEmpty()) {
                op.append("# ").append(o.method()).append("  ").append(o.path()).append('\n');
            }
        }
        String scope = d.scopeTypes() == null ? "" : "# Intended scope(s): " + String.join(", ", d.scopeTypes()) + "\n";
        text = op + scope + "#" + text + "\n";
        if (d.description() != null && !d.description().isEmpty()) {
            text = helpText(d.description()) + "\n" + text;
        }
        if (d.deprecatedForRemoval()) {
            text = "# DEPRECATED\n# \"" + d.name() + "\" has been deprecated since "
                    + PyValues.str(d.deprecatedSince()) + ".\n" + helpText(d.deprecatedReason()) + "\n" + text;
        } else if (d.deprecatedRule() != null) {
            RuleDefault.DeprecatedRule dep = d.deprecatedRule();
            String reason = dep.deprecatedReason() != null && !dep.deprecatedReason().isEmpty()
                    ? dep.deprecatedReason() : d.deprecatedReason();
            String since = dep.deprecatedSince() != null && !dep.deprecatedSince().isEmpty()
                    ? dep.deprecatedSince() : d.deprecatedSince();
            String deprecatedText = "\"" + dep.name() + "\":\"" + dep.checkStr() + "\" has been deprecated since "
                    + PyValues.str(since) + " in favor of \"" + d.name() + "\":\"" + d.checkStr() + "\".";
            StringBuilder t = new StringBuilder(text).append("# DEPRECATED\n").append(helpText(deprecatedText))
                    .append('\n').append(helpText(reason)).append('\n');
            if (!d.name().equals(dep.name())) {
                t.append("# WARNING: A rule name change has been identified.\n"
                        + "#          This may be an artifact of new rules being\n"
                        + "#          included which require legacy fallback\n"
                        + "#          rules to ensure proper policy behavior.\n"
                        + "#          Alternatively, this may just be an alias.\n"
                        + "#          Please evaluate on a case by case basis\n"
                        + "#          keeping in mind the format for aliased\n"
                        + "#          rules is:\n"
                        + "#          \"old_rule_name\": \"new_rule_name\".\n");
                t.append("# \"").append(dep.name()).append("\": \"rule:").append(d.name()).append("\"\n");
            }
            t.append('\n');
            text = t.toString();
        }
        return text;
    }

    /** {@code generator._format_help_text}. */
    static String helpText(String description) {
        if (description == null || description.isEmpty()) return "#";
        List<String> out = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        for (String line : splitLines(pyStrip(description, true, true))) {
            if (pyStrip(line, true, true).isEmpty()) {
                out.addAll(wrapParagraph(paragraph));
                out.add("#");
                paragraph = new ArrayList<>();
            } else if (line.length() == pyStrip(line, true, false).length()) {
                paragraph.add(pyStrip(line, false, true));
            } else {
                if (!paragraph.isEmpty()) {
                    out.addAll(wrapParagraph(paragraph));
                    out.add("#");
                    paragraph = new ArrayList<>();
                }
                out.add("# " + pyStrip(line, false, true));
            }
        }
        if (!paragraph.isEmpty()) out.addAll(wrapParagraph(paragraph));
        return String.join("\n", out);
    }

    private static List<String> wrapParagraph(List<String> lines) {
        return wrap(String.join(" ", lines), 70, "# ", "# ");
    }

    // ---- Python textwrap.wrap with default options (break_on_hyphens, drop_whitespace, ...) ----

    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    private static final String WP = "[\\w!\"'&.,?]";
    private static final String LT = "[^\\d\\W]";
    private static final Pattern WORDSEP = Pattern.compile(
            "(" + WS + "+"
                    + "|(?<=" + WP + ")-{2,}(?=\\w)"
                    + "|" + NWS + "+?(?:"
                    + "-(?:(?<=" + LT + "{2}-)|(?<=" + LT + "-" + LT + "-))(?=" + LT + "-?" + LT + ")"
                    + "|(?=" + WS + "|\\z)"
                    + "|(?<=" + WP + ")(?=-{2,}\\w)"
                    + "))",
            Pattern.UNICODE_CHARACTER_CLASS);

    static List<String> wrap(String text, int width, String initialIndent, String subsequentIndent) {
        // _munge_whitespace: expand tabs (tabsize 8), then every whitespace char becomes a space
        text = expandTabs(text).replaceAll("[\\t\\n\\x0b\\x0c\\r]", " ");
        List<String> chunks = new ArrayList<>();
        Matcher m = WORDSEP.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) chunks.add(text.substring(last, m.start()));
            if (!m.group(1).isEmpty()) chunks.add(m.group(1));
            last = m.end();
        }
        if (last < text.length()) chunks.add(text.substring(last));
        Collections.reverse(chunks);

        List<String> lines = new ArrayList<>();
        while (!chunks.isEmpty()) {
            List<String> cur = new ArrayList<>();
            int curLen = 0;
            String indent = lines.isEmpty() ? initialIndent : subsequentIndent;
            int w = width - indent.length();
            if (chunks.get(chunks.size() - 1).strip().isEmpty() && !lines.isEmpty()) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty()) {
                int l = chunks.get(chunks.size() - 1).length();
                if (curLen + l <= w) {
                    cur.add(chunks.remove(chunks.size() - 1));
                    curLen += l;
                } else {
                    break;
                }
            }
            if (!chunks.isEmpty() && chunks.get(chunks.size() - 1).length() > w) {
                handleLongWord(chunks, cur, curLen, w);
                curLen = cur.stream().mapToInt(String::length).sum();
            }
            if (!cur.isEmpty() && cur.get(cur.size() - 1).strip().isEmpty()) {
                curLen -= cur.get(cur.size() - 1).length();
                cur.remove(cur.size() - 1);
            }
            if (!cur.isEmpty()) lines.add(indent + String.join("", cur));
        }
        return lines;
    }

    private static void handleLongWord(List<String> reversedChunks, List<String> cur, int curLen, int width) {
        int spaceLeft = width < 1 ? 1 : width - curLen;
        int end = spaceLeft;
        String chunk = reversedChunks.get(reversedChunks.size() - 1);
        if (chunk.length() > spaceLeft) {
            int hyphen = chunk.lastIndexOf('-', Math.max(spaceLeft - 1, -1));
            if (hyphen >= spaceLeft) hyphen = -1;
            if (hyphen > 0 && chunk.substring(0, hyphen).chars().anyMatch(c -> c != '-')) end = hyphen + 1;
        }
        end = Math.min(end, chunk.length());
        cur.add(chunk.substring(0, end));
        reversedChunks.set(reversedChunks.size() - 1, chunk.substring(end));
    }

    private static String expandTabs(String s) {
        if (s.indexOf('\t') < 0) return s;
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                int n = 8 - (col % 8);
                sb.append(" ".repeat(n));
                col += n;
            } else {
                sb.append(c);
                col = (c == '\n' || c == '\r') ? 0 : col + 1;
            }
        }
        return sb.toString();
    }

    /** Python {@code str.splitlines()}. */
    static List<String> splitLines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean br = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                    || c == 0x85 || c == '\u2028' || c == '\u2029';
            if (br) {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
            i++;
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }

    private static boolean pySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
    }

    /** Python {@code str.strip()/lstrip()/rstrip()}. */
    static String pyStrip(String s, boolean left, boolean right) {
        int a = 0;
        int b = s.length();
        if (left) while (a < b && pySpace(s.charAt(a))) a++;
        if (right) while (b > a && pySpace(s.charAt(b - 1))) b--;
        return s.substring(a, b);
    }

    /** {@code "name": "check"} with YAML double-quoted escaping (valid for any check string). */
    static String yamlEntry(String name, String check) {
        return quote(name) + ": " + quote(check) + "\n";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
