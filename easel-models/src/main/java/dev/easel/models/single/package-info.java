/**
 * Single-file checkpoints ({@code .safetensors} with LDM key names: SD1.x, SD2.x, SDXL) run as
 * ONNX graphs built in Java, their weights bound to the file's memory-mapped tensors.
 * <pre>
 * LoadedCheckpoint c = SingleFileLoader.defaults().load(SafetensorsFile.open(path),
 *         CheckpointConfig.sd15(), TokenizerSource.folder(TokenizerLoader.clipBpe(), vocabularyDir));
 * </pre>
 * {@link dev.easel.models.single.CheckpointConfig} says what the file holds (from model detection,
 * or a preset); {@link dev.easel.models.single.CheckpointTensors} lists the tensors a configuration
 * reads. One builder per network part: {@code UnetGraph} (ResBlock, SpatialTransformer,
 * CrossAttention, GEGLU, Downsample, Upsample, label_emb), {@code VaeGraph} (decoder and encoder),
 * {@code ClipGraph} (CLIP-L and OpenCLIP layouts, every hidden state exported for clip skip). The
 * sessions drive the UNet, CLIP and VAE classes of {@link dev.easel.models.diffusers}. Self-attention
 * at the first two UNet levels and in the VAE is sliced along its queries
 * ({@link dev.easel.models.single.AttentionChunking}).
 */
package dev.easel.models.single;
