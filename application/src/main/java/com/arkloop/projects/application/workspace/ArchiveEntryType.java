package com.arkloop.projects.application.workspace;

/**
 * What an archive entry is, as the archive's header says. Only files, directories, symlinks and
 * hard links to an earlier file can become workspace entries; the rest reject the whole archive.
 */
public enum ArchiveEntryType {
    FILE,
    DIRECTORY,
    SYMLINK,
    /** A hard link: its link target names an earlier entry of the same archive. */
    HARDLINK,
    /** A character or block device. */
    DEVICE,
    FIFO,
    /** Anything else the archive format can describe (sockets, sparse or unknown types). */
    OTHER
}
