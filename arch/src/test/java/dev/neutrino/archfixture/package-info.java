/**
 * Fixtures for {@code dev.neutrino.arch.ArchRulesFixtureTest}: tiny classes that break (or keep) each
 * architecture rule, so the tests show every rule can fail. Excluded from the real check.
 */
package dev.neutrino.archfixture;
