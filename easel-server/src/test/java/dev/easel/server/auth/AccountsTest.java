package dev.easel.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsTest {
    @TempDir
    Path userDir;

    @Test
    void anAddedUsersTokenAuthenticatesAsThatUserWithItsRole() {
        Accounts accounts = Accounts.open(userDir);
        String ana = accounts.add("ana", Identity.Role.ADMIN);
        String bo = accounts.add("bo-2_x", Identity.Role.USER);
        assertThat(accounts.authenticate(ana)).contains(new Identity("ana", Identity.Role.ADMIN));
        assertThat(accounts.authenticate(bo)).contains(new Identity("bo-2_x", Identity.Role.USER));
        assertThat(accounts.authenticate(ana + "x")).isEmpty();
        assertThat(accounts.authenticate("")).isEmpty();
    }

    @Test
    void tokensAreThirtyTwoRandomBytesInUrlSafeBase64() {
        Accounts accounts = Accounts.open(userDir);
        String first = accounts.add("a", Identity.Role.USER);
        String second = accounts.add("b", Identity.Role.USER);
        assertThat(first).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second);
        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
    }

    @Test
    void theFileKeepsTheSha256OfTheTokenNeverTheTokenAndOnlyItsOwnerMayReadIt() throws Exception {
        String token = Accounts.open(userDir).add("ana", Identity.Role.ADMIN);
        Path file = userDir.resolve("auth.json");
        String text = Files.readString(file);
        assertThat(text).doesNotContain(token);
        assertThat(text).contains("\"token_sha256\":\"" + Tokens.digest(token) + "\"");
        assertThat(text).matches("\\{\"version\":1,\"users\":\\[\\{\"name\":\"ana\",\"role\":\"admin\",\"created\":\"[0-9T:.Z-]+\","
                + "\"token_sha256\":\"[0-9a-f]{64}\"}]}");
        // the digest of a known text, so the hash is plain SHA-256 of the token's UTF-8 bytes
        assertThat(Tokens.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(userDir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file stays").containsExactly("auth.json");
        }
    }

    @Test
    void usersAreListedWithRoleAndCreationTimeAndSurviveAReopen() {
        Accounts accounts = Accounts.open(userDir);
        accounts.add("ana", Identity.Role.ADMIN);
        accounts.add("bo", Identity.Role.USER);
        var reopened = Accounts.open(userDir).all();
        assertThat(reopened).extracting(Account::name).containsExactly("ana", "bo");
        assertThat(reopened).extracting(Account::role).containsExactly(Identity.Role.ADMIN, Identity.Role.USER);
        assertThat(reopened.get(0).created()).isEqualTo(accounts.all().get(0).created());
    }

    @Test
    void aRevokedTokenNoLongerAuthenticatesAndTheOthersStill() {
        Accounts accounts = Accounts.open(userDir);
        String ana = accounts.add("ana", Identity.Role.ADMIN);
        String bo = accounts.add("bo", Identity.Role.USER);
        assertThat(accounts.revoke("ana")).isTrue();
        assertThat(accounts.revoke("ana")).isFalse();
        assertThat(accounts.authenticate(ana)).isEmpty();
        assertThat(accounts.authenticate(bo)).isPresent();
        assertThat(Accounts.open(userDir).all()).extracting(Account::name).containsExactly("bo");
    }

    @Test
    void changesMadeByAnotherProcessAreSeenWithoutReopening() {
        Accounts server = Accounts.open(userDir);
        String ana = Accounts.open(userDir).add("ana", Identity.Role.ADMIN);
        assertThat(server.authenticate(ana)).as("added from the command line").isPresent();
        Accounts.open(userDir).revoke("ana");
        assertThat(server.authenticate(ana)).as("revoked from the command line").isEmpty();
    }

    @Test
    void namesFollowComfyUisUserIdRuleAndAreUnique() {
        Accounts accounts = Accounts.open(userDir);
        accounts.add("ana", Identity.Role.USER);
        for (String bad : new String[] {"", "a b", "../x", "a/b", "a.json", "__system", "é", "x".repeat(65)}) {
            assertThatThrownBy(() -> accounts.add(bad, Identity.Role.USER)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> accounts.add("ana", Identity.Role.ADMIN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user 'ana' already exists; revoke it first to give it a new token");
        assertThat(accounts.all()).extracting(Account::name).containsExactly("ana");
    }

    @Test
    void aCorruptFileIsAClearErrorAtOpeningAndIsLeftAsItWas() throws Exception {
        Path file = userDir.resolve("auth.json");
        Files.writeString(file, "{\"users\": [");
        assertThatThrownBy(() -> Accounts.open(userDir)).isInstanceOf(AccountsUnusable.class)
                .hasMessageStartingWith(file + " cannot be used: it is not valid JSON")
                .hasMessageEndingWith("; fix it, or remove it and add the users again");
        Files.writeString(file, "{\"users\": [{\"name\": \"ana\", \"role\": \"root\", \"created\": \"2026-01-01T00:00:00Z\","
                + " \"token_sha256\": \"" + "0".repeat(64) + "\"}]}");
        assertThatThrownBy(() -> Accounts.open(userDir)).isInstanceOf(AccountsUnusable.class)
                .hasMessageContaining("the entry of user 'ana' is invalid: role must be \"admin\" or \"user\"");
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> Accounts.open(userDir)).hasMessageContaining("it has no \"users\" array");
        assertThat(Files.readString(file)).isEqualTo("[]");
    }

    @Test
    void aFileCorruptedWhileServingLetsNobodyInUntilFixed() throws Exception {
        Accounts server = Accounts.open(userDir);
        String ana = server.add("ana", Identity.Role.ADMIN);
        Path file = userDir.resolve("auth.json");
        String good = Files.readString(file);
        Files.writeString(file, "not json");
        assertThat(server.authenticate(ana)).isEmpty();
        Files.writeString(file, good);
        assertThat(server.authenticate(ana)).isPresent();
    }
}
