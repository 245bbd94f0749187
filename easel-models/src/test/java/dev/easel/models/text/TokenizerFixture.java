package dev.easel.models.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A vocabulary of three words written by {@link VocabularyWriter}, with the ids its layout gives
 * them worked out by hand: bytes in CLIP's table order (ids 0–255, {@code </w>} forms 256–511),
 * then "c a"→ca 512, "ca t</w>"→cat 513, "d o"→do 514, "do g</w>"→dog 515, "do n</w>"→don 516,
 * "' t</w>"→'t 517, then start 518 and end 519.
 */
final class TokenizerFixture {

    static final List<String> WORDS = List.of("cat", "dog", "don't");
    static final int CA = 512;
    static final int CAT = 513;
    static final int DO = 514;
    static final int DOG = 515;
    static final int DON = 516;
    static final int APOSTROPHE_T = 517;
    static final int START = 518;
    static final int END = 519;

    private TokenizerFixture() {
    }

    /** The id of a printable ASCII character as a symbol inside a word ('!' is 0). */
    static int inner(char c) {
        return c - '!';
    }

    /** The id of a printable ASCII character ending a word. */
    static int last(char c) {
        return 256 + c - '!';
    }

    static ClipBpeTokenizer load(Path dir) throws IOException {
        return ClipBpeTokenizer.load(dir, VocabularyWriter.write(dir, WORDS));
    }
}
