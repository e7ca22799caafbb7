package dev.neutrino.archfixture.cycles.parent.child;

import dev.neutrino.archfixture.cycles.parent.Parent;

public class Child {
    Parent parent;
}
