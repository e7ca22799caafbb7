package dev.neutrino.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The oslo.policy rule-language parser ({@code oslo_policy/_parser.py}), reproduced
 * step for step: a whitespace tokenizer that peels leading "(" and trailing ")" off each
 * word, and the same greedy shift/reduce parser with the same reductions in the same
 * order, so precedence ("and" binds tighter than "or", "not" tightest) and every quirk
 * (e.g. {@code A or B and C} extending a parenthesised and-group) come out identical.
 *
 * <p>Where oslo logs and "fails closed" (returns {@code !} for the whole rule or for one
 * token), the result here is the same {@code !} check, and the problem is recorded so
 * that loading can reject the policy instead.
 */
final class CheckParser {
    private static final Pattern WS = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** A parse result: the check oslo would build, and the problems oslo would only log. */
    record Result(Check check, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final AttributeMap attributes;

    CheckParser(AttributeMap attributes) {
        this.attributes = attributes;
    }

    /** Parses a check string (oslo {@code parse_rule} for a str). */
    Result parse(String rule) {
        List<String> problems = new ArrayList<>();
        if (rule.isEmpty()) return new Result(Check.True.INSTANCE, problems);
        State state = new State();
        for (Token t : tokenize(rule, problems)) state.shift(t.type, t.value);
        if (state.values.size() != 1 || !(state.values.get(0) instanceof Check c)) {
            problems.add("Failed to understand rule " + rule + " (it does not reduce to one check:"
                    + " unbalanced parentheses, a dangling and/or/not, two checks without an operator,"
                    + " or a quoted string where a check is expected)");
            return new Result(Check.False.INSTANCE, problems);
        }
        return new Result(c, problems);
    }

    /** The legacy list-of-lists form: outer list OR-ed, inner lists AND-ed (oslo {@code _parse_list_rule}). */
    Result parseList(List<?> rule) {
        List<String> problems = new ArrayList<>();
        if (rule.isEmpty()) return new Result(Check.True.INSTANCE, problems);
        List<Check> or = new ArrayList<>();
        for (Object inner : rule) {
            List<?> innerList;
            if (inner instanceof String s) innerList = List.of(s);
            else if (inner instanceof List<?> l) innerList = l;
            else {
                problems.add("list rule element " + PyValues.repr(inner) + " is neither a string nor a list");
                continue;
            }
            if (innerList.isEmpty()) continue;
            List<Check> and = new ArrayList<>();
            for (Object r : innerList) {
                if (!(r instanceof String s)) {
                    problems.add("list rule element " + PyValues.repr(r) + " is not a string");
                    continue;
                }
                and.add(parseCheck(s, problems));
            }
            or.add(and.size() == 1 ? and.get(0) : new Check.And(and));
        }
        if (or.isEmpty()) return new Result(Check.False.INSTANCE, problems);
        if (or.size() == 1) return new Result(or.get(0), problems);
        return new Result(new Check.Or(or), problems);
    }

    /** oslo {@code _parse_check}: one {@code kind:match} token. */
    Check parseCheck(String rule, List<String> problems) {
        if (rule.equals("!")) return Check.False.INSTANCE;
        if (rule.equals("@")) return Check.True.INSTANCE;
        int colon = rule.indexOf(':');
        if (colon < 0) {
            problems.add("Failed to understand rule " + rule + " (a check must be KIND:MATCH, '@' or '!')");
            return Check.False.INSTANCE;
        }
        String kind = rule.substring(0, colon);
        String match = rule.substring(colon + 1);
        if (Check.UNSUPPORTED_KINDS.contains(kind)) {
            problems.add("Unsupported check " + rule + ": external " + kind + " checks are not implemented");
            return Check.False.INSTANCE;
        }
        try {
            return switch (kind) {
                case "rule" -> new Check.RuleRef(match);
                case "role" -> new Check.Role(kind, match);
                case "tenant_id" -> new Check.Owner(kind, match);
                case "field" -> Check.Field.parse(kind, match, attributes);
                default -> new Check.Generic(kind, match);
            };
        } catch (IllegalArgumentException e) {
            problems.add("Invalid check " + rule + ": " + e.getMessage());
            return Check.False.INSTANCE;
        }
    }

    private record Token(String type, Object value) {}

    private List<Token> tokenize(String rule, List<String> problems) {
        List<Token> out = new ArrayList<>();
        for (String tok : WS.split(rule, -1)) {
            if (tok.isEmpty() || tok.isBlank()) continue;
            String clean = strip(tok, '(', true);
            for (int i = 0; i < tok.length() - clean.length(); i++) out.add(new Token("(", "("));
            if (clean.isEmpty()) continue;
            tok = clean;
            clean = strip(tok, ')', false);
            int trail = tok.length() - clean.length();
            String lowered = clean.toLowerCase(Locale.ROOT);
            if (lowered.equals("and") || lowered.equals("or") || lowered.equals("not")) {
                out.add(new Token(lowered, clean));
            } else if (!clean.isEmpty()) {
                if (tok.length() >= 2 && ((tok.charAt(0) == '"' && tok.charAt(tok.length() - 1) == '"')
                        || (tok.charAt(0) == '\'' && tok.charAt(tok.length() - 1) == '\''))) {
                    out.add(new Token("string", tok.substring(1, tok.length() - 1)));
                } else {
                    out.add(new Token("check", parseCheck(clean, problems)));
                }
            }
            for (int i = 0; i < trail; i++) out.add(new Token(")", ")"));
        }
        return out;
    }

    private static String strip(String s, char c, boolean leading) {
        if (leading) {
            int i = 0;
            while (i < s.length() && s.charAt(i) == c) i++;
            return s.substring(i);
        }
        int j = s.length();
        while (j > 0 && s.charAt(j - 1) == c) j--;
        return s.substring(0, j);
    }

    /** oslo {@code ParseState}: greedy reductions, tried in oslo's declaration order. */
    private static final class State {
        final List<String> tokens = new ArrayList<>();
        final List<Object> values = new ArrayList<>();

        void shift(String tok, Object value) {
            tokens.add(tok);
            values.add(value);
            reduce();
        }

        private boolean endsWith(String... pattern) {
            int n = tokens.size();
            if (n < pattern.length) return false;
            for (int i = 0; i < pattern.length; i++) {
                if (!tokens.get(n - pattern.length + i).equals(pattern[i])) return false;
            }
            return true;
        }

        private Object v(int fromEnd) {
            return values.get(values.size() - fromEnd);
        }

        private void replace(int count, String tok, Object value) {
            for (int i = 0; i < count; i++) {
                tokens.remove(tokens.size() - 1);
                values.remove(values.size() - 1);
            }
            tokens.add(tok);
            values.add(value);
        }

        private void reduce() {
            while (true) {
                // _wrap_check
                if (endsWith("(", "or_expr", ")") || endsWith("(", "and_expr", ")") || endsWith("(", "check", ")")) {
                    replace(3, "check", v(2));
                } else if (endsWith("check", "and", "check")) { // _make_and_expr
                    replace(3, "and_expr", new Check.And(List.of((Check) v(3), (Check) v(1))));
                } else if (endsWith("or_expr", "and", "check")) { // _mix_or_and_expr
                    Check.Or or = (Check.Or) v(3);
                    Check check = (Check) v(1);
                    Check last = or.pop();
                    Check.And and = last instanceof Check.And a ? a.add(check)
                            : new Check.And(List.of(last, check));
                    replace(3, "or_expr", or.add(and));
                } else if (endsWith("and_expr", "and", "check")) { // _extend_and_expr
                    replace(3, "and_expr", ((Check.And) v(3)).add((Check) v(1)));
                } else if (endsWith("and_expr", "or", "check") || endsWith("check", "or", "check")) { // _make_or_expr
                    replace(3, "or_expr", new Check.Or(List.of((Check) v(3), (Check) v(1))));
                } else if (endsWith("or_expr", "or", "check")) { // _extend_or_expr
                    replace(3, "or_expr", ((Check.Or) v(3)).add((Check) v(1)));
                } else if (endsWith("not", "check")) { // _make_not_expr
                    replace(2, "check", new Check.Not((Check) v(1)));
                } else {
                    return;
                }
            }
        }
    }
}
