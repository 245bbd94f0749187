package dev.easel.app.e2e;

import dev.easel.testkit.Http;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Easel's main in a child JVM with this test's class path, its output in a log file, and an
 * HTTP client for its port. {@link #kill()} sends SIGKILL.
 */
final class EaselProcess implements AutoCloseable {
    final Process process;
    final int port;
    final Http http;
    final Path log;

    private EaselProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.http = new Http(port);
        this.log = log;
    }

    /** Starts {@code easel --listen 127.0.0.1 --port PORT ARGS...} in {@code dir}, logging to {@code log}. */
    static EaselProcess launch(Path dir, int port, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.easel.app.Main",
                "--listen", "127.0.0.1", "--port", Integer.toString(port)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new EaselProcess(process, port, log);
    }

    /** Waits until {@code path} answers 200 and returns that answer; fails if the process exits first. */
    Http.Response awaitReady(String path) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new AssertionError("easel exited with " + process.exitValue() + ":\n" + logText());
            try {
                Http.Response answer = http.get(path);
                if (answer.status() == 200) return answer;
            } catch (AssertionError notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("easel was not ready on port " + port + ":\n" + logText());
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, and the exit status it leaves. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** A test's processes, each killed once the test ends: {@code @RegisterExtension final Started started = new Started();}. */
    static final class Started implements AfterEachCallback {
        private final List<EaselProcess> processes = new ArrayList<>();

        EaselProcess add(EaselProcess process) {
            processes.add(process);
            return process;
        }

        int count() {
            return processes.size();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            processes.forEach(EaselProcess::close);
        }
    }
}
