import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile-upload benchmark's client: builds each attack workbook found in issue 11, sends them
 * anonymously as dry runs, CONCURRENCY at a time for SECONDS, while one reader fetches a dataset's
 * JSON and page in a loop. Prints per attack the answers by status and the longest answer time,
 * whether every answer was a 4xx problem, and the reads' percentiles during the attack.
 *
 * <p>Usage: {@code java HostileUpload.java BASE_URL DATASET CONCURRENCY SECONDS}
 */
public class HostileUpload {

    record Answer(String attack, int status, boolean problem, long millis) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String dataset = args[1];
        int concurrency = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Map<String, byte[]> attacks = attacks();
        attacks.forEach((name, bytes) -> System.out.printf("attack %-26s %,9d bytes%n", name, bytes.length));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI upload = URI.create(base + "/api/v1/datasets/" + dataset + "/dictionary?dryRun=true");
        List<URI> reads = List.of(URI.create(base + "/api/v1/datasets/" + dataset), URI.create(base + "/datasets/" + dataset));
        // Warm the reads and the client
        for (int i = 0; i < 20; i++) {
            for (URI read : reads) {
                client.send(HttpRequest.newBuilder(read).build(), HttpResponse.BodyHandlers.discarding());
            }
        }

        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicBoolean running = new AtomicBoolean(true);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        List<Long> readMicros = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> readStatus = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        List<String> names = new ArrayList<>(attacks.keySet());
        for (int t = 0; t < concurrency; t++) {
            int first = t;
            Thread thread = new Thread(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    String name = names.get(i % names.size());
                    answers.add(send(client, upload, name, attacks.get(name)));
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread reader = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                long start = System.nanoTime();
                try {
                    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(reads.get(i % reads.size()))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                    readStatus.merge(r.statusCode(), 1, Integer::sum);
                } catch (IOException | InterruptedException e) {
                    readStatus.merge(-1, 1, Integer::sum);
                }
                readMicros.add((System.nanoTime() - start) / 1000);
                sleep(20);
            }
        });
        reader.start();
        for (Thread thread : threads) {
            thread.join();
        }
        running.set(false);
        reader.join();

        System.out.println();
        System.out.printf("%-26s %8s %-24s %10s %10s%n", "attack", "answers", "statuses", "max ms", "problem+json");
        boolean allProblems = true;
        long worst = 0;
        for (String name : names) {
            List<Answer> mine = answers.stream().filter(a -> a.attack().equals(name)).toList();
            Map<Integer, Long> statuses = new TreeMap<>();
            mine.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
            long max = mine.stream().mapToLong(Answer::millis).max().orElse(0);
            boolean problems = mine.stream().allMatch(a -> a.problem() && a.status() >= 400 && a.status() < 500);
            allProblems &= problems;
            worst = Math.max(worst, max);
            System.out.printf("%-26s %8d %-24s %10d %10s%n", name, mine.size(), statuses, max, problems ? "all" : "NOT ALL");
        }
        List<Long> sorted = new ArrayList<>(readMicros);
        Collections.sort(sorted);
        System.out.println();
        System.out.printf("every answer a 4xx problem: %s; longest answer %d ms (target <= 2000)%n", allProblems ? "yes" : "NO", worst);
        System.out.printf("reads during the attack: %d (statuses %s), p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 100)%n",
                sorted.size(), new TreeMap<>(readStatus), pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 1.0));
    }

    static Answer send(HttpClient client, URI upload, String name, byte[] file) {
        String boundary = "hostile" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String fileName = name + (name.startsWith("xlsx") ? ".xlsx" : ".ods");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(upload).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            boolean problem = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            return new Answer(name, r.statusCode(), problem, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | InterruptedException e) {
            return new Answer(name, -1, false, (System.nanoTime() - start) / 1_000_000);
        }
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1000.0;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the attack files (issue 11)

    static Map<String, byte[]> attacks() throws IOException {
        Map<String, byte[]> attacks = new LinkedHashMap<>();
        attacks.put("ods-huge-exponent", ods(row(("<table:table-cell office:value-type=\"float\" office:value=\"1E1000000000\">"
                + "<text:p>1</text:p></table:table-cell>").repeat(2000))));
        attacks.put("ods-repeats", ods(("<table:table-row table:number-rows-repeated=\"1048576\">"
                + "<table:table-cell table:number-columns-repeated=\"1024\"/>"
                + "<table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
                + "</table:table-row>").repeat(50)));
        attacks.put("ods-80k-values-cell", ods(row(cell("Table Name") + cell("Variable Name") + cell("Variable Description")
                + cell("Values")) + row(cell("t") + cell("v") + cell("d") + cell("a = b" + "<text:s text:c=\"1000\"/>".repeat(80)
                + " / c = d")), "data_dictionary"));
        attacks.put("xlsx-merged-160000-rows", xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Table</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c></row>", "<mergeCells count=\"1\">"
                + "<mergeCell ref=\"A2:A160000\"/></mergeCells>", new byte[0]));
        attacks.put("xlsx-zip-bomb", xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Table</t></is></c></row>", "",
                new byte[30_000_000]));
        return attacks;
    }

    static String cell(String text) {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + text + "</text:p></table:table-cell>";
    }

    static String row(String cells) {
        return "<table:table-row>" + cells + "</table:table-row>";
    }

    static byte[] ods(String rows) throws IOException {
        return ods(rows, "Variables");
    }

    static byte[] ods(String rows, String sheet) throws IOException {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                + "<table:table table:name=\"" + sheet + "\">" + rows + "</table:table>"
                + "</office:spreadsheet></office:body></office:document-content>";
        return zip(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII),
                "content.xml", content.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] xlsx(String rows, String afterData, byte[] padding) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>").getBytes(StandardCharsets.UTF_8));
        entries.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        entries.put("xl/workbook.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + "<sheet name=\"Variables\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
        entries.put("xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        entries.put("xl/worksheets/sheet1.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>" + rows + "</sheetData>" + afterData + "</worksheet>").getBytes(StandardCharsets.UTF_8));
        if (padding.length > 0) {
            entries.put("xl/media/padding.bin", padding);
        }
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : (entries instanceof LinkedHashMap ? entries : new TreeMap<>(entries)).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
