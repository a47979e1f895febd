package dev.rungs.app.newstudy;

import java.util.ArrayList;
import java.util.List;

/**
 * Command lines as the form reads and writes them: split into words as a POSIX shell would,
 * joined back with quotes where a word needs them, and named for a study by the script they run.
 */
final class CommandLines {
    private CommandLines() {
    }

    /** A label for a study's name: the script or program the command runs, without folder or extension. */
    static String label(String commandLine) {
        List<String> words;
        try {
            words = split(commandLine);
        } catch (IllegalArgumentException e) {
            return "command";
        }
        // The script is the first argument that looks like a file ("python3 train.py --epochs 3");
        // without one, the program itself names the command.
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            boolean fileLike = w.contains(".") || w.contains("/") || w.contains("\\");
            if (!w.startsWith("-") && fileLike && ValueText.parseNumber(w) == null) {
                String name = baseName(w);
                if (name != null) {
                    return name;
                }
            }
        }
        String program = words.isEmpty() ? null : baseName(words.get(0));
        if (program != null) {
            return program;
        }
        return "command";
    }

    /**
     * A path's file name without its extension, or null when that would not do in a study's
     * name (an inline script such as {@code -c 'print(1)'} is not a file name).
     */
    private static String baseName(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        boolean plain = !name.isBlank() && name.equals(name.strip())
                && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_-. ".indexOf(c) >= 0);
        return plain ? name : null;
    }

    /**
     * Splits a command line into words as a POSIX shell would: spaces separate words, single
     * quotes keep everything, double quotes keep spaces (a backslash escapes {@code "} and
     * {@code \} in them), and a backslash outside quotes keeps the next character.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        if (line == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a single quote (') is not closed");
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < line.length()) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        d = line.charAt(++i);
                    }
                    word.append(d);
                    i++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("a double quote (\") is not closed");
                }
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                if (c == '\\' && i + 1 < line.length()) {
                    c = line.charAt(++i);
                }
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The command line that {@link #split} turns back into {@code words}: words with spaces or quotes are quoted. */
    static String join(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            boolean plain = !w.isEmpty() && w.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '\''
                    || ch == '"' || ch == '\\');
            out.add(plain ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", out);
    }
}
