package org.datafirst.linkage.crossjustice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.datafirst.linkage.io.ModelJson;

/**
 * Runs named stages in order and remembers, in {@code <out>/pipeline-state.json}, the SHA-256 of each
 * finished stage's inputs (file contents, settings, options and the hashes of the stages it reads). A stage
 * whose input hash is unchanged and whose outputs are all still there is skipped; any other stage runs. A
 * stage's record is removed before it starts and written (atomically) only when it has finished, so after a
 * failure the next run resumes at the stage that failed.
 */
public final class StageRunner {

    public static final String STATE_FILE = "pipeline-state.json";
    static final String FORMAT = "datafirst-linkage-pipeline-state/1";

    /** What happened to a stage in this run. */
    public record Outcome(String stage, String inputHash, boolean skipped, double seconds) {}

    private final Path stateFile;
    private final boolean force;
    private final Consumer<String> log;
    private final ObjectNode state;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final Map<Path, String> fileHashes = new HashMap<>();

    public StageRunner(Path out, boolean force, Consumer<String> log) {
        this.stateFile = out.resolve(STATE_FILE);
        this.force = force;
        this.log = log;
        this.state = readState(stateFile);
    }

    public Map<String, Outcome> outcomes() {
        return outcomes;
    }

    /** Runs {@code body} unless a finished run of the stage had the same input hash and its outputs still exist. */
    public Outcome run(String stage, String inputHash, List<Path> outputs, Runnable body) {
        JsonNode previous = state.path("stages").path(stage);
        boolean same = !force
                && inputHash.equals(previous.path("input_sha256").asText(null))
                && outputs.stream().allMatch(Files::exists);
        if (same) {
            Outcome o = new Outcome(stage, inputHash, true, 0);
            outcomes.put(stage, o);
            log.accept(stage + ": unchanged, skipped");
            return o;
        }
        ((ObjectNode) state.with("stages")).remove(stage);
        writeState();
        long t0 = System.nanoTime();
        body.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        ObjectNode rec = state.with("stages").putObject(stage);
        rec.put("input_sha256", inputHash);
        rec.put("finished", Instant.now().toString());
        rec.put("seconds", Math.round(seconds * 1000) / 1000.0);
        Path base = stateFile.toAbsolutePath().normalize().getParent();
        outputs.forEach(p -> rec.withArray("outputs")
                .add(base.relativize(p.toAbsolutePath().normalize()).toString()));
        writeState();
        Outcome o = new Outcome(stage, inputHash, false, seconds);
        outcomes.put(stage, o);
        log.accept(String.format(java.util.Locale.ROOT, "%s: done in %.1f s", stage, seconds));
        return o;
    }

    /** The input hash of a finished stage in this run (for the stages that read its outputs). */
    public String hashOf(String stage) {
        Outcome o = outcomes.get(stage);
        if (o == null) {
            throw new IllegalStateException("stage " + stage + " has not run yet");
        }
        return o.inputHash();
    }

    /** SHA-256 of the parts, each a string or a file (hashed by content, once per run). */
    public String hash(Object... parts) {
        MessageDigest md = sha256();
        for (Object part : parts) {
            String s = part instanceof Path p ? "file:" + fileHash(p) : String.valueOf(part);
            md.update(s.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0x1f);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A file's content hash; a folder (Spark's parts of one output on a cluster) hashes its files' names and contents. */
    String fileHash(Path file) {
        return fileHashes.computeIfAbsent(file.toAbsolutePath().normalize(), p -> {
            MessageDigest md = sha256();
            try {
                if (Files.isDirectory(p)) {
                    try (var files = Files.walk(p)) {
                        for (Path f :
                                files.filter(Files::isRegularFile).sorted().toList()) {
                            md.update(p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            md.update((byte) 0);
                            digest(f, md);
                        }
                    }
                } else {
                    digest(p, md);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return HexFormat.of().formatHex(md.digest());
        });
    }

    private static void digest(Path file, MessageDigest md) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode readState(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                JsonNode n = ModelJson.MAPPER.readTree(Files.readString(file));
                if (n.isObject() && FORMAT.equals(n.path("format").asText())) {
                    return (ObjectNode) n;
                }
            }
        } catch (IOException e) {
            // an unreadable state only means nothing can be skipped
        }
        ObjectNode s = ModelJson.MAPPER.createObjectNode();
        s.put("format", FORMAT);
        s.putObject("stages");
        return s;
    }

    private void writeState() {
        try {
            Path tmp = stateFile.resolveSibling(STATE_FILE + ".tmp");
            ModelJson.MAPPER.writeValue(tmp.toFile(), state);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile + ": " + e.getMessage(), e);
        }
    }
}
