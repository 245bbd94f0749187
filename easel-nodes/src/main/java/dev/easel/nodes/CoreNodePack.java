package dev.easel.nodes;

import dev.easel.engine.node.NodeDefinition;
import dev.easel.engine.node.NodePack;
import dev.easel.engine.node.PackEnvironment;
import dev.easel.nodes.image.EmptyImage;
import dev.easel.nodes.image.ImageBatch;
import dev.easel.nodes.image.ImageCrop;
import dev.easel.nodes.image.ImageInvert;
import dev.easel.nodes.image.ImagePadForOutpaint;
import dev.easel.nodes.image.ImageScale;
import dev.easel.nodes.image.ImageScaleBy;
import dev.easel.nodes.image.RebatchImages;
import dev.easel.nodes.io.LoadImage;
import dev.easel.nodes.io.LoadImageMask;
import dev.easel.nodes.io.PreviewImage;
import dev.easel.nodes.io.SaveImage;
import dev.easel.nodes.io.SaveImageWebsocket;
import dev.easel.nodes.mask.ImageToMask;
import dev.easel.nodes.mask.InvertMask;
import dev.easel.nodes.mask.MaskToImage;
import dev.easel.nodes.mask.SolidMask;

import java.util.List;

/** The built-in image and mask nodes, under ComfyUI's class types, in ComfyUI's loading order. */
public final class CoreNodePack implements NodePack {

    @Override
    public String name() {
        return "core";
    }

    @Override
    public List<NodeDefinition> nodes(PackEnvironment env) {
        return List.of(
                new SaveImage(env),
                new PreviewImage(env),
                new LoadImage(env),
                new LoadImageMask(env),
                new ImageScale(),
                new ImageScaleBy(),
                new ImageInvert(),
                new ImageBatch(),
                new ImagePadForOutpaint(),
                new EmptyImage(),
                new ImageToMask(),
                new MaskToImage(),
                new SolidMask(),
                new InvertMask(),
                new RebatchImages(),
                new ImageCrop(),
                new SaveImageWebsocket());
    }
}
