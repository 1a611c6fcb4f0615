package dev.quire.studio.manuscript;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Bytes of a text manuscript to characters. UTF-8 (with or without a byte-order mark) and UTF-16
 * (with a mark, or recognisable by its zero bytes) are read as they are; any other encoding must be
 * named, because guessing one silently would import garbled text. Binary files are refused by their
 * signature or their control characters.
 */
final class TextDecoding {

    private TextDecoding() {
    }

    static String decode(byte[] bytes, Path file, Charset named) {
        String text;
        if (named != null) {
            text = strict(bytes, 0, named, file, "is not valid " + named.name() + " text");
        } else if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(bytes, 3, StandardCharsets.UTF_8, file, "is not valid UTF-8 text");
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16BE, file, "is not valid UTF-16 text");
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16LE, file, "is not valid UTF-16 text");
        } else {
            Charset utf16 = utf16WithoutMark(bytes);
            if (utf16 != null) {
                text = strict(bytes, 0, utf16, file, "is not valid UTF-16 text");
            } else {
                refuseBinary(bytes, file);
                text = utf8(bytes, file);
            }
        }
        return clean(text, file);
    }

    /** Names a binary file by its signature, so the writer learns what it actually is. */
    static void refuseBinary(byte[] bytes, Path file) {
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            throw new ManuscriptException(file, file + " is a zip package, not text: perhaps a DOCX, ODT or EPUB"
                    + " with another extension. If it is a Word document, rename it to .docx or import it with"
                    + " --format docx.");
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            throw new ManuscriptException(file, file + " is a PDF. Quire cannot import PDFs: export the manuscript"
                    + " from your word processor as DOCX, Markdown or plain text and import that.");
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ManuscriptException(file, file + " is a Word 97-2003 document (.doc). Open it in your word"
                    + " processor, save it as .docx, and import that.");
        }
        if (startsWith(bytes, '{', '\\', 'r', 't', 'f')) {
            throw new ManuscriptException(file, file + " is an RTF document. Save it as .docx or plain text in your"
                    + " word processor and import that.");
        }
        int sample = Math.min(bytes.length, 8192);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                throw binary(file);
            }
        }
    }

    private static ManuscriptException binary(Path file) {
        return new ManuscriptException(file, file + " holds binary data, not text. Quire imports Markdown (.md),"
                + " plain text (.txt) and Word documents (.docx): check that this is the file you meant.");
    }

    private static String utf8(byte[] bytes, Path file) {
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new ManuscriptException(file, file + " is not UTF-8 text: it has bytes that UTF-8 cannot read"
                    + position(bytes, StandardCharsets.UTF_8) + ". Save it as UTF-8 (in most editors: Save As,"
                    + " then choose the UTF-8 encoding), or name its encoding, for example --encoding windows-1252.",
                    e);
        } catch (CharacterCodingException e) {
            throw new ManuscriptException(file, file + " is not UTF-8 text. Save it as UTF-8 and import it again.", e);
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset, Path file, String what) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new ManuscriptException(file, file + " " + what + ": some of its bytes cannot be read in that"
                    + " encoding. Save it as UTF-8 and import it again.", e);
        }
    }

    /** Where the first unreadable byte is, as a writer would look for it: line and column. */
    private static String position(byte[] bytes, Charset charset) {
        CharsetDecoder d = decoder(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        d.decode(in, out, true);
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return " (the first at line " + line + ", character " + column + ")";
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** UTF-16 without a byte-order mark: every other byte of a Latin-script text is zero. */
    private static Charset utf16WithoutMark(byte[] bytes) {
        int sample = Math.min(bytes.length, 4096) & ~1;
        if (sample < 8) {
            return null;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < sample; i += 2) {
            if (bytes[i] == 0) {
                evenZero++;
            }
            if (bytes[i + 1] == 0) {
                oddZero++;
            }
        }
        int pairs = sample / 2;
        if (oddZero > pairs * 0.9 && evenZero < pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZero > pairs * 0.9 && oddZero < pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * Line endings to {@code \n}; a text with many control characters is binary after all; the few
     * that stray into real manuscripts (form feeds, vertical tabs) become line breaks.
     */
    private static String clean(String text, Path file) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        int controls = 0;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (c == '\f' || c == '\u000B' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                controls++;
            } else {
                out.append(c);
            }
        }
        if (controls > 8 && controls * 200L > s.length()) {
            throw binary(file);
        }
        return out.toString();
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
