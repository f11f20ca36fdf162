package com.arkloop.projects.benchmarks;

import com.arkloop.projects.domain.workspace.DirectoryIndex;
import com.arkloop.projects.domain.workspace.DirectoryPage;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listing a directory of a 100,000-entry manifest once its index is cached (the steady state of the
 * files endpoint), and building that index (the cost of the first request for a revision).
 * Layout: {@code /src/pkgNN/modMM/file_KKK.txt}, 100 x 10 x 100 files, plus a flat {@code /flat}
 * directory of 10,000 files where paging matters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DirectoryListingBenchmark {

    private static final Sha256 DIGEST = Sha256.of("x".getBytes(StandardCharsets.UTF_8));

    private Manifest manifest;
    private DirectoryIndex index;
    private String middleOfFlat;
    private final WorkspacePath root = WorkspacePath.ROOT;
    private final WorkspacePath leaf = WorkspacePath.parseDirectory("/src/pkg42/mod7");
    private final WorkspacePath flat = WorkspacePath.parseDirectory("/flat");
    private final WorkspacePath deepFile = WorkspacePath.parseFile("/src/pkg42/mod7/file_050.txt");

    @Setup
    public void buildManifest() {
        List<ManifestEntry> entries = new ArrayList<>(110_000);
        for (int p = 0; p < 90; p++) {
            for (int m = 0; m < 10; m++) {
                for (int f = 0; f < 100; f++) {
                    entries.add(file("/src/pkg%02d/mod%d/file_%03d.txt".formatted(p, m, f)));
                }
            }
        }
        for (int f = 0; f < 10_000; f++) {
            entries.add(file("/flat/item_%05d.bin".formatted(f)));
        }
        manifest = new Manifest(entries);
        index = DirectoryIndex.of(manifest);
        DirectoryPage firstHalf = index.list(flat, Optional.empty(), 5_000);
        middleOfFlat = firstHalf.nextCursor().orElseThrow();
    }

    private static ManifestEntry file(String path) {
        return ManifestEntry.file(WorkspacePath.parseFile(path), 1_024, DIGEST, 1_710_000_000_000L, 0644);
    }

    @Benchmark
    public DirectoryPage list_the_root() {
        return index.list(root, Optional.empty(), 1_000);
    }

    @Benchmark
    public DirectoryPage list_a_leaf_directory_of_100_files() {
        return index.list(leaf, Optional.empty(), 1_000);
    }

    @Benchmark
    public DirectoryPage list_a_page_of_100_from_the_middle_of_10000_files() {
        return index.list(flat, Optional.of(middleOfFlat), 100);
    }

    @Benchmark
    public Optional<ManifestEntry> look_up_one_file() {
        return index.lookupFile(deepFile);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 3, time = 2)
    public DirectoryIndex build_the_index_of_100000_entries() {
        return DirectoryIndex.of(manifest);
    }
}
