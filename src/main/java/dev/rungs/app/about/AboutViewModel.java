package dev.rungs.app.about;

import dev.rungs.study.RungsVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What the about dialog says: the version, Rungs' licence and the libraries it ships with theirs. */
public final class AboutViewModel {
    /** Rungs' own licence (the LICENSE file at the top of the project). */
    public static final String LICENCE = "GPL-3.0-or-later";

    /**
     * A library Rungs ships.
     *
     * @param artifact its Maven coordinates, group:artifact
     * @param name how people know it
     * @param licence its licence, as an SPDX-style name
     */
    public record Library(String artifact, String name, String licence) {
    }

    private final List<Library> libraries = read();

    public String version() {
        return RungsVersion.VERSION;
    }

    public String title() {
        return "Rungs " + version();
    }

    public List<Library> libraries() {
        return libraries;
    }

    private static List<Library> read() {
        List<Library> found = new ArrayList<>();
        try (InputStream in = AboutViewModel.class.getResourceAsStream("libraries.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                found.add(new Library(f[0], f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(found);
    }
}
