#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that appears whole or not at all: bytes go to a hidden temporary file beside it, which is
/// renamed over `path` by `commit()`. Without `commit()` (an error, an interruption) `discard()` removes it and
/// an existing file at `path` is untouched.
public final class AtomicOutputFile {
    public let path: String
    public let temporaryPath: String
    /// Where to write.
    public let sink: ByteSink
    private var finished = false

    public init(path: String) throws(OutputError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = folder + ".\(name).locus-\(getpid()).tmp"
        do {
            sink = try ByteSink(path: temporaryPath)
        } catch {
            // Name the file the user asked for, not the temporary one.
            if case let .cannotCreate(_, reason) = error { throw .cannotCreate(path: path, reason: reason) }
            throw error
        }
    }

    /// Flushes, syncs and renames the temporary file to `path`.
    public func commit() throws(OutputError) {
        guard !finished else { return }
        try sink.sync()
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw .cannotCreate(path: path, reason: reason)
        }
        finished = true
    }

    /// Removes the temporary file (nothing is written at `path`).
    public func discard() {
        guard !finished else { return }
        finished = true
        unlink(temporaryPath)
    }

    deinit { discard() }
}
