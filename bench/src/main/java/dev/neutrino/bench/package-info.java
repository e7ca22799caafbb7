package dev.neutrino.bench;
