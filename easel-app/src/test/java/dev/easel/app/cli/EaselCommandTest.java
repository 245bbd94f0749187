package dev.easel.app.cli;

import dev.easel.app.config.EaselSettings;
import dev.easel.app.config.PreviewMethod;
import dev.easel.engine.cache.CachePolicy;
import dev.easel.server.ServerConfig;
import dev.easel.server.store.JobStoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EaselCommandTest {

    @TempDir
    Path base;

    private EaselCommand parse(String... args) {
        CommandLine cmd = EaselCommand.commandLine();
        cmd.parseArgs(Stream.concat(Stream.of("--base-directory", base.toString()), Stream.of(args))
                .toArray(String[]::new));
        return cmd.getCommand();
    }

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = EaselCommand.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void defaultsMatchComfyUi() {
        ServerConfig config = parse().serverConfig();
        assertThat(config.network().listen()).containsExactly("127.0.0.1");
        assertThat(config.network().port()).isEqualTo(8188);
        assertThat(config.cache()).isEqualTo(CachePolicy.classic());
        assertThat(config.network().maxUploadSizeMb()).isEqualTo(100.0);
        assertThat(config.network().corsOrigin()).isEmpty();
        assertThat(config.images().disableMetadata()).isFalse();
        assertThat(config.images().previewMethod()).isEqualTo("none");
        assertThat(config.images().previewSize()).isEqualTo(512);
        assertThat(config.frontEndRoot()).isEmpty();
    }

    @Test
    void foldersDefaultToTheirNamesUnderTheBaseDirectory() {
        ServerConfig config = parse().serverConfig();
        Path root = base.toAbsolutePath().normalize();
        assertThat(config.folders().base()).isEqualTo(root);
        assertThat(config.folders().output()).isEqualTo(root.resolve("output"));
        assertThat(config.folders().input()).isEqualTo(root.resolve("input"));
        assertThat(config.folders().temp()).isEqualTo(root.resolve("temp"));
        assertThat(config.folders().user()).isEqualTo(root.resolve("user"));
    }

    @Test
    void baseDirectoryDefaultsToTheWorkingDirectory() {
        CommandLine cmd = EaselCommand.commandLine();
        cmd.parseArgs();
        EaselCommand command = cmd.getCommand();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        assertThat(command.setup.folders().base()).isEqualTo(cwd);
        assertThat(command.setup.folders().output()).isEqualTo(cwd.resolve("output"));
    }

    @Test
    void folderFlagsOverrideEachFolderAndBecomeAbsolute() {
        ServerConfig config = parse("--output-directory", "out-here", "--input-directory", "/srv/in",
                "--temp-directory", "/srv/tmp", "--user-directory", "/srv/user").serverConfig();
        assertThat(config.folders().output()).isEqualTo(Path.of("out-here").toAbsolutePath().normalize());
        assertThat(config.folders().input()).isEqualTo(Path.of("/srv/in"));
        // ComfyUI's --temp-directory names the parent: its temp folder is DIR/temp
        assertThat(config.folders().temp()).isEqualTo(Path.of("/srv/tmp/temp"));
        assertThat(config.folders().user()).isEqualTo(Path.of("/srv/user"));
    }

    @Test
    void modelsDirectoryMovesEveryDefaultModelFolder() {
        EaselSettings settings = parse("--models-directory", "/srv/models").settings();
        assertThat(settings.modelFolders().get("checkpoints")).containsExactly(Path.of("/srv/models/checkpoints"));
        assertThat(settings.modelFolders().get("vae")).containsExactly(Path.of("/srv/models/vae"));
    }

    @Test
    void bareListenBindsEveryIpv4AndIpv6Address() {
        assertThat(parse("--listen").serverConfig().network().listen()).containsExactly("0.0.0.0", "::");
    }

    @Test
    void bareListenBeforeAnotherFlagDoesNotSwallowIt() {
        ServerConfig config = parse("--listen", "--port", "9000").serverConfig();
        assertThat(config.network().listen()).containsExactly("0.0.0.0", "::");
        assertThat(config.network().port()).isEqualTo(9000);
    }

    @Test
    void listenTakesACommaSeparatedList() {
        assertThat(parse("--listen", "10.0.0.5, ::1").serverConfig().network().listen()).containsExactly("10.0.0.5", "::1");
    }

    @Test
    void portAndUploadSizeAreParsed() {
        ServerConfig config = parse("--port", "0", "--max-upload-size", "12.5").serverConfig();
        assertThat(config.network().port()).isZero();
        assertThat(config.network().maxUploadSizeMb()).isEqualTo(12.5);
        assertThat(config.network().maxUploadBytes()).isEqualTo(13_107_200L);
    }

    @Test
    void bareCorsFlagAllowsAnyOrigin() {
        assertThat(parse("--enable-cors-header").serverConfig().network().corsOrigin()).contains("*");
    }

    @Test
    void corsFlagWithAnOriginAllowsThatOrigin() {
        assertThat(parse("--enable-cors-header", "https://example.org").serverConfig().network().corsOrigin())
                .contains("https://example.org");
    }

    @Test
    void cacheLruKeepsThatManyEntries() {
        assertThat(parse("--cache-lru", "100").serverConfig().cache()).isEqualTo(new CachePolicy.Lru(100));
    }

    @Test
    void cacheLruZeroMeansClassic() {
        assertThat(parse("--cache-lru", "0").serverConfig().cache()).isEqualTo(new CachePolicy.Classic());
    }

    @Test
    void cacheNoneAndCacheClassicMapToTheirPolicies() {
        assertThat(parse("--cache-none").serverConfig().cache()).isEqualTo(new CachePolicy.None());
        assertThat(parse("--cache-classic").serverConfig().cache()).isEqualTo(new CachePolicy.Classic());
    }

    @Test
    void cacheFlagsAreMutuallyExclusive() {
        Outcome outcome = execute("--cache-none", "--cache-lru", "5");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("mutually exclusive").contains("--cache-none").contains("--cache-lru");
    }

    @Test
    void jobStoreDefaultsToTheDurableFileWithComfyUisHistorySize() {
        ServerConfig config = parse().serverConfig();
        assertThat(config.jobStore()).isEqualTo(new JobStoreSettings(JobStoreSettings.Kind.SQLITE, 10_000));
        assertThat(parse("--job-store", "memory", "--max-history", "50").serverConfig().jobStore())
                .isEqualTo(new JobStoreSettings(JobStoreSettings.Kind.MEMORY, 50));
    }

    @Test
    void unknownJobStoreAndEmptyHistoryAreUsageErrors() {
        Outcome unknown = execute("--job-store", "postgres");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("expected sqlite or memory, was 'postgres'");
        Outcome none = execute("--base-directory", base.toString(), "--max-history", "0");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--max-history must be at least 1, was 0");
    }

    @Test
    void previewFlagsAreParsed() {
        ServerConfig config = parse("--preview-method", "latent2rgb", "--preview-size", "256").serverConfig();
        assertThat(config.images().previewMethod()).isEqualTo("latent2rgb");
        assertThat(config.images().previewSize()).isEqualTo(256);
    }

    @Test
    void unknownPreviewMethodIsAUsageError() {
        Outcome outcome = execute("--preview-method", "fancy");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("none, auto, latent2rgb, taesd").contains("'fancy'");
    }

    @Test
    void metadataFrontEndAndCpuFlags() {
        EaselCommand command = parse("--disable-metadata", "--front-end-root", "web", "--cpu");
        ServerConfig config = command.serverConfig();
        assertThat(config.images().disableMetadata()).isTrue();
        assertThat(config.frontEndRoot()).contains(Path.of("web").toAbsolutePath().normalize());
        assertThat(command.setup.cpu).isTrue();
    }

    @Test
    void authIsOffUnlessAsked() {
        assertThat(parse().serverConfig().access().auth()).isFalse();
        assertThat(parse("--auth").serverConfig().access().auth()).isTrue();
    }

    @Test
    void multiUserIsOffUnlessAsked() {
        assertThat(parse().serverConfig().access().multiUser()).isFalse();
        assertThat(parse("--multi-user").serverConfig().access().multiUser()).isTrue();
    }

    @Test
    void enableTestNodesSwitchesOnTheTestingPack() {
        assertThat(parse("--enable-test-nodes").settings().enabledPacks()).containsExactly(EaselSettings.TESTING_PACK);
        assertThat(parse().settings().enabledPacks()).isEmpty();
    }

    @Test
    void extraModelPathsConfigTakesSeveralFilesAndRepeats() throws Exception {
        Path a = Files.writeString(base.resolve("a.yaml"), "a:\n  loras: /models/a\n");
        Path b = Files.writeString(base.resolve("b.yaml"), "b:\n  loras: /models/b\n");
        Path c = Files.writeString(base.resolve("c.yaml"), "c:\n  loras: /models/c\n");
        EaselSettings settings = parse("--extra-model-paths-config", a.toString(), b.toString(),
                "--extra-model-paths-config", c.toString()).settings();
        assertThat(settings.modelFolders().get("loras")).containsExactly(base.toAbsolutePath().normalize()
                .resolve("models/loras"), Path.of("/models/a"), Path.of("/models/b"), Path.of("/models/c"));
    }

    @Test
    void previewAndMetadataReachTheNodePacks() {
        EaselSettings settings = parse("--preview-method", "taesd", "--preview-size", "64", "--disable-metadata")
                .settings();
        assertThat(settings.previewMethod()).isEqualTo(PreviewMethod.TAESD);
        assertThat(settings.packEnvironment().previewMethod()).isEqualTo("taesd");
        assertThat(settings.packEnvironment().previewSize()).isEqualTo(64);
        assertThat(settings.packEnvironment().metadataDisabled()).isTrue();
        assertThat(settings.packEnvironment().outputDir()).isEqualTo(base.toAbsolutePath().normalize().resolve("output"));
    }

    @Test
    void unknownFlagIsAUsageErrorWithExitCodeTwo() {
        Outcome outcome = execute("--no-such-flag");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unknown option: '--no-such-flag'").contains("Usage: easel");
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        Outcome outcome = execute("--base-directory", base.toString(), "--port", "70000");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--port must be between 0 and 65535, was 70000").contains("Usage: easel");
    }

    @Test
    void unreadableExtraModelPathsConfigFailsWithOneLine() {
        Outcome outcome = execute("--base-directory", base.toString(), "--extra-model-paths-config",
                base.resolve("missing.yaml").toString());
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("easel: cannot read extra model paths config").contains("missing.yaml");
    }

    @Test
    void runTakesTheWorkflowAndTheSameFolderFlags() {
        CommandLine cmd = EaselCommand.commandLine();
        CommandLine.ParseResult result = cmd.parseArgs("run", "flow.json", "--output-directory", "/srv/out",
                "--cache-none", "--enable-test-nodes");
        RunCommand run = result.subcommand().commandSpec().commandLine().getCommand();
        assertThat(run.workflow).isEqualTo(Path.of("flow.json"));
        assertThat(run.setup.folders().output()).isEqualTo(Path.of("/srv/out"));
        assertThat(run.setup.cachePolicy()).isEqualTo(CachePolicy.none());
        assertThat(run.settings().enabledPacks()).containsExactly("testing");
    }

    @Test
    void runWithoutAWorkflowIsAUsageError() {
        Outcome outcome = execute("run");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Missing required parameter: 'WORKFLOW.json'");
    }

    @Test
    void helpListsEveryComfyUiFlag() {
        Outcome outcome = execute("--help");
        assertThat(outcome.exitCode()).isZero();
        for (String flag : List.of("--listen", "--port", "--base-directory", "--output-directory", "--input-directory",
                "--temp-directory", "--user-directory", "--extra-model-paths-config", "--enable-test-nodes", "--cpu",
                "--cache-classic", "--cache-lru", "--cache-none", "--preview-method", "--preview-size",
                "--max-upload-size", "--enable-cors-header", "--disable-metadata", "--front-end-root", "--multi-user")) {
            assertThat(outcome.out()).contains(flag);
        }
        assertThat(outcome.out()).contains("Commands:").containsPattern("\\n\\s+run\\s+Runs one API-format workflow");
    }

    @Test
    void verboseTakesComfyUisLevelNamesAndDefaultsToDebugWhenBare() {
        assertThat(parse("--verbose").logging.level()).contains(ch.qos.logback.classic.Level.DEBUG);
        assertThat(parse("--verbose", "WARNING").logging.level()).contains(ch.qos.logback.classic.Level.WARN);
        assertThat(parse().logging.level()).isEmpty();
    }

    @Test
    void bareVerboseBeforeASubcommandLeavesTheSubcommandAlone() {
        CommandLine cmd = EaselCommand.commandLine();
        CommandLine.ParseResult result = cmd.parseArgs("--verbose", "run", "flow.json");
        assertThat(result.subcommand()).isNotNull();
        assertThat(((EaselCommand) cmd.getCommand()).logging.verbose).isEqualTo("DEBUG");
    }

    @Test
    void unknownVerboseLevelIsAUsageError() {
        Outcome outcome = execute("--base-directory", base.toString(), "--verbose", "LOUD");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--verbose expects DEBUG, INFO, WARNING, ERROR or CRITICAL, was 'LOUD'");
    }

    @Test
    void browserLaunchFlagsAreAccepted() {
        assertThat(parse("--disable-auto-launch").logging.autoLaunch).isTrue();
        assertThat(parse("--auto-launch").logging.autoLaunch).isTrue();
    }

    @Test
    void inRunTheWorkflowMayFollowAnExtraModelPathsConfig() throws Exception {
        Path a = Files.writeString(base.resolve("a.yaml"), "a:\n  loras: /models/a\n");
        Path b = Files.writeString(base.resolve("b.yaml"), "b:\n  loras: /models/b\n");
        CommandLine cmd = EaselCommand.commandLine();
        CommandLine.ParseResult result = cmd.parseArgs("run", "--extra-model-paths-config", a.toString(), "flow.json",
                "--extra-model-paths-config", b.toString());
        RunCommand run = result.subcommand().commandSpec().commandLine().getCommand();
        assertThat(run.workflow).isEqualTo(Path.of("flow.json"));
        assertThat(run.settings().modelFolders().get("loras")).endsWith(Path.of("/models/a"), Path.of("/models/b"));
    }
}
