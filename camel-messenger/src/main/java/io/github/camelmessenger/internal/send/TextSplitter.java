package io.github.camelmessenger.internal.send;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text that is over the Send API limit into parts that fit, cutting at a sentence end if there is one in the
 * second half of a part, else at a space, else between two code points (never inside a surrogate pair).
 */
final class TextSplitter {

    private TextSplitter() {
    }

    /**
     * @param maxChars at most this many UTF-16 characters per part
     * @param maxBytes at most this many UTF-8 bytes per part (Instagram), or {@code Integer.MAX_VALUE}
     */
    static List<String> split(String text, int maxChars, int maxBytes) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (fits(rest, maxChars, maxBytes)) {
                parts.add(rest);
                break;
            }
            int end = longestFittingPrefix(rest, maxChars, maxBytes);
            int cut = lastBoundary(rest, end);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return parts;
    }

    private static boolean fits(String text, int maxChars, int maxBytes) {
        return text.length() <= maxChars
                && (maxBytes == Integer.MAX_VALUE || text.getBytes(StandardCharsets.UTF_8).length <= maxBytes);
    }

    private static int longestFittingPrefix(String text, int maxChars, int maxBytes) {
        int end = 0;
        int bytes = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int chars = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (end + chars > maxChars || (maxBytes != Integer.MAX_VALUE && bytes + size > maxBytes)) {
                break;
            }
            end += chars;
            bytes += size;
        }
        return end;
    }

    private static int lastBoundary(String text, int end) {
        for (int i = end; i > end / 2; i--) {
            char previous = text.charAt(i - 1);
            if ((previous == '.' || previous == '!' || previous == '?' || previous == '\n')
                    && (i == text.length() || Character.isWhitespace(text.charAt(i)))) {
                return i;
            }
        }
        for (int i = end; i > end / 2; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return end;
    }
}
