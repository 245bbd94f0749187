package dev.easel.models.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts one weighted run of a prompt into the pieces ComfyUI tokenizes separately: a new piece
 * starts at each {@code embedding:} that follows whitespace. ComfyUI would put a textual-inversion
 * embedding's vectors there; Easel has no embeddings, so it does what ComfyUI does when the file is
 * missing: warns, drops the name, and keeps whatever text followed it in that piece.
 */
final class PromptPieces {

    static final String EMBEDDING = "embedding:";
    private static final Logger log = LoggerFactory.getLogger(PromptPieces.class);
    private static final Pattern EMBEDDING_AFTER_SPACE = Pattern.compile("(?<=\\s)" + Pattern.quote(EMBEDDING),
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NAME_END = Pattern.compile("[<\\[]");

    private PromptPieces() {
    }

    /** The texts to tokenize, in order (possibly blank, never holding an embedding reference). */
    static List<String> of(String run) {
        List<String> pieces = new ArrayList<>();
        Matcher m = EMBEDDING_AFTER_SPACE.matcher(run);
        int from = 0;
        while (m.find()) {
            pieces.add(run.substring(from, m.start()));
            from = m.start();
        }
        pieces.add(run.substring(from));
        List<String> texts = new ArrayList<>();
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                continue;
            }
            if (piece.startsWith(EMBEDDING)) {
                String leftover = withoutEmbedding(piece.substring(EMBEDDING.length()));
                if (!leftover.isEmpty()) {
                    texts.add(leftover);
                }
            } else {
                texts.add(piece);
            }
        }
        return texts;
    }

    /** The text after the embedding's name, the name itself reported missing. */
    private static String withoutEmbedding(String reference) {
        List<String> words = splitPython(strip(reference, '\n'));
        if (words.isEmpty()) {
            // ComfyUI fails the whole prompt on a bare "embedding:"; dropping it is kinder and as clear.
            log.warn("warning, embedding: names no embedding, ignoring");
            return "";
        }
        String name = words.get(0);
        String leftover = String.join(" ", words.subList(1, words.size()));
        Matcher end = NAME_END.matcher(name);
        if (end.find()) {
            leftover = name.substring(end.start()) + (leftover.isEmpty() ? "" : " " + leftover);
            name = name.substring(0, end.start());
        }
        String stripped = strip(name, ',');
        if (stripped.length() < name.length()) {
            // ComfyUI keeps the name's tail past the stripped length (meant for trailing commas).
            int cut = name.offsetByCodePoints(0, stripped.codePointCount(0, stripped.length()));
            leftover = name.substring(cut) + " " + leftover;
        }
        log.warn("warning, {}{} does not exist, ignoring (Easel loads no textual-inversion embeddings)",
                EMBEDDING, name);
        return leftover;
    }

    /** Python's {@code str.split()}: runs of whitespace separate words; none are empty. */
    static List<String> splitPython(String s) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || isPythonSpace(s.charAt(i));
            if (space && start >= 0) {
                words.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** Python's {@code str.strip()}: whitespace off both ends, Unicode's included. */
    static String stripPython(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && isPythonSpace(s.charAt(begin))) {
            begin++;
        }
        while (end > begin && isPythonSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(begin, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static String strip(String s, char c) {
        int begin = 0;
        int end = s.length();
        while (begin < end && s.charAt(begin) == c) {
            begin++;
        }
        while (end > begin && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(begin, end);
    }
}
