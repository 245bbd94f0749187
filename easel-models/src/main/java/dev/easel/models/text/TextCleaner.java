package dev.easel.models.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * What Hugging Face's Python CLIPTokenizer (transformers 4.x) does to text before BPE when ftfy is
 * absent, as in a stock ComfyUI install: its BasicTokenizer drops control and format characters,
 * turns whitespace into spaces, puts spaces around CJK ideographs, normalises to NFC, lower-cases,
 * and collapses whitespace; CLIP's pattern then cuts the text into pre-tokens. (The Rust-backed
 * tokenizer of transformers 5 skips the dropping and the CJK spacing; for other text they agree.)
 */
final class TextCleaner {

    static final String START = "<|startoftext|>";
    static final String END = "<|endoftext|>";

    private static final Pattern PRE_TOKEN = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private TextCleaner() {
    }

    /** The pre-tokens of the text (special tokens whole, contractions, letter runs, single digits, other runs). */
    static List<String> preTokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PRE_TOKEN.matcher(clean(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The cleaned text: words joined by single spaces, lower-cased. */
    static String clean(String text) {
        StringBuilder spaced = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (isWhitespace(cp)) {
                spaced.append(' ');
            } else if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            } else if (isIdeograph(cp)) {
                spaced.append(' ').appendCodePoint(cp).append(' ');
            } else {
                spaced.appendCodePoint(cp);
            }
        });
        String normal = Normalizer.normalize(spaced, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normal.length());
        // Python's str.split() also breaks at the line and paragraph separators.
        for (String word : normal.split("[ \\u2028\\u2029]+")) {
            if (!word.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(word.toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static boolean isWhitespace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /** The CJK ranges BERT's tokenizer treats as one word per character. */
    private static boolean isIdeograph(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
