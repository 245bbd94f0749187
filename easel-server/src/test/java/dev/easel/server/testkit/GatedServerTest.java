package dev.easel.server.testkit;

import dev.easel.engine.node.NodeRegistry;
import org.junit.jupiter.api.AfterEach;

import java.util.concurrent.CountDownLatch;

/**
 * A {@link ServerTest} whose server also offers {@code TestGate}: a run holds there, {@link #entered}
 * counted down, until the test counts {@link #release} down. After each test the gate opens, so
 * the server can stop.
 */
public abstract class GatedServerTest extends ServerTest {
    protected final CountDownLatch entered = new CountDownLatch(1);
    protected final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected NodeRegistry registry() {
        return TestNodes.registry(TestNodes.gate(entered, release));
    }

    @AfterEach
    final void openGate() {
        release.countDown();
    }
}
