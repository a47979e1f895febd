package dev.rungs.app.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AboutViewModelTest {

    @Test
    void everyLibraryThePomShipsIsListedWithALicence() throws Exception {
        Set<String> listed = new AboutViewModel().libraries().stream().map(AboutViewModel.Library::artifact)
                .collect(Collectors.toSet());
        List<String> shipped = shippedDependencies(Files.readString(Path.of("pom.xml")));
        assertTrue(shipped.size() >= 10, "read the pom's dependencies: " + shipped);
        List<String> missing = shipped.stream().filter(a -> !listed.contains(a)).toList();
        assertEquals(List.of(), missing, "dependencies the about dialog does not list");
        new AboutViewModel().libraries().forEach(l -> assertTrue(!l.licence().isBlank() && !l.name().isBlank(), l.toString()));
    }

    @Test
    void theTitleCarriesThePomsVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>rungs</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        assertEquals("Rungs " + m.group(1), new AboutViewModel().title());
    }

    /** group:artifact of each dependency of the pom that is not for tests. */
    private static List<String> shippedDependencies(String pom) {
        String deps = pom.substring(pom.lastIndexOf("<dependencies>"), pom.lastIndexOf("</dependencies>"));
        List<String> found = new ArrayList<>();
        Matcher d = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(deps);
        while (d.find()) {
            String one = d.group(1);
            if (one.contains("<scope>test</scope>")) {
                continue;
            }
            found.add(tag(one, "groupId") + ":" + tag(one, "artifactId"));
        }
        return found;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).trim() : "";
    }
}
