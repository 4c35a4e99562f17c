package org.jpasskeys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jpasskeys.it.ApiClient.Answer;
import org.jpasskeys.testing.SoftwareAuthenticator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Payara Micro nodes on loopback, one Hazelcast cluster, one PostgreSQL database holding the token signing
 * key ({@code passkeys.token.key-store=database}), no sticky sessions: for
 * each shared state store ({@code jcache}: Payara's grid; {@code database}), options issued by one node are
 * answered on the other, a rate limit counts the requests of both nodes, and of 16 copies of one assertion sent to
 * both nodes at once exactly one signs in;
 * with the database store, a token key rotated on node A is published by node B before it signs, and node B is
 * killed during a load while node A keeps serving, nothing confirmed lost.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "it.database", matches = "postgresql", disabledReason = "the nodes share a "
        + "database server (the suite's PostgreSQL run)")
@EnabledIfSystemProperty(named = "it.server", matches = "payara", disabledReason = "clustering as Payara Micro does it")
class ClusterIT {

    private static final String[] NODES = {"node-a", "node-b"};

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "node-a-jcache", managed = false, testable = false)
    @TargetsContainer("node-a")
    static WebArchive nodeAJCache() {
        return sampleWith("jcache");
    }

    @Deployment(name = "node-b-jcache", managed = false, testable = false)
    @TargetsContainer("node-b")
    static WebArchive nodeBJCache() {
        return sampleWith("jcache");
    }

    @Deployment(name = "node-a-database", managed = false, testable = false)
    @TargetsContainer("node-a")
    static WebArchive nodeADatabase() {
        return sampleWith("database");
    }

    @Deployment(name = "node-b-database", managed = false, testable = false)
    @TargetsContainer("node-b")
    static WebArchive nodeBDatabase() {
        return sampleWith("database");
    }

    @Test
    void everyNodeSignsAnyoneInAndAChallengeVerifiesOnceAcrossTheCluster() throws Exception {
        controller.start("node-a");
        boolean nodeBKilled = false;
        try {
            deployer.deploy("node-a-jcache");
            Answer alone = readiness(node("a", "jcache"));
            assertThat(alone.status()).as("alone, node A is not ready for traffic: " + alone.raw().body())
                    .isEqualTo(503);
            assertThat(alone.raw().body()).contains("waiting for 2 members, 1 joined");
            // Issued while node A is alone: node B's late join must not lose it.
            SoftwareAuthenticator.Registration early = new ApiClient(node("a", "jcache"))
                    .signUpAnswer(SoftwareAuthenticator.es256(), Deployments.uniqueUsername("early"));
            controller.start("node-b");
            for (String store : List.of("jcache", "database")) {
                for (String node : NODES) {
                    if (!(node.equals("node-a") && store.equals("jcache"))) {
                        deployer.deploy(node + "-" + store);
                    }
                }
                try {
                    awaitReady(store, node("a", store), node("b", store));
                    if (store.equals("jcache")) {
                        Answer late = new ApiClient(node("b", store)).post("verify-registration", early.json());
                        assertThat(late.status()).as("options from A alone, verified on B once it joined: "
                                + late.raw().body()).isEqualTo(201);
                    }
                    crossNodeCeremonies(store, node("a", store), node("b", store));
                    throughput(store, node("a", store), node("b", store));
                    if (store.equals("database")) {
                        keyRotatedOnAPublishedByB(node("a", store), node("b", store));
                        nodeBKilled = true;
                        nodeBKilledDuringLoad(node("a", store), node("b", store));
                    }
                } finally {
                    deployer.undeploy("node-a-" + store);
                    if (!nodeBKilled) {
                        deployer.undeploy("node-b-" + store);
                    }
                }
            }
        } finally {
            controller.stop("node-a");
            if (nodeBKilled) {
                controller.kill("node-b");
            } else {
                controller.stop("node-b");
            }
        }
    }

    /**
     * Sign-ups and sign-ins on both nodes while node B is killed ({@code kill -9}): node A answers every request
     * without a server error, and every account either node confirmed signs in afterwards.
     */
    private void nodeBKilledDuringLoad(URL nodeA, URL nodeB) throws Exception {
        Instant end = Instant.now().plusSeconds(8);
        ConcurrentLinkedQueue<SoftwareAuthenticator> registered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> serverErrorsOnA = new ConcurrentLinkedQueue<>();
        AtomicInteger answeredByAAfterTheKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            workers.add(load.submit(() -> {
                for (int i = 0; Instant.now().isBefore(end); i++) {
                    boolean onA = (worker + i) % 2 == 0;
                    ApiClient client = new ApiClient(onA ? nodeA : nodeB);
                    SoftwareAuthenticator key = SoftwareAuthenticator.es256();
                    try {
                        Answer signUp = client.signUp(key, Deployments.uniqueUsername("load"));
                        if (signUp.status() == 201) {
                            registered.add(key);
                        }
                        Answer signIn = client.signIn(key);
                        for (Answer answer : List.of(signUp, signIn)) {
                            if (onA && answer.status() >= 500) {
                                serverErrorsOnA.add(answer.status() + " " + answer.raw().body());
                            }
                        }
                        if (onA && killed.get()) {
                            answeredByAAfterTheKill.incrementAndGet();
                        }
                    } catch (RuntimeException | AssertionError e) {
                        if (onA) {
                            serverErrorsOnA.add(e.toString());
                        }
                        // On B: the node is gone, as requests in flight to a crashed node are.
                    }
                }
                return null;
            }));
        }
        Thread.sleep(3_000);
        ProcessHandle nodeBProcess = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains("node-b-home"))
                .findFirst().orElseThrow(() -> new AssertionError("node B's process is not to be found"));
        nodeBProcess.destroyForcibly();
        killed.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        load.shutdown();

        assertThat(serverErrorsOnA).as("node A's answers while B was killed").isEmpty();
        assertThat(answeredByAAfterTheKill).as("node A kept serving").hasPositiveValue();
        for (SoftwareAuthenticator key : registered) {
            assertThat(new ApiClient(nodeA).signIn(key).status()).as("a confirmed registration is kept").isEqualTo(200);
        }
        System.out.printf("cluster: node B killed during load; %d registrations confirmed, all sign in on A%n",
                registered.size());
    }

    /**
     * An administrator rotates the token signing key on node A: node B publishes the new key within its refresh
     * interval (2 s here), before any node signs with it; from then on A's tokens carry it and B accepts them, and
     * tokens of the previous key still work.
     */
    private void keyRotatedOnAPublishedByB(URL nodeA, URL nodeB) throws Exception {
        OpsAdmin.enrolOnce(nodeA);
        ApiClient admin = new ApiClient(nodeA);
        assertThat(admin.signIn(OpsAdmin.key()).status()).isEqualTo(200);
        SoftwareAuthenticator key = SoftwareAuthenticator.es256();
        assertThat(new ApiClient(nodeA).signUp(key, Deployments.uniqueUsername("rotation")).status()).isEqualTo(201);
        String before = new ApiClient(nodeA).signIn(key).json().getString("accessToken");

        Answer rotated = admin.post("admin/token-keys", JsonValue.EMPTY_JSON_OBJECT);

        assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(201);
        String kid = rotated.json().getString("kid");
        Instant signsFrom = Instant.parse(rotated.json().getString("signsFrom"));
        Instant deadline = Instant.now().plusSeconds(10);
        while (!new ApiClient(nodeB).get(".well-known/jwks.json", null).raw().body().contains(kid)) {
            assertThat(Instant.now()).as("B publishes the new key").isBefore(deadline);
            Thread.sleep(200);
        }
        assertThat(Instant.now()).as("published by B before any node signs with it").isBefore(signsFrom);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), signsFrom).toMillis()) + 500);

        String after = new ApiClient(nodeA).signIn(key).json().getString("accessToken");
        assertThat(new String(Base64.getUrlDecoder().decode(after.split("\\.")[0]), StandardCharsets.UTF_8))
                .as("A signs with the new key").contains("\"kid\":\"" + kid + "\"");
        assertThat(new ApiClient(nodeB).get("protected", after).status()).as("B accepts it").isEqualTo(200);
        assertThat(new ApiClient(nodeB).get("protected", before).status()).as("the previous key's token, until it "
                + "expires").isEqualTo(200);
        System.out.printf("cluster: token key %s rotated on A, published by B before it signed (from %s)%n", kid,
                signsFrom);
    }

    private void crossNodeCeremonies(String store, URL nodeA, URL nodeB) throws Exception {
        ApiClient a = new ApiClient(nodeA);
        ApiClient b = new ApiClient(nodeB);
        SoftwareAuthenticator key = SoftwareAuthenticator.es256();
        String username = Deployments.uniqueUsername("cluster-" + store);

        Answer ready = a.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + nodeA.getPort() + "/health/ready")).GET());
        assertThat(OperationsIT.check(ready, "jpasskeys").getJsonObject("data").getString("stateStore"))
                .as(ready.raw().body()).isEqualTo(store);

        Answer signUp = a.post("verify-registration", b.signUpAnswer(key, username).json());
        assertThat(signUp.status()).as(store + ": sign-up options from B, verified on A: " + signUp.raw().body())
                .isEqualTo(201);

        Answer signIn = b.post("verify-authentication", a.signInAnswer(key).json());
        assertThat(signIn.status()).as(store + ": options from A, verified on B: " + signIn.raw().body())
                .isEqualTo(200);
        assertThat(new ApiClient(nodeA).get("protected", signIn.json().getString("accessToken")).status())
                .as(store + ": B's token on A (one signing key in the database)").isEqualTo(200);
        assertThat(a.get(".well-known/jwks.json", null).raw().body()).as("one JWKS")
                .isEqualTo(b.get(".well-known/jwks.json", null).raw().body());

        // What the store costs a sign-in on the cluster: options from A, verification on B, one after another.
        long[] nanos = new long[30];
        for (int i = 0; i < nanos.length; i++) {
            long begin = System.nanoTime();
            assertThat(b.post("verify-authentication", a.signInAnswer(key).json()).status()).isEqualTo(200);
            nanos[i] = System.nanoTime() - begin;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("cluster, %s store: a cross-node sign-in (options + verification) p50 %.1f ms, max %.1f ms%n",
                store, nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);

        // The per-username limit (5 a minute) counts across the cluster: the requests alternate between the nodes.
        JsonObject someone = Json.createObjectBuilder().add("username", Deployments.uniqueUsername("limited")).build();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add((i % 2 == 0 ? a : b).post("generate-authentication", someone).status());
        }
        assertThat(statuses).as(store + ": 5 a minute per username, whichever node answers")
                .containsExactly(200, 200, 200, 200, 200, 429);

        JsonObject assertion = a.signInAnswer(key).json();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            URL target = i % 2 == 0 ? nodeA : nodeB;
            answers.add(pool.submit(() -> {
                start.await();
                return new ApiClient(target).post("verify-authentication", assertion);
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            Answer answered = answer.get();
            outcomes.add(answered.status() == 200 ? "signed in" : answered.code());
        }
        pool.shutdown();
        assertThat(outcomes).as(store + ": 16 copies, 8 to each node").containsOnly("signed in", "challenge_not_found")
                .filteredOn("signed in"::equals).hasSize(1);
    }

    /**
     * Sign-ins per second (options and verification, 8 in flight) of the two nodes, each request to the next node
     * in turn as a load balancer without stickiness sends them, against node A alone, in alternating rounds. Both
     * nodes share this machine's cores, so the figure shows what the shared store costs, not how a cluster of
     * machines scales.
     */
    private void throughput(String store, URL nodeA, URL nodeB) throws Exception {
        List<SoftwareAuthenticator> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SoftwareAuthenticator key = SoftwareAuthenticator.es256();
            assertThat(new ApiClient(nodeA).signUp(key, Deployments.uniqueUsername("rate")).status()).isEqualTo(201);
            keys.add(key);
        }
        signInsPerSecond(keys, List.of(nodeA, nodeB), Duration.ofSeconds(3)); // warm-up
        double[] alone = new double[2];
        double[] both = new double[2];
        for (int round = 0; round < 2; round++) {
            alone[round] = signInsPerSecond(keys, List.of(nodeA), Duration.ofSeconds(5));
            both[round] = signInsPerSecond(keys, List.of(nodeA, nodeB), Duration.ofSeconds(5));
        }
        double aloneMean = (alone[0] + alone[1]) / 2;
        double bothMean = (both[0] + both[1]) / 2;
        System.out.printf(Locale.ROOT, "cluster, %s store: sign-ins/s at 8 in flight: two nodes %.0f (%.0f, %.0f), node A "
                + "alone %.0f (%.0f, %.0f): %.2f x (both nodes on this machine's 2 cores)%n", store, bothMean, both[0],
                both[1], aloneMean, alone[0], alone[1], bothMean / aloneMean);
        assertThat(bothMean).as("the cluster signs people in").isPositive();
    }

    private static double signInsPerSecond(List<SoftwareAuthenticator> keys, List<URL> nodes, Duration duration)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger signedIn = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Instant end = Instant.now().plus(duration);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            running.add(clients.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    int n = next.getAndIncrement();
                    SoftwareAuthenticator key = keys.get(n % keys.size());
                    ApiClient options = new ApiClient(nodes.get(n % nodes.size()));
                    ApiClient verification = new ApiClient(nodes.get((n + 1) % nodes.size()));
                    Answer answer = verification.post("verify-authentication", options.signInAnswer(key).json());
                    if (answer.status() == 200) {
                        signedIn.incrementAndGet();
                    } else {
                        failures.add(answer.status() + " " + answer.raw().body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        assertThat(failures).as("sign-ins under load").isEmpty();
        return signedIn.get() / (double) duration.toSeconds();
    }

    /** The sample with {@code passkeys.state.store} set in its own configuration. */
    /** Both nodes ready, with both members in the grid for the jcache store: only then does a balancer send traffic. */
    private static void awaitReady(String store, URL... nodes) throws InterruptedException {
        for (URL node : nodes) {
            Instant deadline = Instant.now().plusSeconds(120);
            Answer ready = readiness(node);
            while (ready.status() != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                ready = readiness(node);
            }
            assertThat(ready.status()).as(store + ": " + node + " ready: " + ready.raw().body()).isEqualTo(200);
            if (store.equals("jcache")) {
                assertThat(OperationsIT.check(ready, "jpasskeys").getJsonObject("data").getString("clusterMembers"))
                        .isEqualTo("2");
            }
        }
    }

    private static Answer readiness(URL node) {
        return new ApiClient(node).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + node.getPort() + "/health/ready")).GET());
    }

    private static WebArchive sampleWith(String store) {
        return Deployments.sampleWith("jpasskeys-" + store, "passkeys.state.store=" + store);
    }

    private static URL node(String name, String store) {
        try {
            return new URL("http://localhost:" + System.getProperty("it.node-" + name + ".port") + "/jpasskeys-" + store
                    + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
