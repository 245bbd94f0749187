package dev.easel.models.demo;

import java.util.Map;
import java.util.function.Consumer;

import static dev.easel.models.demo.Concept.BLUE;
import static dev.easel.models.demo.Concept.BOTTLE;
import static dev.easel.models.demo.Concept.CAT;
import static dev.easel.models.demo.Concept.CITY;
import static dev.easel.models.demo.Concept.FLOWER;
import static dev.easel.models.demo.Concept.FOREST;
import static dev.easel.models.demo.Concept.GALAXY;
import static dev.easel.models.demo.Concept.GREEN;
import static dev.easel.models.demo.Concept.LANDSCAPE;
import static dev.easel.models.demo.Concept.MOUNTAIN;
import static dev.easel.models.demo.Concept.NIGHT;
import static dev.easel.models.demo.Concept.PURPLE;
import static dev.easel.models.demo.Concept.RED;
import static dev.easel.models.demo.Concept.SEA;
import static dev.easel.models.demo.Concept.SKY;
import static dev.easel.models.demo.Concept.SUNSET;

/**
 * The pictures the demo model can make: one mixture component each. {@code affinity} says how
 * strongly each concept of a prompt votes for the scene; the ordinal is the component index.
 */
enum Scene {
    GALAXY_BOTTLE(SceneArt::galaxyBottle, Map.of(BOTTLE, 1.0, GALAXY, 0.6, PURPLE, 0.8, LANDSCAPE, 0.6, NIGHT, 0.1)),
    MOUNTAIN_MEADOW(SceneArt::mountainMeadow, Map.of(MOUNTAIN, 1.0, LANDSCAPE, 1.0, SKY, 0.5, GREEN, 0.3, BLUE, 0.3)),
    SEA_SUNSET(SceneArt::seaSunset, Map.of(SEA, 1.0, SUNSET, 1.0, RED, 0.5, SKY, 0.3)),
    PINE_FOREST(SceneArt::pineForest, Map.of(FOREST, 1.0, GREEN, 0.8, LANDSCAPE, 0.5)),
    RED_FLOWER(SceneArt::redFlower, Map.of(FLOWER, 1.0, RED, 0.6, GREEN, 0.2)),
    CAT(SceneArt::cat, Map.of(Concept.CAT, 1.0)),
    CITY_NIGHT(SceneArt::cityNight, Map.of(CITY, 1.0, NIGHT, 1.0, BLUE, 0.3)),
    SPIRAL_GALAXY(SceneArt::spiralGalaxy, Map.of(GALAXY, 1.0, PURPLE, 0.5, NIGHT, 0.4, SKY, 0.2)),
    OCEAN_DAY(SceneArt::oceanDay, Map.of(SEA, 1.0, SKY, 0.8, BLUE, 0.8)),
    BOTTLE_STILL_LIFE(SceneArt::bottleStillLife, Map.of(BOTTLE, 1.0, GREEN, 0.5)),
    STARRY_HILLS(SceneArt::starryHills, Map.of(NIGHT, 1.0, LANDSCAPE, 0.7, SKY, 0.4, GALAXY, 0.5));

    private final Consumer<Canvas> art;
    private final Map<Concept, Double> affinity;

    Scene(Consumer<Canvas> art, Map<Concept, Double> affinity) {
        this.art = art;
        this.affinity = affinity;
    }

    /** How much one unit of {@code concept} in the pooled prompt raises this scene's logit, before scaling. */
    double affinity(Concept concept) {
        return affinity.getOrDefault(concept, 0.0);
    }

    /** The scene as {@code [3, 512, 512]} RGB planes in −1..1. */
    float[] render() {
        Canvas canvas = new Canvas(0x5EED0000L + ordinal());
        art.accept(canvas);
        return canvas.toPlanes();
    }
}
