#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sequential reader of raw bytes from a file descriptor (a file, a pipe or stdin), in large chunks.
///
/// It never loads the whole input: memory stays at one buffer whatever the input size.
public final class ByteSource {
    /// Where the bytes come from, for error messages ("stdin" or the path).
    public let name: String
    /// The total size in bytes when known (a regular file), for progress reporting.
    let knownSize: Int?
    private let fd: Int32
    private let ownsDescriptor: Bool
    private(set) var buffer: [UInt8]
    private(set) var start = 0
    private(set) var end = 0
    private var atEOF = false
    /// Bytes consumed so far (read and handed out).
    private(set) var bytesConsumed = 0

    /// Opens the file at `path` for reading, or standard input when `path` is `-`.
    public init(path: String, chunkSize: Int = 1 << 16) throws(InputError) {
        if path == "-" {
            self.fd = 0
            self.name = "stdin"
            self.ownsDescriptor = false
        } else {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                throw InputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw InputError.cannotOpen(path: path, reason: "it is a directory")
            }
            self.fd = fd
            self.name = path
            self.ownsDescriptor = true
        }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            self.knownSize = Int(info.st_size)
        } else {
            self.knownSize = nil
        }
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 1024))
    }

    /// Reads from an already open descriptor (not closed on deinit).
    public init(fileDescriptor: Int32, name: String, chunkSize: Int = 1 << 16) {
        self.fd = fileDescriptor
        self.name = name
        self.ownsDescriptor = false
        self.knownSize = nil
        self.buffer = [UInt8](repeating: 0, count: max(chunkSize, 1024))
    }

    /// Reads `bytes` held in memory (a file of a source pack), as if they were a file called `name`.
    public init(bytes: [UInt8], name: String) {
        self.fd = -1
        self.name = name
        self.ownsDescriptor = false
        self.knownSize = bytes.count
        self.buffer = bytes
        self.end = bytes.count
        self.atEOF = true
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// The bytes available now, refilling the buffer when it is empty. Empty only at end of input.
    @inline(__always)
    func available() throws(InputError) -> Int {
        if start < end { return end - start }
        try refill()
        return end - start
    }

    /// Marks `count` bytes of the available ones as consumed.
    @inline(__always)
    func consume(_ count: Int) {
        start += count
        bytesConsumed += count
    }

    private func refill() throws(InputError) {
        start = 0
        end = 0
        if atEOF { return }
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress!, raw.count)
            }
            if n > 0 {
                end = n
                return
            }
            if n == 0 {
                atEOF = true
                return
            }
            if errno == EINTR { continue }
            throw InputError.readFailed(name: name, reason: String(cString: strerror(errno)))
        }
    }

    /// True when the next record can be read without waiting: bytes are buffered, the input has ended, or
    /// the descriptor is ready (always so for a regular file). A pipe with no data yet is not.
    func canReadWithoutWaiting() -> Bool {
        if start < end || atEOF { return true }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// The buffered bytes up to the first line end, reading once when nothing is buffered; nothing is consumed.
    func peekLine() throws(InputError) -> [UInt8] {
        guard try available() > 0 else { return [] }
        return withAvailable { bytes in
            Array(bytes.prefix { $0 != 0x0A && $0 != 0x0D })
        }
    }

    /// Calls `body` with the currently buffered, unconsumed bytes.
    @inline(__always)
    func withAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try buffer.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }
}

/// An input that cannot be read at all (as opposed to a malformed row, which is reported per row).
public enum InputError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(name: String, reason: String)
    case invalidEncoding(name: String, line: Int, column: Int, encoding: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open \(path): \(reason)"
        case let .readFailed(name, reason):
            return "cannot read \(name): \(reason)"
        case let .invalidEncoding(name, line, column, encoding):
            return "\(name): line \(line), column \(column): the text is not valid \(encoding)"
        }
    }
}
