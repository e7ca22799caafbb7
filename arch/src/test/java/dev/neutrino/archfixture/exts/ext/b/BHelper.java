package dev.neutrino.archfixture.exts.ext.b;

public class BHelper {
}
