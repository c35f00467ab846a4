import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP load generator for the benchmarks (JDK only: run with {@code java bench/LoadGenerator.java}).
 *
 * <ul>
 *   <li>{@code fixed}: an open model. Request i is due at start + i / rate whatever happened before,
 *       and its latency is measured from when it was due, so a stalled server shows up in the
 *       percentiles instead of slowing the load down (no coordinated omission).</li>
 *   <li>{@code max}: a closed model. N connections send back to back; gives the throughput ceiling.</li>
 * </ul>
 * Several URLs are sent round-robin (a request mix). Traffic goes only to the URLs given (loopback
 * in our scripts), and every run is bounded in time and count.
 *
 * <p>Each run first sends the same load for 5 s unmeasured ({@code -Dwarmup=SECONDS}) to warm the client.
 *
 * <p>Usage: {@code java LoadGenerator.java fixed RATE SECONDS URL...} or
 * {@code java LoadGenerator.java max CONNECTIONS SECONDS URL...}. Prints one line of figures.
 */
public class LoadGenerator {

    private static final int MAX_REQUESTS = 2_000_000;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadGenerator fixed RATE SECONDS URL... | max CONNECTIONS SECONDS URL...");
            System.exit(2);
        }
        String mode = args[0];
        int amount = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<URI> urls = Arrays.stream(args, 3, args.length).map(URI::create).toList();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        // Warm the client's own JIT and connections first, so client start-up is not measured as latency.
        int warmup = Integer.parseInt(System.getProperty("warmup", "5"));
        if (warmup > 0) {
            if (mode.equals("fixed")) {
                fixedRate(client, urls, amount, warmup);
            } else {
                maxThroughput(client, urls, amount, warmup);
            }
        }
        Result result = switch (mode) {
            case "fixed" -> fixedRate(client, urls, amount, seconds);
            case "max" -> maxThroughput(client, urls, amount, seconds);
            default -> throw new IllegalArgumentException("mode must be fixed or max");
        };
        System.out.println(result.line(mode + (mode.equals("fixed") ? " " + amount + "/s" : " x" + amount)));
        System.exit(0);
    }

    static Result fixedRate(HttpClient client, List<URI> urls, int rate, int seconds) throws InterruptedException {
        int total = (int) Math.min((long) rate * seconds, MAX_REQUESTS);
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // Send every request that is due by now (catches up if the ticker was late).
            while (true) {
                int i = next.get();
                if (i >= total || start + i * intervalNanos > now) {
                    break;
                }
                next.incrementAndGet();
                long due = start + i * intervalNanos;
                HttpRequest request = HttpRequest.newBuilder(urls.get(i % urls.size()))
                        .timeout(Duration.ofSeconds(10)).GET().build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    latencies[i] = System.nanoTime() - due;
                    if (failure != null || response.statusCode() >= 400) {
                        errors.incrementAndGet();
                    }
                    if (response != null) {
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    done.countDown();
                });
            }
        }, 0, Math.max(1, intervalNanos / 4), TimeUnit.NANOSECONDS);
        boolean finished = done.await(seconds + 30L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        long elapsed = System.nanoTime() - start;
        int completed = (int) (total - done.getCount());
        if (!finished) {
            errors.addAndGet((int) done.getCount());
        }
        return new Result(completed, errors.get(), elapsed, Arrays.copyOf(latencies, completed), statuses);
    }

    static Result maxThroughput(HttpClient client, List<URI> urls, int connections, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> perThread = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong count = new AtomicLong();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            long[] samples = new long[MAX_REQUESTS / connections];
            perThread.add(samples);
            int offset = t;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < samples.length) {
                    HttpRequest request = HttpRequest.newBuilder(urls.get((n + offset) % urls.size()))
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                        statuses.computeIfAbsent(response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    samples[n++] = System.nanoTime() - sent;
                }
                samples[samples.length - 1] = n;
                count.addAndGet(n);
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        long[] all = new long[(int) count.get()];
        int k = 0;
        for (long[] samples : perThread) {
            int n = (int) samples[samples.length - 1];
            System.arraycopy(samples, 0, all, k, n);
            k += n;
        }
        return new Result(all.length, errors.get(), elapsed, all, statuses);
    }

    record Result(int requests, int errors, long elapsedNanos, long[] latencies, Map<Integer, AtomicInteger> statuses) {

        String line(String label) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("requests", String.valueOf(requests));
            figures.put("errors", String.valueOf(errors));
            figures.put("throughput_rps", String.format("%.0f", requests / (elapsedNanos / 1e9)));
            figures.put("p50_ms", ms(percentile(sorted, 0.50)));
            figures.put("p90_ms", ms(percentile(sorted, 0.90)));
            figures.put("p99_ms", ms(percentile(sorted, 0.99)));
            figures.put("max_ms", ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            figures.put("statuses", statuses.toString());
            StringBuilder out = new StringBuilder(label);
            figures.forEach((k, v) -> out.append("  ").append(k).append('=').append(v));
            return out.toString();
        }

        private static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        private static String ms(long nanos) {
            return String.format("%.2f", nanos / 1e6);
        }
    }
}
