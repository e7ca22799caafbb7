package dev.neutrino.archfixture.exts.ext.a;

public class AExtension {
}
