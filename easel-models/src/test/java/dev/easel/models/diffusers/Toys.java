package dev.easel.models.diffusers;

import dev.easel.models.onnx.SessionSettings;
import dev.easel.models.toy.ToyDiffusers;

import java.io.IOException;
import java.nio.file.Path;

/** Loads toy folders the way the library does, with toy tokenizers. */
final class Toys {
    static final DiffusersLoader LOADER = new DiffusersLoader(SessionSettings.defaults().withIntraOpThreads(1), ToyDiffusers.tokenizers());

    private Toys() {
    }

    static DiffusersModel load(ToyDiffusers toy, Path dir) throws IOException {
        return LOADER.load(toy.writeTo(dir.resolve("model")));
    }
}
