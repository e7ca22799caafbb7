package dev.neutrino.archfixture.exts.ext.a;

/** A resource declaration marked as such: other extensions may use it. */
@dev.neutrino.model.Declaration
public class AResources {
    public static final String COLLECTION = "as";
}
