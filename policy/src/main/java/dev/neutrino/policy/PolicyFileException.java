package dev.neutrino.policy;

import java.util.List;

/**
 * A policy file (or the built-in defaults) could not be loaded: unreadable or malformed
 * YAML/JSON, a check string that does not parse, a {@code rule:} reference to a rule that
 * is not defined anywhere, or a cycle of rule references. {@link #problems()} lists every
 * problem found, each naming the rule.
 */
public class PolicyFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public PolicyFileException(String source, List<String> problems) {
        super("invalid policy " + source + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public PolicyFileException(String source, String problem, Throwable cause) {
        super("invalid policy " + source + ": " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
