package dev.easel.models.demo;

import java.util.List;

/**
 * The axes of the demo text encoder's hidden space. Each keyword of the vocabulary is the unit
 * vector of its concept; every other token sits near the origin. The ordinal is the axis.
 */
enum Concept {
    BOTTLE("bottle", "bottles", "glass", "jar", "flask", "potion", "vase"),
    GALAXY("galaxy", "galaxies", "stars", "star", "starry", "space", "cosmos", "cosmic", "nebula", "universe", "spiral"),
    PURPLE("purple", "violet", "magenta", "pink"),
    LANDSCAPE("landscape", "scenery", "nature", "hills", "hill", "meadow", "field", "valley", "countryside"),
    MOUNTAIN("mountain", "mountains", "peak", "peaks", "snow", "alps"),
    SEA("sea", "ocean", "water", "beach", "waves", "wave", "lake", "coast"),
    SUNSET("sunset", "sunrise", "dusk", "dawn", "evening", "sun", "orange"),
    FOREST("forest", "tree", "trees", "woods", "pine", "jungle"),
    FLOWER("flower", "flowers", "rose", "roses", "garden", "bloom", "petals", "tulip"),
    CAT("cat", "cats", "kitten", "kitty"),
    CITY("city", "building", "buildings", "skyline", "town", "street", "skyscraper"),
    NIGHT("night", "moon", "dark", "midnight"),
    SKY("sky", "clouds", "cloud", "day", "sunny", "daylight"),
    RED("red", "crimson"),
    BLUE("blue", "azure"),
    GREEN("green", "emerald");

    /** The hidden size D of the text encoder: one axis per concept. */
    static final int DIMENSIONS = values().length;

    private final List<String> keywords;

    Concept(String... keywords) {
        this.keywords = List.of(keywords);
    }

    List<String> keywords() {
        return keywords;
    }
}
