package dev.easel.app.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven through its {@code chromedriver}
 * with Selenium, and what the page tests need of it: elements by {@code data-testid}, scripts,
 * waiting for a condition, the console's errors and screenshots.
 */
final class Browser implements AutoCloseable {
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a condition may take before the test fails; only a hung page comes near it. */
    private static final long PATIENCE_NANOS = 120_000_000_000L;

    final ChromeDriver driver;
    private final List<String> consoleErrors = new ArrayList<>();

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser open() {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("The web page tests run in a real Chromium: install Debian's chromium and "
                    + "chromium-driver (apt-get install chromium chromium-driver; ./easel-test and .ci/run do it). "
                    + "Missing: " + (chromium == null ? CHROMIUM.getFirst() : DRIVER));
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // root in a container has no sandbox; /dev/shm is often small there
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement byTestId(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    List<WebElement> allByTestId(String id) {
        return driver.findElements(By.cssSelector("[data-testid='" + id + "']"));
    }

    WebElement byCss(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The element's {@code data-state}, empty when it has none. */
    String state(String testId) {
        String value = byTestId(testId).getDomAttribute("data-state");
        return value == null ? "" : value;
    }

    /** The form control of a node's input. */
    WebElement field(String node, String input) {
        return byCss("[data-node='" + node + "'][data-input='" + input + "']");
    }

    /** Replaces what a form control holds by typing {@code value}. */
    void type(String node, String input, String value) {
        WebElement el = field(node, input);
        el.clear();
        el.sendKeys(value);
    }

    /** How the watched job ended ({@code success}, {@code error}, ...), empty while it runs. */
    String outcome() {
        String value = byTestId("job-state").getDomAttribute("data-outcome");
        return value == null ? "" : value;
    }

    /** Whether the newest result's image is loaded and has pixels. */
    boolean resultImageLoaded() {
        return Boolean.TRUE.equals(script("const img = document.querySelector(\"[data-testid='output-image']\");"
                + " return !!img && img.complete && img.naturalWidth > 0"));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script that ends by calling its last argument with the result. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Waits until the condition holds; fails naming it if it never does. */
    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("the page never got to: " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** Every error the page's console has shown since the browser opened. */
    List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) consoleErrors.add(entry.getMessage());
        }
        return List.copyOf(consoleErrors);
    }

    /**
     * Takes a screenshot for the README. It is written when the file is missing or when
     * {@code -Deasel.screenshots=refresh} asks for new ones, so that a test run leaves the
     * committed pictures (a run's progress and clock differ every time) as they are.
     */
    void screenshot(Path file) {
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        if (Files.exists(file) && !"refresh".equals(System.getProperty("easel.screenshots"))) return;
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
