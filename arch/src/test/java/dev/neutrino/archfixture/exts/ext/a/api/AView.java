package dev.neutrino.archfixture.exts.ext.a.api;

public interface AView {
}
