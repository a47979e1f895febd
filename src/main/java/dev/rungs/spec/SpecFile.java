package dev.rungs.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a spec file. A spec is UTF-8 (a byte-order mark is allowed, as editors on Windows
 * write one); a folder, UTF-16 or UTF-32 text, a binary file or bytes that are not UTF-8 are
 * refused with a {@link SpecException} that says which, instead of a decoder's "Input length = 1".
 */
final class SpecFile {
    /** The largest spec file; specs are a few kilobytes, so anything near this is the wrong file. */
    static final long MAX_BYTES = 10_000_000;

    private SpecFile() {
    }

    /**
     * Reads {@code file} as text.
     *
     * @throws IOException if it does not exist or cannot be read
     * @throws SpecException if it is not a UTF-8 text file
     */
    static String read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw refused(file, "is a folder, not a spec file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw refused(file, String.format(Locale.ROOT, "the file is %.1f MB, too large for a spec (at most %d MB)",
                        size / 1e6, MAX_BYTES / 1_000_000));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("spec file not found: " + file, e);
        }
        String encoding = otherEncoding(bytes);
        if (encoding != null) {
            throw refused(file, "the spec is " + encoding + " text; save it as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw refused(file, "the file holds a NUL byte (at byte " + i + "), so it is not a text file");
            }
        }
        return utf8(file, bytes);
    }

    /** The encoding a byte-order mark or the pattern of NUL bytes of the first character shows; null for none. */
    private static String otherEncoding(byte[] b) {
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return "UTF-32 (big-endian)";
        } else if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return "UTF-32 (little-endian)";
        } else if (starts(b, 0xFE, 0xFF)) {
            return "UTF-16 (big-endian)";
        } else if (starts(b, 0xFF, 0xFE)) {
            return "UTF-16 (little-endian)";
        } else if (b.length >= 2 && b[0] == 0 && b[1] != 0) {
            // UTF-16 without a mark: an ASCII character such as '{' is a NUL byte and itself.
            return "UTF-16 (big-endian)";
        } else if (b.length >= 2 && b[0] != 0 && b[1] == 0) {
            return "UTF-16 (little-endian)";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw refused(file, "the spec is not UTF-8 text (line " + line + " holds bytes that are not, at byte "
                    + at + " of the file); save it as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static SpecException refused(Path file, String why) {
        return SpecException.inFile(file, new SpecProblem(SpecPath.root(), why), null);
    }
}
