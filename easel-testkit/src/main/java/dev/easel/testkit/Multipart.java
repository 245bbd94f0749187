package dev.easel.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a {@code multipart/form-data} body. */
public final class Multipart {
    private final String boundary = "----easel-test-boundary";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    public Multipart file(String name, String filename, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write("\r\n");
        return this;
    }

    public byte[] body() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.writeBytes(out.toByteArray());
        copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return copy.toByteArray();
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
