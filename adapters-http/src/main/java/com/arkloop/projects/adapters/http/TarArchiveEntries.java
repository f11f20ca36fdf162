package com.arkloop.projects.adapters.http;

import com.arkloop.projects.application.workspace.ArchiveEntries;
import com.arkloop.projects.application.workspace.ArchiveEntry;
import com.arkloop.projects.application.workspace.ArchiveEntryType;
import com.arkloop.projects.application.workspace.PublishRevision;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries of a tar archive, optionally gzip-compressed, read from a request body as it streams
 * in: the adapter between a snapshot upload and {@code WorkspaceChange.ReplaceAll}. Parsing is
 * commons-compress's; this class maps entry types, passes each file's bytes through without
 * buffering them, and bounds what a hostile archive can make the server read or hold:
 * <ul>
 *   <li>gzip is recognised by its magic bytes, whatever the {@code Content-Type} says;</li>
 *   <li>the compressed body and the tar stream it decompresses to are each capped at
 *       {@link #maxTarBytes} (the use case's file-byte cap plus room for headers and padding), so a
 *       gzip bomb, a stream of empty gzip members or junk between entries ends early;</li>
 *   <li>the headers of one entry (long names, PAX records), which the parser holds in memory, are
 *       capped at {@value #MAX_HEADER_BYTES} bytes;</li>
 *   <li>the archive must end with its end-of-archive record, so a body cut short at an entry boundary
 *       is refused rather than published as a smaller workspace; what follows the end (padding) is read
 *       and dropped, which also checks the gzip trailer's CRC before anything is published.</li>
 * </ul>
 * Nothing is read before the first {@link #next()}, so the use case checks access first. Every
 * problem is {@code workspaces.invalid_archive} with {@code details.reason} and, when known,
 * {@code details.entry}; the parser's own messages go to the log only.
 */
final class TarArchiveEntries implements ArchiveEntries {

    static final int MAX_HEADER_BYTES = 1024 * 1024;
    /** A header record, at most a record of padding, and a PAX or long-name record for every entry. */
    private static final long OVERHEAD_PER_ENTRY = 4 * 512;
    /** The end-of-archive records and the rest of the last 10 KiB block, with room to spare. */
    private static final long OVERHEAD_PER_ARCHIVE = 64 * 1024;
    private static final int RECORD = 512;
    private static final int BUFFER = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(TarArchiveEntries.class);

    private final InputStream body;
    private final long declaredLength;
    private final long maxBytes;
    private Counted tarBytes;
    private TarArchiveInputStream tar;
    private String currentName;
    private boolean ended;

    /**
     * @param body           the request body, not read until the first {@link #next()}
     * @param declaredLength its {@code Content-Length}, or -1 when unknown; above {@code maxBytes} the
     *                       archive is refused before anything is read
     * @param maxBytes       the cap on the compressed body and on the tar stream, each
     */
    TarArchiveEntries(InputStream body, long declaredLength, long maxBytes) {
        this.body = body;
        this.declaredLength = declaredLength;
        this.maxBytes = maxBytes;
    }

    /** How many bytes of tar (and of compressed body) an archive within the use case's caps can take. */
    static long maxTarBytes(PublishRevision.Limits limits) {
        long overhead = limits.maxArchiveEntries() * OVERHEAD_PER_ENTRY + OVERHEAD_PER_ARCHIVE;
        return limits.maxArchiveBytes() > Long.MAX_VALUE - overhead ? Long.MAX_VALUE : limits.maxArchiveBytes() + overhead;
    }

    @Override
    public Optional<ArchiveEntry> next() {
        if (ended) {
            return Optional.empty();
        }
        try {
            if (tar == null) {
                open();
            } else {
                finishCurrent();
            }
            tarBytes.startHeaders();
            TarArchiveEntry entry;
            try {
                entry = tar.getNextEntry();
            } finally {
                tarBytes.endHeaders();
            }
            if (entry == null) {
                ended = true;
                if (!tarBytes.sawZeroRecord) {
                    throw invalid(Optional.empty(), "the archive ends without its end-of-archive record: it is truncated");
                }
                drainRest();
                return Optional.empty();
            }
            currentName = entry.getName();
            return Optional.of(toArchiveEntry(entry));
        } catch (DomainException refused) {
            ended = true;
            throw refused;
        } catch (IOException | RuntimeException corrupt) {
            ended = true;
            LOG.debug("unreadable archive after {}", currentName, corrupt);
            throw invalid(Optional.empty(), currentName == null ? "the body is not a valid tar or gzip-compressed tar archive"
                    : "the archive is corrupt after the entry " + WorkspaceErrors.shownEntryName(currentName));
        }
    }

    private void open() throws IOException {
        if (declaredLength > maxBytes) {
            throw invalid(Optional.empty(), "the archive is larger than " + maxBytes + " bytes");
        }
        BufferedInputStream raw = new BufferedInputStream(new Counted(body, maxBytes, "the archive is larger than " + maxBytes + " bytes"), BUFFER);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        if (first < 0) {
            throw invalid(Optional.empty(), "the body is empty; an empty tar archive is two records of zeros");
        }
        InputStream tarStream = raw;
        if (first == 0x1f && second == 0x8b) {
            tarStream = GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
        }
        tarBytes = new Counted(tarStream, maxBytes, "the archive is larger than " + maxBytes + " bytes uncompressed");
        tar = new TarArchiveInputStream(tarBytes, "UTF-8");
    }

    /** Reads what the use case left of the current entry (nothing, for a file it stored). */
    private void finishCurrent() throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (tar.read(buffer) >= 0) {
            // dropped, but counted against the cap
        }
    }

    /** Reads what follows the end-of-archive record (padding), through the caps, to the end of the body. */
    private void drainRest() throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (tarBytes.read(buffer) >= 0) {
            // dropped, but counted against the cap
        }
    }

    private ArchiveEntry toArchiveEntry(TarArchiveEntry entry) {
        String name = entry.getName();
        int mode = entry.getMode();
        FileTime modified = entry.getLastModifiedTime();
        long mtime = modified == null ? 0 : modified.toMillis();
        ArchiveEntryType type = typeOf(entry);
        return switch (type) {
            case FILE -> ArchiveEntry.file(name, entry.getSize(), mode, mtime, new EntryContent(name));
            case DIRECTORY -> ArchiveEntry.directory(name, mode, mtime);
            case SYMLINK -> ArchiveEntry.symlink(name, entry.getLinkName(), mode, mtime);
            case HARDLINK -> ArchiveEntry.hardlink(name, entry.getLinkName(), mode, mtime);
            case DEVICE, FIFO, OTHER -> ArchiveEntry.special(name, type, mode, mtime);
        };
    }

    static ArchiveEntryType typeOf(TarArchiveEntry entry) {
        if (entry.isSparse()) {
            return ArchiveEntryType.OTHER;
        }
        if (entry.isSymbolicLink()) {
            return ArchiveEntryType.SYMLINK;
        }
        if (entry.isLink()) {
            return ArchiveEntryType.HARDLINK;
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            return ArchiveEntryType.DEVICE;
        }
        if (entry.isFIFO()) {
            return ArchiveEntryType.FIFO;
        }
        if (entry.isDirectory()) {
            return ArchiveEntryType.DIRECTORY;
        }
        if (entry.isFile() || entry.getLinkFlag() == TarConstants.LF_CONTIG) {
            return ArchiveEntryType.FILE;
        }
        return ArchiveEntryType.OTHER;
    }

    /** A file's bytes, read from the archive; a read that fails means the archive is cut short or corrupt there. */
    private final class EntryContent extends InputStream {

        private final String name;

        EntryContent(String name) {
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                return tar.read(buffer, offset, length);
            } catch (IOException | RuntimeException broken) {
                if (broken instanceof DomainException refused) {
                    throw refused;
                }
                LOG.debug("unreadable content of archive entry {}", name, broken);
                throw invalid(Optional.of(name), "the archive ends, or is corrupt, inside this entry's content");
            }
        }
    }

    /**
     * Counts the bytes read through it and refuses to read past a cap. While the parser reads headers,
     * it also caps their size and notes whether a whole record of zeros (the end-of-archive record)
     * went by: records are 512 bytes from the start of the tar stream.
     */
    private static final class Counted extends FilterInputStream {

        private final long max;
        private final String tooLarge;
        private long count;
        private boolean inHeaders;
        private long headerBytes;
        private boolean recordStartedInHeaders;
        private boolean recordAllZero;
        boolean sawZeroRecord;

        Counted(InputStream in, long max, String tooLarge) {
            super(in);
            this.max = max;
            this.tooLarge = tooLarge;
        }

        void startHeaders() {
            inHeaders = true;
            headerBytes = 0;
            sawZeroRecord = false;
        }

        void endHeaders() {
            inHeaders = false;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read <= 0) {
                return read;
            }
            if (inHeaders) {
                for (int i = 0; i < read; i++) {
                    track(count + i, buffer[offset + i]);
                }
                headerBytes += read;
            } else {
                // Headers are read whole records at a time, so no record begun here ends among headers.
                recordStartedInHeaders = false;
            }
            count += read;
            if (count > max) {
                throw invalid(Optional.empty(), tooLarge);
            }
            if (headerBytes > MAX_HEADER_BYTES) {
                throw invalid(Optional.empty(), "the archive has an entry whose headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            return read;
        }

        private void track(long position, byte b) {
            if (position % RECORD == 0) {
                recordStartedInHeaders = true;
                recordAllZero = true;
            }
            recordAllZero &= b == 0;
            if (position % RECORD == RECORD - 1 && recordStartedInHeaders && recordAllZero) {
                sawZeroRecord = true;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes are read, so that they count.
            byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(1, n))];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void mark(int readLimit) {
            // not supported
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }
    }

    static DomainException invalid(Optional<String> entry, String reason) {
        return WorkspaceErrors.invalidArchive(entry, reason);
    }
}
