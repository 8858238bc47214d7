#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An output file that is never left half-written, whatever the target is.
///
/// - A regular file (or a new one) is written to a temporary file beside it (`.<name>.tmp-<pid>`, or with `-<n>` after it when taken; created
///   exclusively with mode 0600) and renamed over it only when complete, so an error, Ctrl-C or `kill` never
///   leaves a truncated file. An existing file keeps its mode (and owner and group, where the process may set
///   them); a new file gets the mode `0666` less the process umask, as `> file` in a shell would.
/// - A symbolic link is followed: the replace happens at the link's final target and the link stays.
/// - A character or block device, FIFO or socket (`/dev/null`, `/dev/full`, a named pipe) is written directly:
///   nothing is created or renamed, and a write error (`/dev/full`: no space) is an `OutputError.writeFailed`.
/// - A folder is `OutputError.cannotCreate` ("it is a directory").
///
/// A program's handlers of SIGINT, SIGTERM and SIGHUP call `removeAllPending()` so that an interrupted run
/// leaves no temporary file (`locus` installs them); the library installs no signal handler.
package final class AtomicOutputFile {
    /// The path as given.
    package let targetPath: String
    /// The file actually replaced: `targetPath` with its symbolic links followed.
    let resolvedPath: String
    /// The temporary file, or nil when the target is written directly (a device or FIFO).
    let temporaryPath: String?
    /// Where to write: the temporary file (or the device or FIFO itself).
    package let sink: ByteSink
    /// The mode, owner and group to give the file before it replaces the target.
    private let mode: mode_t
    private let owner: (uid: uid_t, gid: gid_t)?
    private var finished = false

    /// Identifies the file an output path writes, to tell whether two outputs name the same one: the device and
    /// inode of an existing file, else the resolved absolute path.
    let identity: String

    /// True when the target is a device, FIFO or socket, written directly.
    var isDirect: Bool { temporaryPath == nil }

    /// Opens the target: creates the temporary file beside it, or opens a device or FIFO for writing.
    package init(targetPath: String) throws(OutputError) {
        self.targetPath = targetPath
        let resolved = Self.resolveLinks(targetPath)
        resolvedPath = resolved
        var info = stat()
        let exists = stat(resolved, &info) == 0
        let kind = info.st_mode & S_IFMT
        if exists && kind == S_IFDIR {
            throw .cannotCreate(path: targetPath, reason: "it is a directory")
        }
        if exists && kind != S_IFREG {
            // A device, FIFO or socket: write to it as it is. Opened by the path given, so links such as
            // /dev/stdout → /proc/self/fd/1 resolve as the system means them.
            let fd = open(targetPath, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotCreate(path: targetPath, reason: String(cString: strerror(errno))) }
            sink = ByteSink(fileDescriptor: fd, name: targetPath, closesDescriptor: true)
            temporaryPath = nil
            mode = 0
            owner = nil
            identity = "device \(info.st_dev):\(info.st_ino)"
            return
        }
        if exists {
            mode = info.st_mode & 0o7777
            owner = (info.st_uid, info.st_gid)
            identity = "file \(info.st_dev):\(info.st_ino)"
        } else {
            mode = 0o666 & ~Self.processUmask
            owner = nil
            identity = "path \(Self.absolute(resolved))"
        }
        let slash = resolved.lastIndex(of: "/")
        let directory = slash.map { String(resolved[...$0]) } ?? ""
        let name = slash.map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
        var attempt = 0
        while true {
            let base = "\(directory).\(name).tmp-\(getpid())"
            let candidate = attempt == 0 ? base : "\(base)-\(Self.nextSerial())"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                // Registered before anything is written, so a signal never leaves it behind.
                TemporaryFiles.register(candidate)
                temporaryPath = candidate
                sink = ByteSink(fileDescriptor: fd, name: targetPath, closesDescriptor: true)
                break
            }
            let code = errno
            attempt += 1
            // Name the file the user asked for, not the temporary one.
            guard code == EEXIST, attempt < 100 else {
                throw .cannotCreate(path: targetPath, reason: String(cString: strerror(code)))
            }
        }
    }

    deinit { discard() }

    /// Flushes and syncs, gives the file the target's mode (and owner), and renames it over the target; a
    /// device or FIFO is only flushed.
    package func commit() throws(OutputError) {
        guard !finished else { return }
        guard let temporaryPath else {
            finished = true
            try sink.flush()
            return
        }
        try sink.sync()
        if let owner, fchown(sink.fileDescriptor, owner.uid, owner.gid) != 0 {
            // Not permitted to give the file away (not root): keep at least the group, when we may.
            _ = fchown(sink.fileDescriptor, uid_t.max, owner.gid)
        }
        // After chown, which may clear the set-user-ID and set-group-ID bits.
        guard fchmod(sink.fileDescriptor, mode) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .cannotCreate(path: targetPath, reason: reason)
        }
        guard rename(temporaryPath, resolvedPath) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .cannotCreate(path: targetPath, reason: reason)
        }
        finished = true
        TemporaryFiles.unregister(temporaryPath)
    }

    /// Removes the temporary file of every output not yet committed or discarded, without allocating or
    /// locking: what a SIGINT, SIGTERM or SIGHUP handler calls before the process ends with the signal.
    package static func removeAllPending() {
        TemporaryFiles.removeAll()
    }

    /// Removes the temporary file, leaving the target as it was (a device or FIFO keeps what was written).
    package func discard() {
        guard !finished else { return }
        finished = true
        if let temporaryPath {
            unlink(temporaryPath)
            TemporaryFiles.unregister(temporaryPath)
        }
    }

    /// `path` with every symbolic link in its last component followed (relative targets are taken from the
    /// link's folder); a dangling link gives the path it points at, where the new file will be made. Paths
    /// under /dev and /proc are left as they are (their links are the system's, such as /dev/stdout).
    static func resolveLinks(_ path: String) -> String {
        if path.hasPrefix("/dev/") || path.hasPrefix("/proc/") { return path }
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, Int(PATH_MAX))
            guard count > 0 else { return current }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        return current
    }

    /// `path` made absolute and its folder's links resolved, for comparing two new files' paths.
    private static func absolute(_ path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let real = realpath(directory.isEmpty ? "/" : directory, nil) else { return path }
        defer { free(real) }
        return String(cString: real) + "/" + name
    }

    /// The process's umask (read once: reading it means setting it).
    private static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    nonisolated(unsafe) private static var serial = 0
    private static let serialLock = NSLock()

    private static func nextSerial() -> Int {
        serialLock.withLock {
            serial += 1
            return serial
        }
    }
}

/// The temporary files to remove if the process is interrupted: a fixed table of C strings that a signal
/// handler can read without allocating.
enum TemporaryFiles {
    private static let capacity = 8
    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        table.initialize(repeating: nil, count: capacity)
        return table
    }()
    private static let lock = NSLock()

    static func register(_ path: String) {
        lock.withLock {
            for i in 0..<capacity where paths[i] == nil {
                paths[i] = strdup(path)
                return
            }
        }
    }

    static func unregister(_ path: String) {
        lock.withLock {
            for i in 0..<capacity {
                if let p = paths[i], String(cString: p) == path {
                    paths[i] = nil
                    free(p)
                }
            }
        }
    }

    /// Removes every registered file: only `unlink` on a fixed table, safe in a signal handler.
    static func removeAll() {
        for i in 0..<capacity { if let p = paths[i] { unlink(p) } }
    }
}
