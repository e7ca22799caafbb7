package dev.neutrino.archfixture.exts.ext.a;

public class ATables {
    /** A nested class of a *Tables class is a declaration too. */
    public record Row(String id) {
    }
}
