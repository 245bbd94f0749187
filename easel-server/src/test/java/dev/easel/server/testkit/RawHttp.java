package dev.easel.server.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Bytes on a bare socket, for requests no well-behaved client sends: bodies cut short, raw
 * characters in a query, a forged {@code Host}. Reads the answer until the server closes the
 * connection or {@code untilText} has arrived.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code head} and {@code body}; with {@code hangUp} the client then stops sending (half close). */
    public static String exchange(int port, String head, byte[] body, boolean hangUp, String untilText) throws IOException {
        return exchange(port, head, List.of(body), Duration.ZERO, hangUp, untilText);
    }

    /** Sends {@code head}, then each part after a {@code pause}, as a client on a slow link would. */
    public static String exchange(int port, String head, List<byte[]> parts, Duration pause, boolean hangUp, String untilText)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (byte[] part : parts) {
                socket.getOutputStream().flush();
                pause(pause);
                socket.getOutputStream().write(part);
            }
            socket.getOutputStream().flush();
            if (hangUp) socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains(untilText)) break;
                }
            } catch (SocketTimeoutException quiet) {
                // whatever arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void pause(Duration pause) throws IOException {
        if (pause.isZero()) return;
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted between the parts of a request");
        }
    }

    /** The status code of the first line of an HTTP answer, or -1 when there is none. */
    public static int status(String answer) {
        if (!answer.startsWith("HTTP/1.1 ")) return -1;
        return Integer.parseInt(answer.substring(9, 12));
    }
}
