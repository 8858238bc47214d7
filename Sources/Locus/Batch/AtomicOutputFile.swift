#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An output file written beside its target (`.<name>.tmp-<pid>`) and renamed over it only when complete,
/// so an error, Ctrl-C or `kill` never leaves a truncated file at the target. While it is open, SIGINT,
/// SIGTERM and SIGHUP remove the temporary file before the process ends with the signal.
public final class AtomicOutputFile {
    public let targetPath: String
    public let temporaryPath: String
    public let sink: ByteSink
    private var finished = false

    /// Creates the temporary file beside `targetPath`.
    public init(targetPath: String) throws(OutputError) {
        self.targetPath = targetPath
        let slash = targetPath.lastIndex(of: "/")
        let directory = slash.map { String(targetPath[...$0]) } ?? ""
        let name = slash.map { String(targetPath[targetPath.index(after: $0)...]) } ?? targetPath
        temporaryPath = "\(directory).\(name).tmp-\(getpid())"
        do {
            sink = try ByteSink(path: temporaryPath)
        } catch {
            // Name the file the user asked for, not the temporary one.
            if case let .cannotCreate(_, reason) = error { throw .cannotCreate(path: targetPath, reason: reason) }
            throw error
        }
        TemporaryFiles.register(temporaryPath)
    }

    deinit { discard() }

    /// Flushes, syncs and renames the temporary file over the target.
    public func commit() throws(OutputError) {
        guard !finished else { return }
        try sink.sync()
        guard rename(temporaryPath, targetPath) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .cannotCreate(path: targetPath, reason: reason)
        }
        finished = true
        TemporaryFiles.unregister(temporaryPath)
    }

    /// Removes the temporary file, leaving the target as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        unlink(temporaryPath)
        TemporaryFiles.unregister(temporaryPath)
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
    nonisolated(unsafe) private static var installed = false
    private static let lock = NSLock()

    static func register(_ path: String) {
        lock.withLock {
            installHandlers()
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

    /// Removes every registered file (what the signal handler does), for tests.
    static func removeAll() {
        for i in 0..<capacity { if let p = paths[i] { unlink(p) } }
    }

    /// Handles SIGINT, SIGTERM and SIGHUP (except one the parent set to be ignored, as `nohup` does), and
    /// unblocks them on this thread (a parent may have left them blocked), so threads started later inherit it.
    private static func installHandlers() {
        guard !installed else { return }
        installed = true
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            sigaction(sig, nil, &current)
            let handler = current.__sigaction_handler.sa_handler
            if unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                TemporaryFiles.removeAll()
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
            sigaddset(&unblock, sig)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
