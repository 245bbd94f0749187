package dev.easel.bench.page;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through its {@code chromedriver}, with a profile folder of
 * its own so that its processes can be found for their memory, and what the page benchmarks ask
 * of it over the DevTools protocol: a forced collection and the renderer's counters.
 */
final class PageBrowser implements AutoCloseable {
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Selenium warns, on every start, that it has no DevTools bindings for this Chromium's
     * version; the benchmarks send their few DevTools commands through chromedriver and need none.
     */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private final ChromeDriver driver;
    private final String profileFlag;

    private PageBrowser(ChromeDriver driver, String profileFlag) {
        this.driver = driver;
        this.profileFlag = profileFlag;
    }

    /** Opens the browser with its profile in {@code profile}; scripts may run for {@code scriptTimeout}. */
    static PageBrowser open(Path profile, Duration scriptTimeout) {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("the page benchmarks need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver); missing " + CHROMIUM.getFirst()));
        if (!Files.isExecutable(DRIVER)) throw new IllegalStateException("the page benchmarks need " + DRIVER
                + " (apt-get install chromium-driver)");
        SELENIUM.setLevel(java.util.logging.Level.SEVERE);
        String profileFlag = "--user-data-dir=" + profile;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // root in a container has no sandbox; /dev/shm is often small there
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", profileFlag);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(scriptTimeout);
        driver.executeCdpCommand("Performance.enable", Map.of());
        return new PageBrowser(driver, profileFlag);
    }

    void get(String url) {
        driver.get(url);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that ends by calling its last argument with the result. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** After two forced collections of the page's heap: the renderer's counters by name (JSHeapUsedSize, Nodes, ...). */
    @SuppressWarnings("unchecked")
    Map<String, Double> metricsAfterGc() {
        driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Double> metrics = new HashMap<>();
        for (Object entry : (List<Object>) driver.executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics")) {
            Map<String, Object> metric = (Map<String, Object>) entry;
            metrics.put((String) metric.get("name"), ((Number) metric.get("value")).doubleValue());
        }
        return metrics;
    }

    /** Tells the page's renderer that memory is critically short, as the system would; it drops what it can rebuild. */
    void criticalMemoryPressure() {
        driver.executeCdpCommand("Memory.simulatePressureNotification", Map.of("level", "critical"));
    }

    /**
     * The private memory (Linux {@code smaps_rollup}: {@code Private_Clean} + {@code Private_Dirty},
     * which other processes mapping the same files do not change) of this browser's processes,
     * summed by process type: {@code browser} (which also holds the blobs behind object URLs),
     * {@code renderer}, {@code gpu-process}, {@code utility}, {@code zygote}. The browser process
     * is the one started with this browser's profile folder; the others descend from it.
     */
    Map<String, Long> privateMemoryByProcessType() {
        Map<String, Long> bytes = new HashMap<>();
        ProcessHandle browser = browserProcess();
        Stream.concat(Stream.of(browser), browser.descendants()).forEach(process -> {
            Path proc = Path.of("/proc", String.valueOf(process.pid()));
            String type = commandLine(proc).stream().filter(a -> a.startsWith("--type=")).findFirst()
                    .map(a -> a.substring("--type=".length())).orElse("browser");
            bytes.merge(type, privateMemory(proc), Long::sum);
        });
        return bytes;
    }

    private ProcessHandle browserProcess() {
        return ProcessHandle.allProcesses().filter(p -> {
            List<String> args = commandLine(Path.of("/proc", String.valueOf(p.pid())));
            return args.contains(profileFlag) && args.stream().noneMatch(a -> a.startsWith("--type="));
        }).findFirst().orElseThrow(() -> new IllegalStateException("no browser process started with " + profileFlag));
    }

    /** The words of a process's command line; Chromium's child processes rewrite theirs as one line with spaces. */
    private static List<String> commandLine(Path process) {
        try {
            return List.of(new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("[\0 ]"));
        } catch (IOException ended) {
            return List.of();
        }
    }

    /** The private memory of one process in bytes; 0 for one that has ended meanwhile. */
    private static long privateMemory(Path process) {
        try {
            return Files.readAllLines(process.resolve("smaps_rollup")).stream().filter(line -> line.startsWith("Private_"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).sum();
        } catch (IOException | NumberFormatException ended) {
            return 0;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
