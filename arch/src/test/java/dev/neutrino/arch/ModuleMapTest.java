package dev.neutrino.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The module list of the root pom.xml against docs/architecture.md and this module's dependencies. */
class ModuleMapTest {
    /** Modules with main code that are tools, not part of the server: the rules need not see them. */
    private static final Set<String> NOT_PRODUCTION = Set.of("bench");

    private final Path root = projectRoot();

    @Test
    void theModuleMapHasARowForEveryModule() throws Exception {
        List<String> lines = Files.readAllLines(root.resolve("docs/architecture.md"));
        List<String> missing = new ArrayList<>();
        for (String module : modules()) {
            parse(root.resolve(module).resolve("pom.xml")); // the module is there
            if (lines.stream().noneMatch(line -> line.startsWith("| `" + module + "`"))) {
                missing.add(module);
            }
        }
        assertThat(missing).as("modules of pom.xml without a row \"| `<module>` | what it holds | depends on |\""
                + " in the module map of docs/architecture.md; add one per module").isEmpty();
    }

    @Test
    void thisModuleDependsOnEveryProductionModule() throws Exception {
        Element arch = parse(root.resolve("arch/pom.xml")).getDocumentElement();
        List<String> dependencies = new ArrayList<>();
        for (Element dependency : children(child(arch, "dependencies"), "dependency")) {
            dependencies.add(text(dependency, "artifactId"));
        }
        List<String> missing = new ArrayList<>();
        for (String module : modules()) {
            Path dir = root.resolve(module);
            if (NOT_PRODUCTION.contains(module) || !Files.isDirectory(dir.resolve("src/main/java"))) {
                continue;
            }
            String artifactId = text(parse(dir.resolve("pom.xml")).getDocumentElement(), "artifactId");
            if (!dependencies.contains(artifactId)) {
                missing.add(artifactId);
            }
        }
        assertThat(missing).as("production modules missing from arch/pom.xml's dependencies (scope test);"
                + " add them, or the architecture rules do not see their classes").isEmpty();
    }

    private List<String> modules() throws Exception {
        List<String> modules = new ArrayList<>();
        for (Element module : children(child(parse(root.resolve("pom.xml")).getDocumentElement(), "modules"), "module")) {
            modules.add(module.getTextContent().trim());
        }
        assertThat(modules).isNotEmpty();
        return modules;
    }

    /** The directory of the parent pom: this module's directory or one above it. */
    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom)
                        && "neutrino-parent".equals(text(parse(pom).getDocumentElement(), "artifactId"))) {
                    return dir;
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read " + pom, e);
            }
        }
        throw new IllegalStateException("no neutrino-parent pom.xml in " + Path.of("").toAbsolutePath() + " or above");
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one <" + name + "> in <" + parent.getTagName() + ">, found " + found.size());
        }
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }
}
