package dev.neutrino.archfixture.locator.engine;

/** Has a service locator method, and an unrelated overload. */
public class App {
    public Object service(String collection) {
        return collection;
    }

    public Object service(int index) {
        return index;
    }
}
