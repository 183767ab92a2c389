package dev.miglint.bench;

import dev.miglint.rules.Analysis;
import dev.miglint.rules.Analyzer;
import dev.miglint.sql.JSqlEnricher;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.Statement;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Throughput and memory of the analyser over the {@code .sql} files of the corpus. Prints numbers,
 * asserts nothing. Run it in a fresh JVM so that the cold pass means something:
 *
 * <pre>
 * mvn -B -q -o package -DskipTests
 * java -cp server/target/miglint.jar:bench/target/classes dev.miglint.bench.Benchmark ../shared/corpus
 * java -cp server/target/miglint.jar:bench/target/classes dev.miglint.bench.Benchmark --jsqlparser ../shared/corpus
 * java -Xmx256m -cp … dev.miglint.bench.Benchmark ../shared/corpus     # confirms the heap bound
 * </pre>
 */
public final class Benchmark {

    private static final int WARMUP_PASSES = 5;
    private static final int TIMED_PASSES = 11;

    /** One corpus file held in memory, so that disk I/O stays out of the timings. */
    record Source(Path path, String text, long utf8Bytes) {
    }

    /** Keeps results reachable so the JIT cannot drop the work. */
    private static volatile long sink;

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        boolean jsqlparser = Arrays.asList(args).contains("--jsqlparser");
        Path root = Path.of(Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst()
                .orElse("../shared/corpus"));
        List<Source> corpus = load(root);
        long bytes = corpus.stream().mapToLong(Source::utf8Bytes).sum();
        System.out.printf(Locale.ROOT, "corpus %s: %d .sql files, %.2f MB (UTF-8)%n", root.toAbsolutePath().normalize(),
                corpus.size(), bytes / 1e6);
        if (jsqlparser) {
            measureJSqlParser(corpus);
        } else {
            measureAnalyzer(corpus, bytes);
            measurePeakHeap(root.resolve("big"));
        }
    }

    // ---------------------------------------------------------------- loading

    static List<Source> load(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".sql")).sorted().toList();
        }
        List<Source> sources = new ArrayList<>();
        int skipped = 0;
        for (Path p : paths) {
            String text = readUtf8(p);
            if (text == null) {
                skipped++;
                continue;
            }
            sources.add(new Source(p, text, text.getBytes(StandardCharsets.UTF_8).length));
        }
        if (skipped > 0) {
            System.out.printf("skipped %d files that are not UTF-8 (the CLI reports them as unreadable-file)%n", skipped);
        }
        return sources;
    }

    /** Strict UTF-8 with the BOM dropped, as the CLI reads; null when the bytes are not UTF-8. */
    private static String readUtf8(Path p) throws IOException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(p))).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- analyser throughput

    private static void measureAnalyzer(List<Source> corpus, long bytes) {
        Analyzer analyzer = Analyzer.withAllRules();
        long start = System.nanoTime();
        long statements = pass(analyzer, corpus);
        long cold = System.nanoTime() - start;
        System.out.printf("statements: %d (top level, DO-block bodies not counted)%n", statements);
        report("cold (1st pass, fresh JVM)", cold, bytes, statements);

        for (int i = 0; i < WARMUP_PASSES; i++) {
            pass(analyzer, corpus);
        }
        long[] times = new long[TIMED_PASSES];
        for (int i = 0; i < TIMED_PASSES; i++) {
            long t = System.nanoTime();
            pass(analyzer, corpus);
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        report("warm (median of " + TIMED_PASSES + " after " + WARMUP_PASSES + " warm-up)", times[TIMED_PASSES / 2],
                bytes, statements);
        System.out.printf(Locale.ROOT, "  warm passes min/max: %.1f / %.1f ms%n", times[0] / 1e6,
                times[TIMED_PASSES - 1] / 1e6);
    }

    /** Analyses every file once; returns the number of statements. */
    private static long pass(Analyzer analyzer, List<Source> corpus) {
        long statements = 0;
        long findings = 0;
        for (Source s : corpus) {
            Analysis a = analyzer.analyze(s.text());
            statements += a.file().statements().size();
            findings += a.findings().size();
        }
        sink += findings;
        return statements;
    }

    private static void report(String label, long nanos, long bytes, long statements) {
        double seconds = nanos / 1e9;
        System.out.printf(Locale.ROOT, "%-44s %8.1f ms  %7.2f MB/s  %10.0f statements/s%n", label, nanos / 1e6,
                bytes / 1e6 / seconds, statements / seconds);
    }

    // ---------------------------------------------------------------- memory

    private static void measurePeakHeap(Path big) throws IOException {
        if (!Files.isDirectory(big)) {
            System.out.println("no " + big + ": peak heap not measured");
            return;
        }
        Source largest = load(big).stream().max(Comparator.comparingLong(Source::utf8Bytes)).orElseThrow();
        Analyzer analyzer = Analyzer.withAllRules();
        analyzer.analyze(largest.text());   // classes loaded and code compiled before we measure

        long baseline = settledHeapUsed();
        resetPeaks();
        long allocatedBefore = threadAllocatedBytes();
        Analysis analysis = analyzer.analyze(largest.text());
        long allocated = threadAllocatedBytes() - allocatedBefore;
        long peak = heapPeakSum();
        long retained = settledHeapUsed() - baseline;
        sink += analysis.findings().size();

        System.out.printf(Locale.ROOT, "peak heap on %s (%.0f KB, %d statements):%n", largest.path(),
                largest.utf8Bytes() / 1e3, analysis.file().statements().size());
        System.out.printf(Locale.ROOT, "  heap used before (after GC):          %7.1f MB%n", baseline / 1e6);
        System.out.printf(Locale.ROOT, "  peak used while analysing (pool sum): %7.1f MB (+%.1f MB over baseline;"
                + " an upper bound: eden peaks include garbage)%n", peak / 1e6, (peak - baseline) / 1e6);
        System.out.printf(Locale.ROOT, "  allocated by the analysis:            %7.1f MB%n", allocated / 1e6);
        System.out.printf(Locale.ROOT, "  retained by the Analysis (after GC):  %7.1f MB (text itself: %.1f MB)%n",
                retained / 1e6, largest.text().length() * (isLatin1(largest.text()) ? 1 : 2) / 1e6);
        System.out.println("  confirm the bound: java -Xmx256m -cp server/target/miglint.jar:bench/target/classes "
                + "dev.miglint.bench.Benchmark <corpus> must finish without OutOfMemoryError");
        Reference.reachabilityFence(analysis);   // keeps it live across the retained-size measurement
    }

    /** Used heap after the collector has had its say; a few rounds because one GC may not finish. */
    private static long settledHeapUsed() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeakSum() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long threadAllocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot) {
            return hotspot.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    private static boolean isLatin1(String s) {
        return s.chars().allMatch(c -> c < 256);
    }

    // ---------------------------------------------------------------- JSqlParser

    private static void measureJSqlParser(List<Source> corpus) {
        List<Statement> statements = new ArrayList<>();
        for (Source s : corpus) {
            statements.addAll(SqlFile.parse(s.text()).statements());
        }
        long start = System.nanoTime();
        int parsed = parseAll(statements);
        long cold = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "JSqlParser: %d of %d statements parse (%.1f%%)%n", parsed, statements.size(),
                100.0 * parsed / statements.size());
        System.out.printf(Locale.ROOT, "  cold pass: %.0f ms, %.1f µs/statement%n", cold / 1e6,
                cold / 1e3 / statements.size());
        int warmups = 2;
        int timed = 3;
        for (int i = 0; i < warmups; i++) {
            parseAll(statements);
        }
        long[] times = new long[timed];
        for (int i = 0; i < timed; i++) {
            long t = System.nanoTime();
            parseAll(statements);
            times[i] = System.nanoTime() - t;
        }
        Arrays.sort(times);
        long median = times[timed / 2];
        System.out.printf(Locale.ROOT, "  warm (median of %d after %d warm-up): %.0f ms, %.1f µs/statement%n", timed,
                warmups, median / 1e6, median / 1e3 / statements.size());
        slowest(statements);
    }

    private static int parseAll(List<Statement> statements) {
        int parsed = 0;
        for (Statement s : statements) {
            if (JSqlEnricher.parse(s).isPresent()) {
                parsed++;
            }
        }
        sink += parsed;
        return parsed;
    }

    /** The statements that cost most, since a few (timeouts at 200 ms) can dominate a pass. */
    private static void slowest(List<Statement> statements) {
        record Timed(Statement statement, long nanos) {
        }
        List<Timed> timings = new ArrayList<>();
        for (Statement s : statements) {
            long t = System.nanoTime();
            JSqlEnricher.parse(s);
            timings.add(new Timed(s, System.nanoTime() - t));
        }
        timings.sort(Comparator.comparingLong(Timed::nanos).reversed());
        long total = timings.stream().mapToLong(Timed::nanos).sum();
        long top = timings.stream().limit(10).mapToLong(Timed::nanos).sum();
        System.out.printf(Locale.ROOT, "  10 slowest statements take %.0f%% of a pass; slowest %.1f ms: %s%n",
                100.0 * top / total, timings.get(0).nanos() / 1e6, preview(timings.get(0).statement()));
    }

    private static String preview(Statement s) {
        String text = s.text().replaceAll("\\s+", " ");
        return text.length() > 70 ? text.substring(0, 70) + "…" : text;
    }
}
