package dev.neutrino.archfixture.cycles.parent;

import dev.neutrino.archfixture.cycles.parent.child.Child;

/** Uses its subpackage, which uses it back: a cycle between a package and its subpackage. */
public class Parent {
    Child child;
}
