/**
 * Diffusers/Optimum ONNX folders, the first model format Easel runs. What is read:
 * <pre>
 * unet/model.onnx          sample [N,4,h,w] f32, timestep [N] (f32, f16 or i64 as declared),
 *                          encoder_hidden_states [N,T,d]; SDXL also text_embeds [N,p], time_ids [N,6]
 *                          → out_sample (or the only output)
 * text_encoder/model.onnx  input_ids [B,77] (i32 or i64) → last_hidden_state, pooler_output or
 *                          text_embeds, optionally hidden_states.0..L (needed for CLIPSetLastLayer, and by SDXL)
 * text_encoder_2/model.onnx SDXL's CLIP-G: the same, with text_embeds (the pooled embedding)
 * vae_decoder/model.onnx   latent_sample [B,4,h,w] → sample [B,3,8h,8w] in −1..1
 * vae_encoder/model.onnx   (optional) sample → latent_sample, or latent_parameters [B,8,h,w] (mean first)
 * tokenizer/, tokenizer_2/ vocab.json and merges.txt (CLIP BPE; start and end ids read from vocab.json)
 * scheduler/scheduler_config.json  prediction_type: epsilon (default) or v_prediction
 * </pre>
 * The family comes from what is on disk: SDXL when the UNet takes text_embeds and time_ids, SD2
 * when the text encoder is 1024 wide, SD1 otherwise. Element types and batch shapes come from the
 * sessions' metadata; exports with a batch fixed at 1 are run row by row.
 */
package dev.easel.models.diffusers;
