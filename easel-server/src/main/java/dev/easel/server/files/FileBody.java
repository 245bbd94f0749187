package dev.easel.server.files;

import io.javalin.http.Context;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sends a file as aiohttp's {@code FileResponse} does: streamed from disk (a large video is
 * never held in memory), one {@code Range} honoured with 206, an unsatisfiable one 416.
 * Headers other than the range ones are the caller's.
 */
public final class FileBody {
    private FileBody() {
    }

    public static void send(Context ctx, Path file) throws IOException {
        long size = Files.size(file);
        ctx.header("Accept-Ranges", "bytes");
        Optional<ByteRange> range = ByteRange.parse(ctx.header("Range"), size);
        if (range.isEmpty()) {
            ctx.result(Files.newInputStream(file));
        } else if (!range.get().satisfiable()) {
            ctx.status(416).header("Content-Range", "bytes */" + size).result(new byte[0]);
        } else {
            ByteRange r = range.get();
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(r.start());
            ctx.status(206).header("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + size)
                    .result(limited(in, r.length()));
        }
    }

    private static InputStream limited(InputStream in, long length) {
        return new FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = super.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(buf, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }
        };
    }
}
