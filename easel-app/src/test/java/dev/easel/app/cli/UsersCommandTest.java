package dev.easel.app.cli;

import dev.easel.server.auth.Accounts;
import dev.easel.server.auth.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code easel users add|list|revoke}, run as the command line runs them. */
class UsersCommandTest {
    @TempDir
    Path base;

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = EaselCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome users(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "users";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--base-directory";
        all[args.length + 2] = base.toString();
        return execute(all);
    }

    @Test
    void addPrintsTheNewTokenAloneOnStandardOutputAndItAuthenticates() throws Exception {
        Outcome added = users("add", "ana", "--admin");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).matches("[A-Za-z0-9_-]{43}\\R");
        String token = added.out().strip();
        assertThat(added.err()).contains("Added admin 'ana'").contains("shown only this once").doesNotContain(token);
        assertThat(Accounts.open(base.resolve("user")).authenticate(token)).contains(new Identity("ana", Identity.Role.ADMIN));
        assertThat(Files.readString(base.resolve("user/auth.json"))).doesNotContain(token);
    }

    @Test
    void withoutAdminTheUserHasTheUserRole() {
        String token = users("add", "bo").out().strip();
        assertThat(Accounts.open(base.resolve("user")).authenticate(token)).contains(new Identity("bo", Identity.Role.USER));
    }

    @Test
    void listShowsNameRoleAndCreationButNeverATokenOrItsDigest() throws Exception {
        String ana = users("add", "ana", "--admin").out().strip();
        String bo = users("add", "bo").out().strip();
        Outcome listed = users("list");
        assertThat(listed.exitCode()).isZero();
        String[] lines = listed.out().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("NAME +ROLE +CREATED");
        assertThat(lines[1]).matches("ana +admin +\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
        assertThat(lines[2]).matches("bo +user +\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
        String digests = Files.readString(base.resolve("user/auth.json"));
        for (String secret : new String[] {ana, bo, dev.easel.server.auth.Tokens.digest(ana), dev.easel.server.auth.Tokens.digest(bo)}) {
            assertThat(listed.out()).doesNotContain(secret);
        }
        assertThat(digests).contains(dev.easel.server.auth.Tokens.digest(ana));
    }

    @Test
    void revokeRemovesTheUserAndItsToken() {
        String ana = users("add", "ana", "--admin").out().strip();
        Outcome revoked = users("revoke", "ana");
        assertThat(revoked.exitCode()).isZero();
        assertThat(revoked.out()).isEmpty();
        assertThat(revoked.err()).contains("Revoked 'ana'");
        assertThat(Accounts.open(base.resolve("user")).authenticate(ana)).isEmpty();
        assertThat(users("list").out().split("\\R")).hasSize(1);
        Outcome again = users("revoke", "ana");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("easel: there is no user 'ana'");
    }

    @Test
    void theUserDirectoryFlagPlacesTheFileAsTheServerLooksForIt() {
        Path elsewhere = base.resolve("elsewhere");
        Outcome added = execute("users", "add", "ana", "--user-directory", elsewhere.toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(elsewhere.resolve("auth.json")).exists();
        assertThat(base.resolve("user/auth.json")).doesNotExist();
        assertThat(execute("users", "list", "--user-directory", elsewhere.toString()).out()).contains("ana");
    }

    @Test
    void anInvalidOrTakenNameIsRefusedWithTheReasonAndNothingOnStandardOutput() {
        Outcome invalid = users("add", "../x");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.err()).contains("easel: a user name is 1 to 64 letters, digits, '-' or '_', was '../x'");
        users("add", "ana");
        Outcome taken = users("add", "ana", "--admin");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.out()).isEmpty();
        assertThat(taken.err()).contains("user 'ana' already exists");
    }

    @Test
    void aCorruptFileIsOneLineAndExitOne() throws Exception {
        Files.createDirectories(base.resolve("user"));
        Files.writeString(base.resolve("user/auth.json"), "{");
        Outcome listed = users("list");
        assertThat(listed.exitCode()).isEqualTo(1);
        assertThat(listed.err().strip()).startsWith("easel: " + base.resolve("user/auth.json") + " cannot be used: it is not valid JSON")
                .doesNotContain("\n");
    }

    @Test
    void serverFlagsBeforeTheCommandAreAUsageError() {
        Outcome outcome = execute("--base-directory", base.toString(), "users", "list");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("flags go after 'list' (easel users list [FLAGS]); --base-directory came before it");
    }
}
