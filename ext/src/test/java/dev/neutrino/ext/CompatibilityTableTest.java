package dev.neutrino.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.model.ExtensionDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/compatibility.md says "yes" for exactly the aliases Neutrino advertises (every ML2 extension
 * driver loaded): an extension added, removed or disabled without the table changing fails here.
 */
class CompatibilityTableTest {
    private static final Pattern ROW = Pattern.compile("^\\| ([\\w\\-]+) \\| [^|]+ \\| (yes|no)\\b", Pattern.MULTILINE);

    @Test
    void theTableSaysYesForExactlyTheAdvertisedAliases() throws Exception {
        String table = Files.readString(Path.of("..", "docs", "compatibility.md"));
        Set<String> yes = new TreeSet<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) if (m.group(2).equals("yes")) yes.add(m.group(1));

        Config all = Config.defaults(NeutrinoOptions.ALL).with(Ml2Options.EXTENSION_DRIVERS,
                Neutrino.EXTENSION_DRIVERS.stream().map(d -> d.name()).toList());
        Set<String> advertised = new TreeSet<>();
        for (ExtensionDef e : new Neutrino(all, null).engine().extensions()) advertised.add(e.alias());

        assertThat(advertised).as("aliases advertised with every extension driver loaded").hasSizeGreaterThan(40);
        assertThat(yes).as("docs/compatibility.md's 'yes' rows").isEqualTo(advertised);
    }
}
