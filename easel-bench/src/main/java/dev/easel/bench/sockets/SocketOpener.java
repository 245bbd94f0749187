package dev.easel.bench.sockets;

import dev.easel.bench.client.PromptPoster;
import dev.easel.testkit.WsClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the idle-socket measurement, run as its own process so that its memory is
 * not counted as the server's: opens {@code n} sockets to {@code url}, prints {@code OPEN n},
 * holds them until its standard input closes, then closes them.
 */
public final class SocketOpener {
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        HttpClient http = PromptPoster.httpClient();
        Semaphore connecting = new Semaphore(64);
        List<CompletableFuture<WsClient>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connecting.acquire();
            String clientId = String.format("idle%06d", i);
            pending.add(WsClient.connectAsync(http, base, clientId, (message, at) -> { })
                    .whenComplete((socket, failure) -> connecting.release()));
        }
        List<WsClient> open = new ArrayList<>();
        for (CompletableFuture<WsClient> socket : pending) open.add(socket.get(60, TimeUnit.SECONDS));
        System.out.println("OPEN " + open.size());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in)).readLine();
        open.forEach(WsClient::close);
    }
}
