package dev.easel.bench.sockets;

import dev.easel.bench.Options;
import dev.easel.bench.report.ProcessMemory;
import dev.easel.bench.server.InProcessServer;
import dev.easel.engine.cache.CachePolicy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's memory with many idle {@code /ws} clients: heap after GC and RSS of this process
 * (which runs only the server) before and after a child process opens the sockets.
 */
public final class IdleSockets {

    public record Result(int sockets, int registered, ProcessMemory before, ProcessMemory after) {
        public String report() {
            long heap = after.heapUsedBytes() - before.heapUsedBytes(), rss = after.rssBytes() - before.rssBytes();
            return String.format("sockets %d (registered by the server: %d)%n"
                            + "before: heap used %s, RSS %s, threads %d%n"
                            + "after:  heap used %s, RSS %s, threads %d%n"
                            + "delta:  heap %s (%.1f KiB/socket), RSS %s (%.1f KiB/socket)%n",
                    sockets, registered, ProcessMemory.mib(before.heapUsedBytes()), ProcessMemory.mib(before.rssBytes()),
                    before.threads(), ProcessMemory.mib(after.heapUsedBytes()), ProcessMemory.mib(after.rssBytes()), after.threads(),
                    ProcessMemory.mib(heap), heap / 1024.0 / sockets, ProcessMemory.mib(rss), rss / 1024.0 / sockets);
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.print(run(Options.parse(args, 0)).report());
    }

    public static Result run(Options options) throws Exception {
        int count = options.integer("sockets", 1000);
        int timeout = options.integer("timeout-s", 120);
        try (InProcessServer server = InProcessServer.start(CachePolicy.classic())) {
            ProcessMemory before = ProcessMemory.measureAfterGc();
            Process child = new ProcessBuilder(childCommand(server.uri().toString(), count, options.text("client-xmx", "512m")))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                if (line == null || !line.equals("OPEN " + count)) throw new IllegalStateException("the socket client said: " + line);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
                while (server.server().hub().sockets().size() < count && System.nanoTime() < deadline) Thread.sleep(50);
                int registered = server.server().hub().sockets().size();
                ProcessMemory after = ProcessMemory.measureAfterGc();
                return new Result(count, registered, before, after);
            } finally {
                child.getOutputStream().close();
                if (!child.waitFor(30, TimeUnit.SECONDS)) child.destroyForcibly();
            }
        }
    }

    private static List<String> childCommand(String url, int count, String xmx) {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"), SocketOpener.class.getName(), url, Integer.toString(count));
    }
}
