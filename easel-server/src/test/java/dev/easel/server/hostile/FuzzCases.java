package dev.easel.server.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.easel.testkit.Multipart;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Hostile requests from a seeded generator of our own: case {@code i} of seed {@code s} is
 * always the same, so a failure names the case that reproduces it. Prompts start from small
 * valid graphs of the image nodes and get one to three mutations (wrong types, missing inputs,
 * cycles, huge numbers, odd unicode, deep nesting, wrong links, broken JSON); the rest are raw
 * HTTP oddities, odd query strings, uploads and WebSocket frames. Every valid prompt the
 * mutations leave stays small, so running it is cheap.
 */
final class FuzzCases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One generated case; {@code label} says what it is, for the report and for reproducing it. */
    sealed interface FuzzCase {
        String label();
    }

    /** A {@code POST /prompt} body, sent as bytes (it may not be valid JSON). */
    record PromptCase(String label, byte[] body) implements FuzzCase {}

    /**
     * Raw request bytes. {@code complete} is false when the head itself is cut short, so that
     * the server may close without an answer.
     */
    record RawCase(String label, byte[] request, boolean hangUp, boolean complete) implements FuzzCase {}

    /** Text frames sent over one WebSocket, in order. */
    record SocketCase(String label, List<String> frames) implements FuzzCase {}

    static final String UPLOADED = "fuzz.png";

    private static final List<String> CLASS_TYPES = List.of("EmptyImage", "ImageScale", "ImageScaleBy", "ImageInvert",
            "ImageBatch", "ImagePadForOutpaint", "ImageCrop", "ImageToMask", "MaskToImage", "SolidMask", "InvertMask",
            "PreviewImage", "LoadImage", "LoadImageMask", "RebatchImages", "TestMakeInt", "TestOutput", "TestFail");

    private static final List<String> ODD_TEXT = List.of("", " ", "x", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓", "\u202Eevil", "\u0000",
            "\uD800", "\uDFFF\uD800", "../../etc/passwd", "..\\..\\x.png", "%00", "%ZZ", "<script>", "\"", "{}",
            "NaN", "inf", "-inf", "1e400", "0x10", "１２", "null", "true", "a".repeat(300));

    private final SplittableRandom random;
    private final int port;

    private FuzzCases(long seed, int port) {
        this.random = new SplittableRandom(seed);
        this.port = port;
    }

    /** Case {@code index} of {@code seed}: about half prompts, the rest raw HTTP, queries, uploads and sockets. */
    static FuzzCase generate(long seed, int index, int port) {
        FuzzCases gen = new FuzzCases(seed * 1_000_003L + index, port);
        int kind = gen.random.nextInt(100);
        if (kind < 50) return gen.prompt();
        if (kind < 65) return gen.rawHttp();
        if (kind < 80) return gen.query();
        if (kind < 92) return gen.upload();
        return gen.socket();
    }

    // ---- prompts ----

    private FuzzCase prompt() {
        ObjectNode body = NODES.objectNode();
        ObjectNode prompt = seedPrompt(random.nextInt(4));
        body.set("prompt", prompt);
        List<String> applied = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) applied.add(mutate(body, prompt));
        String text = body.toString();
        int textual = random.nextInt(12);
        String label = "prompt " + String.join(", ", applied);
        if (textual == 0) return new PromptCase(label + ", truncated", cut(text).getBytes(StandardCharsets.UTF_8));
        if (textual == 1) return new PromptCase(label + ", trailing data", (text + pick(List.of(" {}", "x", "]", " \u0000")))
                .getBytes(StandardCharsets.UTF_8));
        if (textual == 2) return new PromptCase(label + ", invalid UTF-8", withInvalidUtf8(text));
        if (textual == 3) return new PromptCase(label + ", JSON literal", text.replaceFirst("\\d+(\\.\\d+)?(?=[,}\\]])",
                pick(List.of("NaN", "Infinity", "-Infinity", "1e99999", "00012", "+1", ".5"))).getBytes(StandardCharsets.UTF_8));
        return new PromptCase(label, text.getBytes(StandardCharsets.UTF_8));
    }

    private String cut(String text) {
        return text.substring(0, random.nextInt(Math.max(1, text.length())));
    }

    private byte[] withInvalidUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + 2];
        int at = random.nextInt(bytes.length + 1);
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(bytes, at, out, at + 2, bytes.length - at);
        return out;
    }

    /** Small valid graphs: every image is at most 16x16, every batch at most 2. */
    private static ObjectNode seedPrompt(int which) {
        String text = switch (which) {
            case 0 -> """
                    {"1": {"class_type": "EmptyImage", "inputs": {"width": 8, "height": 8, "batch_size": 1, "color": 255}},
                     "2": {"class_type": "ImageInvert", "inputs": {"image": ["1", 0]}},
                     "3": {"class_type": "PreviewImage", "inputs": {"images": ["2", 0]}}}""";
            case 1 -> """
                    {"1": {"class_type": "EmptyImage", "inputs": {"width": 6, "height": 4, "batch_size": 2, "color": 0}},
                     "2": {"class_type": "ImageScale", "inputs": {"image": ["1", 0], "upscale_method": "bilinear",
                           "width": 16, "height": 12, "crop": "center"}},
                     "3": {"class_type": "EmptyImage", "inputs": {"width": 3, "height": 3, "batch_size": 1, "color": 65280}},
                     "4": {"class_type": "ImageBatch", "inputs": {"image1": ["2", 0], "image2": ["3", 0]}},
                     "5": {"class_type": "PreviewImage", "inputs": {"images": ["4", 0]}}}""";
            case 2 -> """
                    {"1": {"class_type": "LoadImage", "inputs": {"image": "fuzz.png"}},
                     "2": {"class_type": "ImageToMask", "inputs": {"image": ["1", 0], "channel": "red"}},
                     "3": {"class_type": "MaskToImage", "inputs": {"mask": ["2", 0]}},
                     "4": {"class_type": "ImagePadForOutpaint", "inputs": {"image": ["3", 0], "left": 2, "top": 0,
                           "right": 1, "bottom": 3, "feathering": 1}},
                     "5": {"class_type": "PreviewImage", "inputs": {"images": ["4", 0]}}}""";
            default -> """
                    {"1": {"class_type": "TestMakeInt", "inputs": {"value": 7}},
                     "2": {"class_type": "TestOutput", "inputs": {"value": ["1", 0]}},
                     "3": {"class_type": "SolidMask", "inputs": {"value": 0.5, "width": 5, "height": 5}},
                     "4": {"class_type": "MaskToImage", "inputs": {"mask": ["3", 0]}},
                     "5": {"class_type": "PreviewImage", "inputs": {"images": ["4", 0]}}}""";
        };
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String mutate(ObjectNode body, ObjectNode prompt) {
        List<String> ids = new ArrayList<>();
        prompt.fieldNames().forEachRemaining(ids::add);
        if (ids.isEmpty()) {
            prompt.set("1", node(pick(CLASS_TYPES), NODES.objectNode()));
            return "node added to an empty prompt";
        }
        String id = pick(ids);
        JsonNode picked = prompt.get(id);
        ObjectNode node = picked instanceof ObjectNode o ? o : NODES.objectNode();
        ObjectNode inputs = node.get("inputs") instanceof ObjectNode o ? o : NODES.objectNode();
        List<String> names = new ArrayList<>();
        inputs.fieldNames().forEachRemaining(names::add);
        String input = names.isEmpty() ? "image" : pick(names);
        switch (random.nextInt(16)) {
            case 0 -> {
                JsonNode value = oddValue();
                inputs.set(input, value);
                return "input " + input + " = " + abbreviate(value.toString());
            }
            case 1 -> {
                inputs.remove(input);
                return "input " + input + " removed";
            }
            case 2 -> {
                inputs.set(input, link(id, 0));
                return "input " + input + " linked to its own node (cycle)";
            }
            case 3 -> {
                String other = pick(ids);
                inputs.set(input, link(other, random.nextInt(3)));
                String back = ids.get(0);
                if (prompt.get(back) instanceof ObjectNode first && first.get("inputs") instanceof ObjectNode in) {
                    in.set("image", link(id, 0));
                }
                return "links " + id + " <-> " + other + " (possible cycle)";
            }
            case 4 -> {
                ArrayNode wrong = pick(List.<Function<String, ArrayNode>>of(
                        x -> link("999", 0), x -> link(x, 99), x -> link(x, -1), x -> NODES.arrayNode().add(x),
                        x -> NODES.arrayNode(), x -> NODES.arrayNode().add(x).add(0).add(0),
                        x -> NODES.arrayNode().add(1).add(0), x -> NODES.arrayNode().add(x).add("0"),
                        x -> NODES.arrayNode().add(x).add(1e300), x -> NODES.arrayNode().addNull().add(0)))
                        .apply(pick(ids));
                inputs.set(input, wrong);
                return "input " + input + " wrong link " + wrong;
            }
            case 5 -> {
                inputs.set(input, nested(10 + random.nextInt(300)));
                return "input " + input + " deeply nested";
            }
            case 6 -> {
                JsonNode type = pick(List.of(NODES.textNode(pick(ODD_TEXT)), NODES.textNode("X".repeat(100_000)),
                        NODES.numberNode(5), NODES.nullNode(), NODES.arrayNode(), NODES.textNode(pick(CLASS_TYPES))));
                node.set("class_type", type);
                return "class_type " + abbreviate(type.toString());
            }
            case 7 -> {
                node.remove(pick(List.of("class_type", "inputs")));
                return "node " + id + " lost a field";
            }
            case 8 -> {
                node.set("inputs", pick(List.of(NODES.arrayNode(), NODES.textNode("x"), NODES.nullNode(), NODES.numberNode(1))));
                return "node " + id + " inputs not an object";
            }
            case 9 -> {
                prompt.remove(id);
                return "node " + id + " removed";
            }
            case 10 -> {
                String newId = pick(ODD_TEXT);
                prompt.set(newId, node(pick(CLASS_TYPES), inputs.deepCopy()));
                return "node added under id " + abbreviate(JSON.valueToTree(newId).toString());
            }
            case 11 -> {
                prompt.set(id, pick(List.of(NODES.textNode("node"), NODES.arrayNode(), NODES.nullNode(), NODES.numberNode(3))));
                return "node " + id + " not an object";
            }
            case 12 -> {
                String field = pick(List.of("number", "front", "client_id", "extra_data", "prompt_id",
                        "partial_execution_targets"));
                JsonNode value = oddValue();
                body.set(field, value);
                return field + " = " + abbreviate(value.toString());
            }
            case 13 -> {
                body.set("prompt", pick(List.of(NODES.arrayNode(), NODES.textNode("x"), NODES.nullNode(), NODES.numberNode(1))));
                return "prompt not an object";
            }
            case 14 -> {
                for (int i = 0; i < 50 + random.nextInt(200); i++) {
                    prompt.set("chain" + i, node("TestOutput", NODES.objectNode().set("value",
                            link(i == 0 ? ids.get(0) : "chain" + (i - 1), 0))));
                }
                return "long chain of outputs";
            }
            default -> {
                inputs.put(pick(ODD_TEXT), pick(ODD_TEXT));
                return "unknown input added";
            }
        }
    }

    private JsonNode oddValue() {
        return switch (random.nextInt(22)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(-1);
            case 3 -> NODES.numberNode(1.5);
            case 4 -> NODES.numberNode(1e308);
            case 5 -> NODES.numberNode(-1e308);
            case 6 -> NODES.numberNode(4.9e-324);
            case 7 -> NODES.numberNode(Long.MAX_VALUE);
            case 8 -> NODES.numberNode(BigInteger.TWO.pow(64 + random.nextInt(2000)));
            case 9 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 10 -> NODES.numberNode(Long.MIN_VALUE);
            case 11 -> NODES.textNode(pick(ODD_TEXT));
            case 12 -> NODES.textNode("y".repeat(1 << (10 + random.nextInt(10))));
            case 13 -> NODES.arrayNode();
            case 14 -> NODES.objectNode();
            case 15 -> nested(5 + random.nextInt(40));
            case 16 -> NODES.objectNode().set("a", NODES.objectNode().put("b", pick(ODD_TEXT)));
            case 17 -> NODES.numberNode(0);
            case 18 -> NODES.numberNode(100_001);
            case 19 -> NODES.textNode(String.valueOf(random.nextLong()));
            case 20 -> NODES.numberNode(-0.0);
            default -> NODES.numberNode(random.nextInt(Integer.MIN_VALUE, 0));
        };
    }

    private static JsonNode nested(int depth) {
        JsonNode inner = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) inner = i % 2 == 0 ? NODES.arrayNode().add(inner) : NODES.objectNode().set("k", inner);
        return inner;
    }

    /** Nesting deeper than a JSON writer allows, as text. */
    private static String deepText(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    private static ArrayNode link(String id, int slot) {
        return NODES.arrayNode().add(id).add(slot);
    }

    private static ObjectNode node(String classType, ObjectNode inputs) {
        ObjectNode node = NODES.objectNode().put("class_type", classType);
        node.set("inputs", inputs);
        return node;
    }

    // ---- raw HTTP ----

    private FuzzCase rawHttp() {
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        String close = "Connection: close\r\n";
        String json = "{\"prompt\": {}}";
        return switch (random.nextInt(16)) {
            case 0 -> raw("body shorter than Content-Length, then hang-up", "POST /prompt HTTP/1.1\r\n" + host + close
                    + "Content-Length: " + (100 + random.nextInt(100_000)) + "\r\n\r\n" + cut(json), true, true);
            case 1 -> raw("negative Content-Length", "POST /prompt HTTP/1.1\r\n" + host + close
                    + "Content-Length: -" + random.nextInt(1000) + "\r\n\r\n" + json, false, true);
            case 2 -> raw("Content-Length not a number", "POST /prompt HTTP/1.1\r\n" + host + close
                    + "Content-Length: " + pick(List.of("abc", "1e3", "0x10", "", "99999999999999999999")) + "\r\n\r\n"
                    + json, false, true);
            case 3 -> raw("Content-Length over the upload limit", "POST /prompt HTTP/1.1\r\n" + host + close
                    + "Content-Length: " + (200L << 20) + "\r\n\r\n" + json, true, true);
            case 4 -> raw("malformed chunked body", "POST /prompt HTTP/1.1\r\n" + host + close
                    + "Transfer-Encoding: chunked\r\n\r\n" + pick(List.of("zz\r\nabc\r\n0\r\n\r\n", "5\r\nab", "-1\r\n",
                    "FFFFFFFFFFFFFFFF\r\nx\r\n")), true, true);
            case 5 -> raw("unknown method", pick(List.of("BREW", "PROPFIND", "TRACE", "CONNECT", "DELETE", "PATCH"))
                    + " /prompt HTTP/1.1\r\n" + host + close + "\r\n", false, true);
            case 6 -> raw("garbage request line", pick(List.of("\u0000\u0001\u0002", "GET\r\n", "GET / HTTP/9.9",
                    "GET  HTTP/1.1", "G\u00e9T / HTTP/1.1", "GET /" + "a".repeat(20_000) + " HTTP/1.1"))
                    + "\r\n" + host + close + "\r\n", false, true);
            case 7 -> raw("header over the size limit", "GET /queue HTTP/1.1\r\n" + host + close + "X-Big: "
                    + "b".repeat(9_000 + random.nextInt(40_000)) + "\r\n\r\n", false, true);
            case 8 -> raw("no Host header", "GET /queue HTTP/1.1\r\n" + close + "\r\n", false, true);
            case 9 -> raw("foreign Host (DNS rebinding)", "GET /queue HTTP/1.1\r\nHost: "
                    + pick(List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example", "[::1", "a b"))
                    + "\r\n" + close + "\r\n", false, true);
            case 10 -> raw("foreign Origin on a POST", "POST /prompt HTTP/1.1\r\n" + host + close
                    + "Origin: http://evil.example\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
                    + "\r\n\r\n" + json, false, true);
            case 11 -> raw("head cut short, then hang-up", cut("GET /queue HTTP/1.1\r\n" + host + close), true, false);
            case 12 -> raw("HTTP/1.0 without Host", "GET /system_stats HTTP/1.0\r\n\r\n", false, true);
            case 13 -> raw("header with a control character", "GET /queue HTTP/1.1\r\n" + host + close
                    + "X-Odd: a\u0000b\u0007c\r\n\r\n", false, true);
            case 14 -> raw("duplicate Content-Length", "POST /prompt HTTP/1.1\r\n" + host + close
                    + "Content-Length: 3\r\nContent-Length: 14\r\n\r\n" + json, false, true);
            default -> raw("non-JSON content type", "POST /prompt HTTP/1.1\r\n" + host + close
                    + "Content-Type: " + pick(List.of("text/plain", "multipart/form-data", "application/x-www-form-urlencoded"))
                    + "\r\nContent-Length: " + json.length() + "\r\n\r\n" + json, false, true);
        };
    }

    private RawCase raw(String label, String request, boolean hangUp, boolean complete) {
        return new RawCase(label, request.getBytes(StandardCharsets.ISO_8859_1), hangUp, complete);
    }

    // ---- query strings ----

    private FuzzCase query() {
        String value = pick(List.of(pick(ODD_TEXT), String.valueOf(random.nextLong()), "-1", "0", "1e309", "",
                "%", "%2", "%G0", "%C3%28", "%00", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "a&b=c", "a;b", "𝔘", "%F0%9F%98%80",
                UPLOADED, "/" + UPLOADED, "sub/../" + UPLOADED, "x".repeat(5000)));
        String encoded = random.nextBoolean() ? value : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        String target = switch (random.nextInt(12)) {
            case 0 -> "/view?filename=" + encoded + "&type=" + pick(List.of("input", "output", "temp", "x", ""));
            case 1 -> "/view?filename=" + UPLOADED + "&type=input&subfolder=" + encoded;
            case 2 -> "/view?filename=" + UPLOADED + "&type=input&preview=" + pick(List.of("webp;", "jpeg;", "png;", ""))
                    + encoded;
            case 3 -> "/view?filename=" + UPLOADED + "&type=input&channel=" + encoded;
            case 4 -> "/history?max_items=" + encoded + "&offset=" + pick(ODD_TEXT.subList(0, 5));
            case 5 -> "/history/" + encoded;
            case 6 -> "/api/jobs?limit=" + encoded + "&offset=" + encoded + "&status=" + encoded + "&sort_by=" + encoded;
            case 7 -> "/api/jobs/" + encoded;
            case 8 -> "/object_info/" + encoded;
            case 9 -> "/ws?clientId=" + value;
            case 10 -> "/userdata?dir=" + encoded + "&recurse=" + encoded;
            default -> "/" + pick(List.of("models/", "embeddings", "extensions", "queue", "prompt", "system_stats",
                    "view_metadata/", "internal/logs", "features")) + encoded;
        };
        target = target.replace(" ", "%20").replace("\r", "%0D").replace("\n", "%0A");
        return raw("GET " + abbreviate(target), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\n\r\n", false, true);
    }

    // ---- uploads ----

    private FuzzCase upload() {
        Multipart form = new Multipart();
        String name = pick(List.of(pick(ODD_TEXT), "ok.png", "a/b.png", "/abs.png", ".", "..", "x".repeat(300) + ".png",
                "nul\u0000.png", "fuzz.png"));
        byte[] content = pick(List.of(new byte[0], BombImages.png(20_000, 20_000), BombImages.png(1, 1),
                "not an image".getBytes(StandardCharsets.UTF_8), tinyPng()));
        boolean mask = random.nextInt(4) == 0;
        if (random.nextInt(8) != 0) form.file("image", name, content);
        if (random.nextBoolean()) form.field("type", pick(List.of("input", "temp", "output", "x", "")));
        if (random.nextBoolean()) form.field("subfolder", pick(ODD_TEXT));
        if (random.nextBoolean()) form.field("overwrite", pick(List.of("true", "1", "false", "maybe")));
        if (mask) form.field("original_ref", pick(List.of("{\"filename\": \"fuzz.png\", \"type\": \"input\"}", "{", "[]",
                "{\"filename\": \"../x\"}", "{\"filename\": \"fuzz.png\", \"type\": \"nowhere\"}")));
        byte[] body = form.body();
        String contentType = random.nextInt(10) == 0 ? "multipart/form-data; boundary=wrong" : form.contentType();
        String head = "POST /upload/" + (mask ? "mask" : "image") + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        return new RawCase("upload " + (mask ? "mask " : "image ") + abbreviate(JSON.valueToTree(name).toString()) + ", "
                + content.length + " bytes", request, false, true);
    }

    /** A valid 2x2 PNG. */
    static byte[] tinyPng() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, 0xFF0000);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- WebSocket frames ----

    private FuzzCase socket() {
        List<String> frames = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            frames.add(switch (random.nextInt(8)) {
                case 0 -> pick(ODD_TEXT);
                case 1 -> "{\"type\": \"feature_flags\", \"data\": " + oddValue() + "}";
                case 2 -> "{\"type\": " + oddValue() + ", \"data\": {}}";
                case 3 -> deepText(10 + random.nextInt(5000));
                case 4 -> "{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": " + oddValue() + "}}";
                case 5 -> "z".repeat(70_000);
                case 6 -> "[" + "1,".repeat(random.nextInt(1000)) + "1]";
                default -> cut("{\"type\": \"feature_flags\", \"data\": {\"supports_preview_metadata\": true}}");
            });
        }
        return new SocketCase("socket frames " + frames.stream().map(FuzzCases::abbreviate).toList(), frames);
    }

    // ---- helpers ----

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    static String abbreviate(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= 60 ? shown : shown.substring(0, 57) + "...(" + text.length() + ")";
    }
}
