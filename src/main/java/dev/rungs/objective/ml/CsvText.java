package dev.rungs.objective.ml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A CSV file's text: refuses what is missing, too large for memory, binary, UTF-16 or not
 * UTF-8, each with a message that names the file, and drops a byte order mark.
 */
final class CsvText {
    private CsvText() {
    }

    /** The text of {@code file}, which may be at most {@code maxBytes} long. */
    static String read(Path file, long maxBytes) {
        if (!Files.exists(file)) {
            throw new DatasetException("dataset file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new DatasetException(file + " is a folder, not a CSV file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new DatasetException(String.format(Locale.ROOT,
                        "%s is %.1f MB, more than the memory limit of %.1f MB for datasets (a tenth of the Java heap;"
                                + " a larger -Xmx raises it)", file.getFileName(), size / 1e6, maxBytes / 1e6));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String where = file.getFileName().toString();
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new DatasetException(where + " is UTF-16 text; save it as UTF-8 (or plain ASCII) CSV");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new DatasetException(where + " looks like a binary file (it holds a NUL byte at offset " + i
                        + "), not CSV text");
            }
        }
        String text;
        try {
            text = strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new DatasetException(where + " is not UTF-8 text (an invalid byte sequence near offset "
                    + firstInvalidUtf8(bytes) + "); save it as UTF-8", e);
        } catch (CharacterCodingException e) {
            throw new DatasetException(where + " is not UTF-8 text; save it as UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new DatasetException(where + " is empty");
        }
        return text;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The offset of the first byte that is not valid UTF-8. */
    private static int firstInvalidUtf8(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(8192);
        CharsetDecoder dec = strictUtf8();
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }
}
