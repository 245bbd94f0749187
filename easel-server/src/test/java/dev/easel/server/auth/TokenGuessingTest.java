package dev.easel.server.auth;

import dev.easel.server.ServerConfig;
import dev.easel.server.testkit.ServerTest;
import dev.easel.server.ws.ManualClock;
import dev.easel.testkit.Http;
import dev.easel.testkit.LogCapture;
import dev.easel.testkit.WsRecorder;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code --auth-max-failures 3}: an address that presented three wrong tokens is answered 429, unchecked, until one has come back. */
class TokenGuessingTest extends ServerTest {
    private static final String WRONG = Tokens.newToken();
    private final ManualClock clock = new ManualClock();
    private String ana;

    @Override
    protected ServerConfig configure(ServerConfig defaults) {
        ana = Accounts.open(defaults.folders().user()).add("ana", Identity.Role.USER);
        return defaults.withAuth(true).withGuessing(GuessLimit.of(3).withClock(clock::nanos));
    }

    private static void assertLockedOut(Http.Response response, String retryAfter) {
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo(retryAfter);
        assertThat(response.header("WWW-Authenticate")).isNull();
        assertThat(response.json()).isEqualTo(Http.json("{\"error\": {\"type\": \"too_many_failures\", \"message\": "
                + "\"Too many wrong API tokens from this address; try again in " + retryAfter + " s\", \"details\": "
                + "\"No token is checked for this address until then\", \"extra_info\": {}}, \"node_errors\": {}}"));
    }

    @Test
    void anAddressThatGuessedTooOftenIsRefusedEvenWithTheRightTokenUntilTheLimitLetsItThrough() throws Exception {
        try (LogCapture log = LogCapture.of(Lockouts.class.getName())) {
            for (int i = 0; i < 10; i++) assertThat(fx.http.get("/queue").status()).as("no token: nothing guessed").isEqualTo(401);
            assertThat(fx.http.withToken(WRONG).get("/queue").status()).isEqualTo(401);
            assertThat(fx.http.get("/history?token=" + WRONG).status()).isEqualTo(401);
            assertThat(fx.http.withToken(WRONG).post("/prompt", "{}").status()).isEqualTo(401);

            assertLockedOut(fx.http.withToken(ana).get("/queue"), "20");
            assertLockedOut(fx.http.get("/queue?token=" + WRONG), "20");
            Throwable upgrade = catchThrowable(() -> WsRecorder.connect(fx.port(), "token=" + ana));
            assertThat(upgrade).cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                    refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(429));
            assertThat(fx.http.get("/queue").status()).as("without a token it is a 401 as before").isEqualTo(401);
            assertThat(fx.http.from(InetAddress.getByName("127.0.0.2")).withToken(ana).get("/queue").status())
                    .as("another address").isEqualTo(200);

            clock.advance(Duration.ofSeconds(19));
            assertLockedOut(fx.http.withToken(ana).get("/queue"), "1");
            clock.advance(Duration.ofSeconds(1));
            assertThat(fx.http.withToken(ana).get("/queue").status()).isEqualTo(200);
            assertThat(fx.http.withToken(WRONG).get("/queue").status()).isEqualTo(401);
            assertLockedOut(fx.http.withToken(ana).get("/queue"), "20");

            clock.advance(GuessLimit.WINDOW);
            assertThat(fx.http.withToken(ana).get("/queue").status()).isEqualTo(200);
            assertThat(log.messages()).containsExactly(
                    "127.0.0.1 is locked out for 20 s: 3 wrong tokens within 60 s (--auth-max-failures); its requests "
                            + "with a token are answered 429 meanwhile",
                    "127.0.0.1 is locked out for 20 s: 3 wrong tokens within 60 s (--auth-max-failures); its requests "
                            + "with a token are answered 429 meanwhile");
        }
    }
}
