#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer of bytes to a file descriptor (a file, a pipe or stdout).
///
/// A closed pipe (`locus … | head`) surfaces as `OutputError.brokenPipe`, so the caller can stop quietly.
public final class ByteSink {
    /// The name used in messages (the path, or `stdout`).
    public let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool

    /// The descriptor written to.
    public var fileDescriptor: Int32 { fd }
    private var buffer: [UInt8] = []
    private let flushThreshold: Int

    /// Writes to an open descriptor, e.g. `STDOUT_FILENO`, closed when the sink goes only if `closesDescriptor`.
    /// A write to a pipe whose reader has gone fails with `OutputError.brokenPipe` when the process ignores
    /// SIGPIPE (as `locus` does; a process's signals are its program's to set, not a library's); otherwise
    /// the system ends the process, as it does any program.
    public init(fileDescriptor: Int32, name: String, flushThreshold: Int = 1 << 16, closesDescriptor: Bool = false) {
        self.fd = fileDescriptor
        self.name = name
        self.ownsDescriptor = closesDescriptor
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    /// Creates (or truncates) the file at `path`.
    public init(path: String, flushThreshold: Int = 1 << 16) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw OutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        self.fd = fd
        self.name = path
        self.ownsDescriptor = true
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Appends bytes; flushes when the buffer is full.
    @inline(__always)
    public func write<S: Sequence>(_ bytes: S) throws(OutputError) where S.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends the UTF-8 bytes of `text`.
    @inline(__always)
    public func write(_ text: String) throws(OutputError) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes out everything buffered.
    func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n > 0 {
                offset += n
                continue
            }
            if n < 0 && errno == EINTR { continue }
            let code = errno
            buffer.removeAll(keepingCapacity: true)
            if code == EPIPE { throw OutputError.brokenPipe }
            throw OutputError.writeFailed(name: name, reason: String(cString: strerror(code)))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and asks the system to put the file on disk.
    func sync() throws(OutputError) {
        try flush()
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            throw OutputError.writeFailed(name: name, reason: String(cString: strerror(errno)))
        }
    }

}

/// An output that cannot be written.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(name: String, reason: String)
    /// The reader of a pipe went away (for example `| head`): not an error for the user.
    case brokenPipe

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): return "cannot create \(path): \(reason)"
        case let .writeFailed(name, reason): return "cannot write \(name): \(reason)"
        case .brokenPipe: return "the output pipe was closed"
        }
    }
}
